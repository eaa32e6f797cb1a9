package cn.zhenggai.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Demo data of the embedded default, loaded once through the public API: the sample outline (an administrative
 * approval bureau's 2022 outline) imported by the sample department's liaison through the outline import endpoint
 * (one draft with all its content), its three root causes linked to the problems they explain, then submitted
 * for review. The demo ledger ({@link DemoLedger}) takes it from there.
 *
 * <p>{@link #load} is the module's entry point: {@code ./zhenggai up} and the web UI tests load the demo with it.
 */
public final class DemoData {

    static final String SAMPLE = "/demo/2022-xingzheng-shenpi-ju-fayan-tigang.txt";
    static final String SAMPLE_NAME = "2022-xingzheng-shenpi-ju-fayan-tigang.txt";

    private DemoData() {
    }

    /**
     * What {@link #load} loaded this time: the problems of the sample outline (0 when it was there already), the
     * demo ledger (null when it was there already or could not be loaded) and, when it could not, why.
     */
    public record Loaded(int sampleProblems, DemoLedger.Summary ledger, String ledgerFailure) {
    }

    /**
     * Loads the demo through the gateway at {@code gatewayUrl}: the sample outline, then the demo ledger, each
     * unless its marker file under {@code markers} says it is there already ({@code demo-loaded},
     * {@code demo-ledger-loaded}). {@code keysDir} holds the gateway's signing keys (the ledger's history is
     * backdated with tokens signed there); what was loaded and the ledger's progress go to {@code progress}. A
     * sample that cannot be loaded throws; a ledger that cannot be loaded is reported in {@link Loaded#ledgerFailure}
     * (the platform runs without it).
     */
    public static Loaded load(String gatewayUrl, Path keysDir, Path markers, PrintStream progress) throws Exception {
        Path sampleMarker = markers.resolve("demo-loaded");
        int sampleProblems = loadOnce(new GatewayClient(gatewayUrl), sampleMarker);
        if (sampleProblems > 0) {
            progress.println("Loaded the demo data: the sample outline with " + sampleProblems + " problems.");
        }
        try {
            String sampleReport = Files.exists(sampleMarker) ? Files.readString(sampleMarker).strip() : null;
            DemoLedger.Summary ledger = DemoLedger.loadOnce(new GatewayClient(gatewayUrl), keysDir,
                    markers.resolve("demo-ledger-loaded"), sampleReport, progress);
            if (ledger != null) {
                progress.printf("Loaded the demo ledger in %.1f s: %d reports, %d items %s.%n",
                        ledger.millis() / 1000.0, ledger.reports(), ledger.items(), ledger.states());
            }
            return new Loaded(sampleProblems, ledger, null);
        } catch (Exception e) {
            return new Loaded(sampleProblems, null, String.valueOf(e.getMessage()));
        }
    }

    /** The first step of {@link #load}: the sample outline unless {@code marker} exists; returns its problems. */
    public static int loadOnce(GatewayClient gateway, Path marker) throws Exception {
        if (Files.exists(marker)) {
            return 0;
        }
        byte[] sample;
        try (InputStream in = DemoData.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IOException("demo outline missing from the demo-data jar: " + SAMPLE);
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
        DemoLedger.linkRootCauses(liaison, reportId, report.body());
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
