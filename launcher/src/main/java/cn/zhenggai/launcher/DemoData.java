package cn.zhenggai.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Demo data of the embedded default, loaded once through the public API: the sample outline (an administrative
 * approval bureau's 2022 outline) imported by the sample department's liaison through the outline import endpoint
 * (one draft with all its content), its three root causes linked to the problems they explain, then submitted
 * for review. The demo ledger ({@link cn.zhenggai.launcher.demo.DemoLedger}) takes it from there.
 */
final class DemoData {

    static final String SAMPLE = "/demo/2022-xingzheng-shenpi-ju-fayan-tigang.txt";
    static final String SAMPLE_NAME = "2022-xingzheng-shenpi-ju-fayan-tigang.txt";

    private DemoData() {
    }

    /** Loads the demo data unless {@code marker} exists; returns the number of problems loaded. */
    static int loadOnce(GatewayClient gateway, Path marker) throws Exception {
        if (Files.exists(marker)) {
            return 0;
        }
        byte[] sample;
        try (InputStream in = DemoData.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IOException("demo outline missing from the launcher: " + SAMPLE);
            }
            sample = in.readAllBytes();
        }
        GatewayClient liaison = gateway.login("demo-dept", "demo");
        // the import endpoint takes the file as the raw request body (the sample is UTF-8 text)
        GatewayClient.Answer imported = liaison.postRaw("/api/outlines/import?fileName=" + SAMPLE_NAME,
                new String(sample, StandardCharsets.UTF_8));
        if (!imported.ok()) {
            throw new IOException("demo outline import refused: " + imported.status() + " " + imported.body());
        }
        String reportId = imported.text("reportId");
        // the outline does not say which problems a root cause explains: link them, so the items answer problems
        GatewayClient.Answer report = liaison.get("/api/reports/" + reportId);
        if (!report.ok()) {
            throw new IOException("demo report not readable: " + report.status() + " " + report.body());
        }
        cn.zhenggai.launcher.demo.DemoLedger.linkRootCauses(liaison, reportId, report.body());
        GatewayClient.Answer submitted = liaison.post("/api/reports/" + reportId + "/submission", Map.of());
        if (!submitted.ok()) {
            throw new IOException("demo report submission refused: " + submitted.status() + " " + submitted.body());
        }
        int loaded = imported.body().path("counts").path("problems").asInt();
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, reportId + "\n");
        return loaded;
    }
}
