package cn.zhenggai.bench;

import cn.zhenggai.demo.DemoHistory;
import cn.zhenggai.demo.GatewayClient;
import cn.zhenggai.demo.GeneratedLedger;
import cn.zhenggai.devstack.PlatformStack;
import cn.zhenggai.devstack.infra.InfraConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The migration part of {@code ./zhenggai bench --scenario history} (ADR 0093): generated historical ledgers of
 * {@code rows} items each (2,000, the most one sheet may have; {@link GeneratedLedger}) led by every department in
 * turn, posted one after the other to {@code POST /api/rectification/history/import} through the gateway of a fresh
 * embedded stack as the party committee, each first as a dry run (the check of every row) and then for real; then the
 * overview is polled until every migrated item is on the ledger. Prints items/s and events/s of the import (the 200
 * comes after every item's history is in the event store) and until the last item is visible in the ledger.
 */
final class MigrationBench {

    private static final Duration VISIBLE_WAIT = Duration.ofMinutes(10);

    private MigrationBench() {
    }

    /** The figures of one run. */
    record Figures(int sheets, int rowsPerSheet, long items, long events, double dryRunSeconds, double importSeconds,
                   double visibleSeconds, List<Double> sheetSeconds, long startMillis) {
    }

    static Figures run(Path home, int sheets, int rows) throws Exception {
        HistoryBench.progress("migration: starting the embedded stack (temporary data) for " + sheets + " sheets of "
                + rows + " rows");
        PlatformStack stack = new PlatformStack(new PlatformStack.Settings(home, InfraConfig.temporary(), 0, 384,
                Map.of()));
        try (AutoCloseable stopping = stack::close) {
            stack.start(Duration.ofMinutes(5));
            HistoryBench.progress("  ready in " + stack.startMillis() + " ms");
            GatewayClient party = new GatewayClient(stack.gatewayUrl()).login("demo-party", "demo");
            List<String> departments = new ArrayList<>();
            party.get("/api/rectification/departments").body().path("departments")
                    .forEach(d -> departments.add(d.path("code").asText()));
            if (departments.isEmpty()) {
                throw new IllegalStateException("no departments in the directory");
            }
            long before = total(party);
            double dryRun = 0;
            double imported = 0;
            long items = 0;
            long events = 0;
            List<Double> perSheet = new ArrayList<>();
            long start = System.nanoTime();
            for (int s = 0; s < sheets; s++) {
                byte[] csv = DemoHistory.csv(GeneratedLedger.sheet(s, rows, departments, LocalDate.now()));
                String name = "历史台账-" + (s + 1) + ".csv";
                long t = System.nanoTime();
                GatewayClient.Answer preview = party.postFile("/api/rectification/history/import?dryRun=true",
                        "file", name, "text/csv", csv);
                dryRun += HistoryBench.seconds(t);
                require(preview, "dry run of " + name);
                if (!preview.body().path("valid").asBoolean()) {
                    throw new IllegalStateException("the generated sheet is refused: "
                            + preview.body().path("errors").path(0));
                }
                t = System.nanoTime();
                GatewayClient.Answer answer = party.postFile("/api/rectification/history/import", "file", name,
                        "text/csv", csv);
                double took = HistoryBench.seconds(t);
                require(answer, "import of " + name);
                imported += took;
                perSheet.add(took);
                items += answer.body().path("counts").path("new").asLong();
                events += answer.body().path("counts").path("events").asLong();
                HistoryBench.progress(String.format(Locale.ROOT, "  sheet %d: %d items, %d events in %.1f s",
                        s + 1, answer.body().path("counts").path("new").asLong(),
                        answer.body().path("counts").path("events").asLong(), took));
            }
            long expected = before + items;
            long deadline = System.nanoTime() + VISIBLE_WAIT.toNanos();
            long seen = total(party);
            while (seen < expected && System.nanoTime() < deadline) {
                Thread.sleep(100);
                seen = total(party);
            }
            double visible = HistoryBench.seconds(start);
            if (seen < expected) {
                throw new IllegalStateException("only " + (seen - before) + " of " + items
                        + " migrated items on the ledger after " + VISIBLE_WAIT);
            }
            HistoryBench.progress(String.format(Locale.ROOT, "  %d items (%d events) on the ledger %.1f s after the "
                    + "first sheet", items, events, visible));
            return new Figures(sheets, rows, items, events, dryRun, imported, visible, perSheet, stack.startMillis());
        }
    }

    private static long total(GatewayClient party) throws Exception {
        GatewayClient.Answer overview = party.get("/api/overview");
        require(overview, "overview");
        return overview.body().path("totals").path("total").asLong();
    }

    private static void require(GatewayClient.Answer answer, String what) {
        if (!answer.ok()) {
            String body = String.valueOf(answer.body());
            throw new IllegalStateException(what + " answered " + answer.status() + ": "
                    + body.substring(0, Math.min(body.length(), 500)));
        }
    }

    /** The figures as the history bench prints them. */
    static String render(Figures f) {
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "%nMigration (POST /api/rectification/history/import through the "
                        + "gateway of a fresh embedded stack, ready in %d ms; %d generated sheets of %d rows, each "
                        + "a dry run then the import):%n", f.startMillis(), f.sheets(), f.rowsPerSheet()));
        Table t = new Table("Items", "Events", "Dry runs s", "Dry-run rows/s", "Imports s", "Import items/s",
                "Import events/s", "Per sheet s", "On the ledger after s", "Items/s to the ledger");
        t.row(f.items(), f.events(), Table.f1(f.dryRunSeconds()),
                Table.f0(f.sheets() * (double) f.rowsPerSheet() / f.dryRunSeconds()), Table.f1(f.importSeconds()),
                Table.f0(f.items() / f.importSeconds()), Table.f0(f.events() / f.importSeconds()),
                f.sheetSeconds().stream().map(Table::f1).collect(Collectors.joining(" / ")),
                Table.f1(f.visibleSeconds()), Table.f0(f.items() / f.visibleSeconds()));
        return r.append(t.render("  ")).toString();
    }
}
