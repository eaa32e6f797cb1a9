package cn.zhenggai.launcher;

import cn.zhenggai.outline.Outline;
import cn.zhenggai.outline.OutlineParser;
import cn.zhenggai.outline.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Demo data of the embedded default, loaded once through the public API: the sample outline (an administrative
 * approval bureau's 2022 outline) as the report of the sample department, with its problems.
 */
final class DemoData {

    static final String SAMPLE = "/demo/2022-xingzheng-shenpi-ju-fayan-tigang.txt";

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
        Outline outline = OutlineParser.parse(sample, "sample.txt");
        GatewayClient liaison = gateway.login("demo-dept", "demo");
        GatewayClient.Answer report = liaison.post("/api/reports",
                Map.of("title", outline.title(), "year", outline.year()));
        if (!report.ok()) {
            throw new IOException("demo report refused: " + report.status() + " " + report.body());
        }
        String reportId = report.text("reportId");
        int loaded = 0;
        for (Problem problem : outline.problems()) {
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("theme", problem.theme());
            body.put("ordinal", problem.ordinal());
            body.put("statement", problem.statement());
            body.put("example", problem.example());
            GatewayClient.Answer answer = liaison.post("/api/reports/" + reportId + "/problems", body);
            if (!answer.ok()) {
                throw new IOException("demo problem refused: " + answer.status() + " " + answer.body());
            }
            loaded++;
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, reportId + "\n");
        return loaded;
    }
}
