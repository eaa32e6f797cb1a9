package cn.zhenggai.demo;

import cn.zhenggai.demo.GatewayClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo ledger, loaded once through the gateway's public API after the sample outline: the sample report
 * accepted by the organization department and its three items in 行政审批局's ledger in different states, driven
 * today; then, for 13 departments with two cadres each, a 2021 and a 2022 outline in the sample's style imported by
 * the cadre, root causes linked to the problems they explain and submitted; before each is accepted, the party
 * committee migrates its items' history ({@link DemoHistory}, ADR 0094) through the history import: assigned in the
 * meeting's January, progressing, extended, overdue, completed and verified over the years since, in today's mix of
 * states (verified, completed, in progress, due soon, due today, long term, not yet assigned, overdue). The 2022
 * drafts get the carry-over rectification prepares from the 2021 items before they are submitted, and every other
 * cadre repeats a 2021 problem (年年提). Finally demo-dept starts a 2023 draft, whose carry-over is prepared from the
 * sample's items.
 */
public final class DemoLedger {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Duration WAIT = Duration.ofSeconds(90);

    /** Departments with their Chinese names (the sample's first). */
    static final Map<String, String> DEPARTMENTS = new LinkedHashMap<>();

    static {
        DEPARTMENTS.put("XZSPJ", "行政审批局");
        DEPARTMENTS.put("CZJ", "财政局");
        DEPARTMENTS.put("FGW", "发展和改革委员会");
        DEPARTMENTS.put("RSJ", "人力资源和社会保障局");
        DEPARTMENTS.put("ZRZYJ", "自然资源局");
        DEPARTMENTS.put("ZJJ", "住房和城乡建设局");
        DEPARTMENTS.put("JTJ", "交通运输局");
        DEPARTMENTS.put("SWJ", "商务局");
        DEPARTMENTS.put("JYJ", "教育局");
        DEPARTMENTS.put("WJW", "卫生健康委员会");
        DEPARTMENTS.put("MZJ", "民政局");
        DEPARTMENTS.put("SCJGJ", "市场监督管理局");
        DEPARTMENTS.put("WHLYJ", "文化和旅游局");
    }

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡"};
    static final String[] GIVEN = {"建华", "志强", "晓明", "丽萍", "国庆", "海燕"};
    static final int CADRES_PER_DEPARTMENT = 2;

    /** The states items are driven into. */
    enum State { VERIFIED, COMPLETED, IN_PROGRESS, DUE_SOON, DUE_TODAY, LONG_TERM, PLANNED, OVERDUE }

    static final State[] STATES_2021 = {State.VERIFIED, State.VERIFIED, State.LONG_TERM, State.COMPLETED,
            State.VERIFIED, State.IN_PROGRESS};
    /** Position 4 is overdue: 行政审批局's second cadre has one (cadre i's items take positions 3i, 3i+1, 3i+2). */
    static final State[] STATES_2022 = {State.VERIFIED, State.IN_PROGRESS, State.DUE_SOON, State.COMPLETED,
            State.OVERDUE, State.DUE_TODAY, State.LONG_TERM, State.VERIFIED, State.PLANNED, State.DUE_SOON,
            State.IN_PROGRESS};

    /** What was loaded. */
    public record Summary(int reports, int items, Map<String, Integer> states, long millis) {
    }

    record Cadre(String username, String displayName, String department, int index) {
    }

    private final GatewayClient gateway;
    private final DemoTokens tokens;
    private final PrintStream out;
    private final LocalDate today = LocalDate.now(CHINA);
    private final Map<String, AtomicInteger> states = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger reports = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean evidenceWarned =
            new java.util.concurrent.atomic.AtomicBoolean();
    private GatewayClient org;
    private GatewayClient party;

