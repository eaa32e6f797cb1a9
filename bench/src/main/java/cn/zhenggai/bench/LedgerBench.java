package cn.zhenggai.bench;

import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.rectification.ReadModelStore;
import cn.zhenggai.rectification.export.LedgerWorkbook;
import cn.zhenggai.rectification.ledger.Ledger;
import cn.zhenggai.rectification.ledger.LedgerProjection;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures for docs/benchmarks.md ("Ledger"): the overview query over 80 departments × 100 items (8,000 items in
 * the ledger collection) and the .xlsx export of 1,000 rows, through the query and export classes against the
 * embedded MongoDB-wire-compatible store (mongo-java-server, memory backend — not MongoDB) in this JVM. Prints the
 * figures; asserts nothing about time. {@code ./zhenggai bench --scenario ledger}.
 */
final class LedgerBench {

    static final int DEPARTMENTS = 80;
    static final int ITEMS_PER_DEPARTMENT = 100;
    static final int EXPORT_ROWS = 1000;
    static final String[] THEMES = {"带头深刻领悟“两个确立”的决定性意义", "带头用习近平新时代中国特色社会主义思想凝心铸魂",
            "带头坚持和加强党的全面领导", "带头坚持以人民为中心的发展思想", "带头发扬斗争精神，防范化解风险挑战",
            "带头落实全面从严治党政治责任", "其他"};

    static void run(String[] args) throws Exception {
        new LedgerBench().measure();
    }

    void measure() throws Exception {
        try (ReadModelStore store = new ReadModelStore()) {
            LedgerProjection projection = new LedgerProjection(store.database());
            Map<String, String> names = new LinkedHashMap<>();
            long loadStart = System.nanoTime();
            int events = 0;
            for (int d = 0; d < DEPARTMENTS; d++) {
                String code = "D" + String.format("%02d", d);
                names.put(code, "部门" + d);
                events += load(projection, code, ITEMS_PER_DEPARTMENT, d);
                if ((d + 1) % 10 == 0) {
                    System.out.printf("  %d items projected, %.1f s%n", (d + 1) * ITEMS_PER_DEPARTMENT,
                            (System.nanoTime() - loadStart) / 1e9);
                }
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf("ledger: %d items (%d events) projected in %.1f s (%.0f events/s)%n",
                    DEPARTMENTS * ITEMS_PER_DEPARTMENT, events, loadSeconds, events / loadSeconds);

            Ledger ledger = new Ledger(store.database(), ReadModelStore.on("2026-11-28"));
            long[] overview = time(5, 30, () -> ledger.overviewOf(null, names));
            Ledger.Overview o = ledger.overviewOf(null, names);
            System.out.printf("overview of %d departments × %d items (%d themes, %d trend months): %s%n",
                    o.departments().size(), ITEMS_PER_DEPARTMENT, o.themes().size(), o.trend().size(),
                    summary(overview));
            long[] one = time(5, 30, () -> ledger.overviewOf("D07", names));
            System.out.printf("overview of one department (filtered): %s%n", summary(one));
            long[] rows = time(5, 30, () -> ledger.rows("D07"));
            System.out.printf("ledger rows of one department (100 items): %s%n", summary(rows));

            String big = "BIG";
            load(projection, big, EXPORT_ROWS, 3);
            List<LedgerRow> exportRows = ledger.rows(big);
            int[] size = new int[1];
            long[] export = time(3, 10, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                LedgerWorkbook.write("大部门整改台账", exportRows, c -> c, out);
                size[0] = out.size();
                return out;
            });
            System.out.printf("export of %d rows to .xlsx (%d KB): %s%n", exportRows.size(), size[0] / 1024,
                    summary(export));
            long[] queryAndExport = time(3, 10, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                LedgerWorkbook.write("大部门整改台账", ledger.rows(big), c -> c, out);
                return out;
            });
            System.out.printf("query + export of %d rows: %s%n", exportRows.size(), summary(queryAndExport));
        }
    }

    /** Items of one department in a mix of states, as the projection receives them; returns the event count. */
    static int load(LedgerProjection projection, String code, int items, int seed) {
        Instant at = Instant.parse("2026-01-15T02:00:00Z");
        int events = 0;
        for (int i = 0; i < items; i++) {
            String id = "mea-" + code + "-" + i;
            Instant planned = at.plusSeconds(86400L * ((i * 7 + seed) % 300));
            List<MeasurePlanned.Problem> problems = List.of(
                    new MeasurePlanned.Problem(id + "-p1", THEMES[(i + seed) % THEMES.length], 1,
                            "理论学习的系统性还不够，学习新思想停留在读原文、记笔记，第" + i + "项。"),
                    new MeasurePlanned.Problem(id + "-p2", THEMES[(i + seed + 3) % THEMES.length], 2,
                            "调查研究开展的还不够深入，深入基层一线了解情况的次数偏少，第" + i + "项。"));
            projection.on(new MeasurePlanned(id, code, "REPORT", "rpt-" + code + "-" + (i / 3), "msr-" + i, code,
                    code.toLowerCase() + "-cadre" + (i % 4), 2025 + (i % 2), i % 3 + 1, "强化理论武装，提升学用结合能力" + i,
                    "坚持以习近平新时代中国特色社会主义思想武装头脑、指导实践、推动工作。", List.of(), null, "2026年6月底前",
                    "王*", null, List.of(), List.of(), problems), 0, planned);
            projection.on(new MeasureAssigned(id, code, code, List.of(), "王*", "2026-12-31", false, null, "l"), 1,
                    planned);
            projection.on(new ProgressReported(id, code, "已制定整改方案，明确责任分工和完成时限。", "l", code), 2, planned);
            events += 3;
            switch (i % 5) {
                case 0 -> {
                    projection.on(new MeasureCompleted(id, code, "已完成。", "l", "2026-12-31", false), 3, planned);
                    projection.on(new MeasureVerified(id, code, "party", null), 4, planned.plusSeconds(86400 * 20));
                    events += 2;
                }
                case 1 -> {
                    projection.on(new MeasureCompleted(id, code, "已完成。", "l", "2026-12-31", false), 3, planned);
                    events++;
                }
                case 2 -> {
                    projection.on(new MeasureOverdue(id, code, "2026-12-31", "王*"), 3, planned);
                    projection.on(new MeasureColourChanged(id, code, "RED", "YELLOW", "2026-12-31", "王*"), 4, planned);
                    events += 2;
                }
                default -> {
                }
            }
        }
        return events;
    }

    interface Work {
        Object run() throws Exception;
    }

    static long[] time(int warmup, int runs, Work work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        return micros;
    }

    static String summary(long[] sorted) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format("p50 %.1f ms", sorted[sorted.length / 2] / 1000.0));
        parts.add(String.format("p90 %.1f ms", sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1000.0));
        parts.add(String.format("max %.1f ms", sorted[sorted.length - 1] / 1000.0));
        parts.add("n=" + sorted.length);
        return String.join(", ", parts);
    }
}
