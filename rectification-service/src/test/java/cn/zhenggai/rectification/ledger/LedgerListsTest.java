package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureSourceLinked;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.rectification.ReadModelStore;
import cn.zhenggai.rectification.RecordMaps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress history, evidence, sources and notices in the ledger; the lists; themes, heat map and trend. */
class LedgerListsTest {

    private static final Instant NOV = Instant.parse("2026-11-10T02:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-03T02:00:00Z");
    private static final Map<String, String> NAMES = Map.of("XZSPJ", "行政审批局", "CZJ", "财政局", "ZZB", "组织部");

    private final ReadModelStore store = new ReadModelStore();
    private LedgerProjection projection;

    @BeforeEach
    void setUp() {
        projection = new LedgerProjection(store.database());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Ledger ledgerOn(String date) {
        return new Ledger(store.database(), ReadModelStore.on(date));
    }

    private static MeasurePlanned planned(String id, String department, String theme) {
        return new MeasurePlanned(id, department, MeasurePlanned.SOURCE_REPORT, "rpt-" + department, "msr-" + id,
                department, "cadre-" + department, 2026, 1, "措施" + id, "内容。", List.of(), null, null, null, null,
                List.of(), List.of(), List.of(new MeasurePlanned.Problem(id + "-p", theme, 1, "问题" + id + "。")));
    }

    private void assign(String id, String department, String owner, String deadline, long seq) {
        projection.on(new MeasureAssigned(id, department, department, List.of(), owner, deadline, deadline == null,
                deadline == null ? 6 : null, "liaison"), seq, NOV);
    }

    @Test
    void progressWithEvidenceSourcesNoticesAndColourAreKeptAndARedeliveryChangesNothing() {
        projection.on(planned("m1", "XZSPJ", "理论学习"), 0, NOV);
        assign("m1", "XZSPJ", "张*", "2026-12-31", 1);
        ProgressReported first = new ProgressReported("m1", "XZSPJ", "已开展三次集中学习。", "demo-dept", "XZSPJ",
                List.of(new ProgressReported.Evidence("f1", "学习记录.pdf", "application/pdf", 1200, "ab"),
                        new ProgressReported.Evidence("f2", "签到表.jpg", "image/jpeg", 800, "cd")));
        projection.on(first, 2, NOV);
        projection.on(first, 2, NOV);
        projection.on(new MeasureSourceLinked("m1", "XZSPJ", "INSPECTION", "区委第二巡察组〔2026〕3号", "理论学习制度执行不严格。"),
                3, NOV);
        projection.on(new SupervisionNoticeIssued("n1", "m1", "XZSPJ", "OWNER", null, "XZSPJ", "张*", "即将到期。",
                "2026-12-31", 0), 4, NOV);
        projection.on(new MeasureColourChanged("m1", "XZSPJ", "YELLOW", "GREEN", "2026-12-31", "张*"), 5, NOV);
        projection.on(new ProgressReported("m1", "XZSPJ", "已开展五次集中学习。", "demo-dept", "XZSPJ"), 6, DEC);
        projection.on(new MeasureColourChanged("m1", "XZSPJ", "YELLOW", "GREEN", "2026-12-31", "张*"), 5, NOV);

        Map<String, Object> item = Ledger.wire(ledgerOn("2026-12-03").item("m1"));
        assertThat(item).containsEntry("colour", "YELLOW").containsEntry("evidenceCount", 2)
                .containsEntry("notices", 1).containsEntry("lastProgress", "已开展五次集中学习。")
                .containsEntry("progressCount", 2).containsEntry("themes", List.of("理论学习"));
        List<?> progress = (List<?>) item.get("progress");
        assertThat(progress).hasSize(2);
        assertThat(((Map<?, ?>) progress.get(0)).get("text")).isEqualTo("已开展三次集中学习。");
        assertThat((List<?>) ((Map<?, ?>) progress.get(0)).get("evidence")).hasSize(2);
        List<?> sources = (List<?>) item.get("sources");
        assertThat(sources).hasSize(2);
        assertThat(((Map<?, ?>) sources.get(1)).get("source")).isEqualTo("INSPECTION");
        assertThat(((Map<?, ?>) sources.get(1)).get("finding")).isEqualTo("理论学习制度执行不严格。");
        assertThat(((Map<?, ?>) item.get("lastNotice")).get("level")).isEqualTo("OWNER");
        Map<String, Object> row = Ledger.wire(ledgerOn("2026-12-03").rows("XZSPJ")).get(0);
        assertThat(row).doesNotContainKey("progress").containsEntry("daysToDeadline", 28L);
    }

    private void fourItems() {
        projection.on(planned("due", "XZSPJ", "理论学习"), 0, NOV);
        assign("due", "XZSPJ", "张*", "2026-12-20", 1);
        projection.on(planned("later", "XZSPJ", "理论学习"), 0, NOV);
        assign("later", "XZSPJ", "demo-dept", "2027-06-30", 1);
        projection.on(planned("late", "XZSPJ", "作风建设"), 0, NOV);
        assign("late", "XZSPJ", "张*", "2026-11-30", 1);
        projection.on(new MeasureOverdue("late", "XZSPJ", "2026-11-30", "张*"), 2, DEC);
        projection.on(planned("done", "XZSPJ", "作风建设"), 0, NOV);
        assign("done", "XZSPJ", "张*", "2026-12-10", 1);
        projection.on(new MeasureCompleted("done", "XZSPJ", "完成。", "demo-dept", "2026-12-10", false), 2, DEC);
        projection.on(new MeasureVerified("done", "XZSPJ", "demo-party", null), 3, DEC);
        projection.on(planned("czj", "CZJ", "理论学习"), 0, NOV);
        assign("czj", "CZJ", "张*", "2026-12-15", 1);
        projection.on(planned("long", "CZJ", "理论学习"), 0, NOV);
        assign("long", "CZJ", "张*", null, 1);
    }

    private static List<String> ids(List<cn.zhenggai.contracts.ledger.LedgerRow> rows) {
        return Ledger.wire(rows).stream().map(r -> (String) r.get("measureId")).toList();
    }

    @Test
    void myItemsDueItemsAndOverdueItemsRespectTheScope() {
        fourItems();
        Ledger ledger = ledgerOn("2026-12-03");
        Ledger.Scope xzspj = new Ledger.Scope("XZSPJ");
        assertThat(ids(ledger.mine(Set.of("张*"), xzspj))).containsExactly("late", "done", "due");
        assertThat(ids(ledger.mine(Set.of("demo-dept", "行政审批局联络员"), xzspj))).containsExactly("later");
        assertThat(ids(ledger.mine(Set.of("张*"), Ledger.Scope.ALL))).containsExactly("late", "done", "czj", "due",
                "long");
        assertThat(ledger.mine(Set.of(""), Ledger.Scope.ALL)).isEmpty();

        assertThat(ids(ledger.due(30, xzspj))).as("open, deadline from today to 30 days ahead").containsExactly("due");
        assertThat(ids(ledger.due(17, xzspj))).containsExactly("due");
        assertThat(ids(ledger.due(16, xzspj))).isEmpty();
        assertThat(ids(ledger.due(30, Ledger.Scope.ALL))).containsExactly("czj", "due");
        assertThat(ids(ledger.due(366, Ledger.Scope.ALL))).containsExactly("czj", "due", "later");

        assertThat(ids(ledger.overdue(xzspj))).containsExactly("late");
        assertThat(ids(ledger.overdue(new Ledger.Scope("CZJ")))).isEmpty();
    }

    @Test
    void theOverviewHasThemesAHeatMapAndAMonthlyTrend() throws Exception {
        fourItems();
        Ledger.Overview overview = ledgerOn("2026-12-03").overviewOf(null, NAMES);
        assertThat(overview.departments()).extracting(Ledger.DepartmentFigures::department)
                .containsExactly("CZJ", "XZSPJ");
        Ledger.DepartmentFigures xzspj = overview.departments().get(1);
        assertThat(xzspj.total()).isEqualTo(4);
        assertThat(xzspj.completed()).isEqualTo(1);
        assertThat(xzspj.verified()).isEqualTo(1);
        assertThat(xzspj.overdue()).isEqualTo(1);
        assertThat(xzspj.completionRate()).isEqualTo(0.25);

        List<Map<String, Object>> themes = RecordMaps.list(overview.themes());
        Map<String, Object> heatmap = RecordMaps.map(overview.heatmap());
        List<Map<String, Object>> trend = RecordMaps.list(overview.trend());
        assertThat(overview.themes()).hasSize(2);
        assertThat(themes.get(0)).containsEntry("theme", "理论学习").containsEntry("total", 4L)
                .containsEntry("completed", 0L);
        assertThat(themes.get(1)).containsEntry("theme", "作风建设").containsEntry("total", 2L)
                .containsEntry("overdue", 1L).containsEntry("verified", 1L).containsEntry("completionRate", 0.5);

        assertThat(heatmap.get("departments")).isEqualTo(List.of("CZJ", "XZSPJ"));
        assertThat(heatmap.get("departmentNames")).isEqualTo(List.of("财政局", "行政审批局"));
        assertThat(heatmap.get("themes")).isEqualTo(List.of("理论学习", "作风建设"));
        assertThat(String.valueOf(heatmap.get("values"))).as("[department, theme, items]")
                .isEqualTo("[[0, 0, 2], [1, 0, 2], [1, 1, 2]]");

        assertThat(overview.trend()).hasSize(2);
        assertThat(trend.get(0)).containsEntry("month", "2026-11").containsEntry("planned", 6L)
                .containsEntry("completed", 0L);
        assertThat(trend.get(1)).containsEntry("month", "2026-12").containsEntry("planned", 0L)
                .containsEntry("completed", 1L).containsEntry("verified", 1L).containsEntry("overdue", 1L);

        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(keys(json.writeValueAsString(overview.themes().get(0)))).as("a theme's keys, in the map's order")
                .containsExactly("theme", "total", "completed", "verified", "overdue", "recurring", "completionRate");
        assertThat(keys(json.writeValueAsString(overview.heatmap()))).as("the heat map's keys, in the map's order")
                .containsExactly("departments", "departmentNames", "themes", "values");
        assertThat(json.writeValueAsString(overview.trend().get(0))).as("a month: its keys in the map's order")
                .startsWith("{\"month\":\"2026-11\",\"planned\":6,\"completed\":0,\"verified\":")
                .contains(",\"overdue\":");

        Ledger.Overview own = ledgerOn("2026-12-03").overviewOf("CZJ", NAMES);
        assertThat(own.departments()).hasSize(1);
        assertThat(own.themes()).hasSize(1);
    }

    private static List<String> keys(String object) throws Exception {
        List<String> keys = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(object).fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