    DemoLedger(GatewayClient gateway, DemoTokens tokens, PrintStream out) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.out = out;
    }

    /**
     * Loads the demo ledger unless {@code marker} exists; the sample report ({@code sampleReportId}, may be null) is
     * accepted and its items driven. Returns null when it was already loaded.
     */
    public static Summary loadOnce(GatewayClient gateway, Path keysDir, Path marker, String sampleReportId,
                                   PrintStream out) throws Exception {
        if (Files.exists(marker)) {
            return null;
        }
        long begin = System.nanoTime();
        DemoLedger demo = new DemoLedger(gateway, new DemoTokens(keysDir), out);
        int items = demo.load(sampleReportId);
        Summary summary = new Summary(demo.reports.get(), items, demo.stateCounts(),
                (System.nanoTime() - begin) / 1_000_000);
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, summary + "\n");
        return summary;
    }

    private Map<String, Integer> stateCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        states.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    int load(String sampleReportId) throws Exception {
        org = new GatewayClient(baseUrl()).login("demo-org", "demo");
        party = new GatewayClient(baseUrl()).login("demo-party", "demo");
        List<Cadre> cadres = new ArrayList<>();
        int n = 0;
        for (String code : DEPARTMENTS.keySet()) {
            for (int c = 0; c < CADRES_PER_DEPARTMENT; c++) {
                String display = SURNAMES[n % SURNAMES.length] + "*" + GIVEN[(n / 2 + c) % GIVEN.length].charAt(1);
                cadres.add(new Cadre(code.toLowerCase() + "-cadre" + (c + 1), display, code, n));
                n++;
            }
        }
        int items = 0;
        ExecutorService pool = Executors.newFixedThreadPool(8); // latency-bound: calls wait on Kafka and the read models
        try {
            if (sampleReportId != null) {
                items += sample(sampleReportId);
            }
            progress("2021 reports of " + cadres.size() + " cadres in " + DEPARTMENTS.size()
                    + " departments, their items migrated as history from January 2021");
            List<String> reports2021 = all(pool, cadres, c -> report(c, 2021, false, STATES_2021));
            progress("2021 items");
            items += all(pool, cadres, c -> migrated(c, reports2021.get(cadres.indexOf(c))))
                    .stream().mapToInt(Integer::intValue).sum();
            progress("2022 reports, each with the carry-over prepared from 2021, their items migrated as history");
            List<String> reports2022 = all(pool, cadres, c -> report(c, 2022, true, STATES_2022));
            progress("2022 items");
            items += all(pool, cadres, c -> migrated(c, reports2022.get(cadres.indexOf(c))))
                    .stream().mapToInt(Integer::intValue).sum();
            if (sampleReportId != null) {
                GatewayClient liaison = new GatewayClient(baseUrl()).login("demo-dept", "demo");
                check(liaison.post("/api/reports", Map.of("title", "2023年度民主生活会个人发言提纲", "year", 2023)),
                        "2023 draft of demo-dept");
            }
        } finally {
            pool.shutdownNow();
        }
        return items;
    }

    private String baseUrl() {
        return gateway.baseUrl();
    }

    private final long started = System.nanoTime();

    private void progress(String phase) {
        out.printf("  demo ledger (%.0f s): %s …%n", (System.nanoTime() - started) / 1e9, phase);
    }

    /** The sample report accepted, its items in 行政审批局's ledger: verified, due soon, long term. */
    private int sample(String reportId) throws Exception {
        progress("the sample report accepted, its 3 items");
        GatewayClient liaison = new GatewayClient(baseUrl()).login("demo-dept", "demo");
        JsonNode report = check(liaison.get("/api/reports/" + reportId), "sample report").body();
        if ("SUBMITTED".equals(report.path("status").asText())) {
            check(org.post("/api/reports/" + reportId + "/acceptance", Map.of()), "acceptance of the sample");
        }
        List<JsonNode> rows = awaitItems(liaison, "XZSPJ", reportId, report.path("measures").size());
        State[] plan = {State.VERIFIED, State.DUE_SOON, State.LONG_TERM};
        for (int i = 0; i < rows.size(); i++) {
            apply(rows.get(i), plan[i % plan.length], liaison, "demo-dept", i);
        }
        return rows.size();
    }

    /**
     * Imports the cadre's outline of {@code year}, links root causes, (waits for the carry-over,) submits, migrates
     * the history of its items from the meeting's January to today (ADR 0094), accepts (the items are there already,
     * so the acceptance plans nothing new).
     */
    private String report(Cadre cadre, int year, boolean awaitCarryOver, State[] plan) throws Exception {
        GatewayClient client = client(cadre.username(), cadre.displayName(), cadre.department(), "CADRE");
        List<String> deadlines = List.of(year == 2021 ? "2022年6月底前" : today.plusMonths(6).getYear() + "年6月底前",
                year == 2021 ? "2022年12月底前" : today.plusYears(1).getYear() + "年12月底前", "长期坚持");
        DemoOutlines.Outline outline = DemoOutlines.outline(DEPARTMENTS.get(cadre.department()), cadre.displayName(),
                cadre.index(), year, deadlines, cadre.displayName());
        GatewayClient.Answer imported = check(client.postRaw("/api/outlines/import?fileName="
                + URLEncoder.encode(cadre.username() + "-" + year + ".txt", StandardCharsets.UTF_8),
                outline.text()), "import of " + outline.title());
        String reportId = imported.text("reportId");
        JsonNode report = check(client.get("/api/reports/" + reportId), "report " + reportId).body();
        linkRootCauses(client, reportId, report);
        if (awaitCarryOver) {
            eventually(() -> client.get("/api/reports/" + reportId).body().path("carryOver").size() > 0
                    ? Boolean.TRUE : null, Duration.ofSeconds(20));
        }
        check(client.post("/api/reports/" + reportId + "/submission", Map.of()), "submission of " + reportId);
        migrate(cadre, check(client.get("/api/reports/" + reportId), "report " + reportId).body(), plan);
        check(org.post("/api/reports/" + reportId + "/acceptance", Map.of()), "acceptance of " + reportId);
        reports.incrementAndGet();
        return reportId;
    }

    /**
     * Links the root causes to the problems they explain (an outline does not say): the themes, in the outline's
     * order, are split into as many consecutive blocks as there are root causes, root cause i explaining block i;
     * so each measure (linked to a root cause by position) answers the problems of some themes.
     */
    public static void linkRootCauses(GatewayClient client, String reportId, JsonNode report) throws Exception {
        List<String> themes = new ArrayList<>();
        report.path("problems").forEach(p -> {
            if (!themes.contains(p.path("theme").asText())) {
                themes.add(p.path("theme").asText());
            }
        });
        JsonNode causes = report.path("rootCauses");
        for (int r = 0; r < causes.size(); r++) {
            JsonNode cause = causes.get(r);
            List<String> problemIds = new ArrayList<>();
            for (JsonNode p : report.path("problems")) {
                int theme = themes.indexOf(p.path("theme").asText());
                if (theme * causes.size() / themes.size() == r) {
                    problemIds.add(p.path("problemId").asText());
                }
            }
            check(client.put("/api/reports/" + reportId + "/root-causes/" + cause.path("rootCauseId").asText(),
                    Map.of("title", cause.path("title").asText(), "analysis", cause.path("analysis").asText(""),
                            "problemIds", problemIds)), "root cause of " + reportId);
        }
    }

    /** The report's items as a historical ledger, posted by the party committee to the history import. */
    private void migrate(Cadre cadre, JsonNode report, State[] plan) throws Exception {
        int count = report.path("measures").size();
        List<State> states = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            State state = plan[(cadre.index() * 3 + i) % plan.length];
            states.add(state);
            this.states.computeIfAbsent(state.name(), k -> new AtomicInteger()).incrementAndGet();
        }
        byte[] sheet = DemoHistory.csv(DemoHistory.rows(report, cadre.department(), cadre.displayName(), states,
                today));
        GatewayClient.Answer answer = party.postFile("/api/rectification/history/import", "file",
                report.path("year").asText() + "年度整改台账-" + cadre.username() + ".csv", "text/csv", sheet);
        check(answer, "history of " + report.path("reportId").asText());
    }

    /** Waits until the migrated items of the cadre's report are in the department's ledger. */
    private int migrated(Cadre cadre, String reportId) throws Exception {
        return awaitItems(party, cadre.department(), reportId, 3).size();
    }

    private void apply(JsonNode row, State state, GatewayClient liaison, String owner, int i) throws Exception {
        String id = row.path("measureId").asText();
        String lead = row.path("leadDepartment").asText();
        String base = "/api/measures/" + id;
        if (!"PLANNED".equals(row.path("status").asText())) {
            return; // someone already works on it
        }
        states.computeIfAbsent(state.name(), k -> new AtomicInteger()).incrementAndGet();
        if (state == State.PLANNED) {
            return;
        }
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("leadDepartment", lead);
        assignment.put("owner", owner);
        switch (state) {
            case LONG_TERM -> {
                assignment.put("longTerm", true);
                assignment.put("reviewPeriodMonths", 6);
            }
            case DUE_SOON -> assignment.put("deadline", today.plusDays(3 + i % 4).toString());
            case DUE_TODAY -> assignment.put("deadline", today.toString());
            case OVERDUE -> {
                // 历史台账补录: the paper ledger's deadline, some months ago; only the party committee may backfill
                assignment.put("deadline", today.minusMonths(2 + i).toString());
                assignment.put("backfill", true);
            }
            default -> assignment.put("deadline", deadline(row, 30 + 30 * i));
        }
        check((state == State.OVERDUE ? party : liaison).post(base + "/assignment", assignment),
                "assignment of " + id);
        check(liaison.post(base + "/progress", Map.of("text", PROGRESS[(id.hashCode() & 0x7fffffff) % PROGRESS.length])),
                "progress of " + id);
        if (state == State.VERIFIED || state == State.COMPLETED) {
            // evidence (佐证材料): a small PDF per item, stored with its SHA-256 and named in the progress report
            GatewayClient.Answer file = liaison.postFile(base + "/evidence", "file", "整改佐证材料-" + (i + 1) + ".pdf",
                    "application/pdf", evidencePdf(id));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("text", PROGRESS[((id.hashCode() & 0x7fffffff) + 1) % PROGRESS.length]);
            if (file.ok() && file.text("fileId") != null) {
                report.put("fileIds", List.of(file.text("fileId")));
            } else if (evidenceWarned.compareAndSet(false, true)) {
                out.println("  demo ledger: evidence upload refused (" + file.status() + " " + file.body()
                        + "); progress goes on without files");
            }
            check(liaison.post(base + "/progress", report), "progress of " + id);
            check(liaison.post(base + "/completion", Map.of("summary", "各项整改任务已按期完成，建立长效机制并持续抓好落实。")),
                    "completion of " + id);
        }
        if (state == State.VERIFIED) {
            check(party.post(base + "/verification", Map.of("opinion", "整改到位，佐证材料齐全，同意销号。")),
                    "verification of " + id);
        }
    }

    /** A minimal, valid one-page PDF, different per item (so each file has its own hash). */
    static byte[] evidencePdf(String id) {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] "
                + "/Count 0 >>\nendobj\n% " + id + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private String deadline(JsonNode row, int daysIfNone) {
        String proposed = row.path("proposedDeadline").asText(null);
        if (proposed != null && !proposed.isBlank() && !"null".equals(proposed)
                && !LocalDate.parse(proposed).isBefore(today)) {
            return proposed;
        }
        return today.plusDays(daysIfNone).toString();
    }

    static final String[] PROGRESS = {
            "已制定整改方案，明确责任分工和完成时限，召开专题会议部署推进。",
            "已开展专题学习研讨三次，班子成员结合分管工作作交流发言。",
            "已深入基层站点开展实地调研，梳理问题清单并逐项推动解决。",
            "已修订完善相关工作制度两项，建立定期调度和督查通报机制。",
            "已组织开展谈心谈话，收集意见建议并逐条研究落实。",
            "已完成阶段性整改任务，形成工作台账并按月更新进展。",
    };

    private List<JsonNode> awaitItems(GatewayClient client, String department, String reportId, int expected)
            throws Exception {
        List<JsonNode> found = eventually(() -> {
            GatewayClient.Answer answer = client.get("/api/ledger?department=" + department);
            List<JsonNode> rows = new ArrayList<>();
            if (answer.ok()) {
                answer.body().path("rows").forEach(r -> {
                    if (reportId.equals(r.path("reportId").asText())) {
                        rows.add(r);
                    }
                });
            }
            rows.sort(java.util.Comparator.comparingInt(r -> r.path("ordinal").asInt()));
            return rows.size() >= expected ? rows : null;
        }, WAIT);
        if (found == null) {
            throw new IOException("the items of " + reportId + " did not reach " + department + "'s ledger within "
                    + WAIT.toSeconds() + " s");
        }
        return found;
    }

    private GatewayClient client(String username, String displayName, String department, String role)
            throws IOException {
        return new GatewayClient(baseUrl()).withToken(tokens.token(username, displayName, department,
                List.of(role)));
    }

    private interface Step<T> {
        T run(Cadre cadre) throws Exception;
    }

    private <T> List<T> all(ExecutorService pool, List<Cadre> cadres, Step<T> step) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (Cadre cadre : cadres) {
            futures.add(pool.submit(() -> step.run(cadre)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : new IOException(e.getCause());
            }
        }
        return results;
    }

    static GatewayClient.Answer check(GatewayClient.Answer answer, String what) throws IOException {
        if (!answer.ok()) {
            throw new IOException(what + " refused: " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    static <T> T eventually(Callable<T> probe, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(300);
        }
    }
}
