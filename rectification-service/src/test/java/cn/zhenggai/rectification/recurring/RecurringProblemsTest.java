package cn.zhenggai.rectification.recurring;

import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.rectification.ReadModelStore;
import cn.zhenggai.rectification.RecordMaps;
import cn.zhenggai.rectification.ledger.Ledger;
import cn.zhenggai.rectification.ledger.LedgerProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 年年提: near-duplicate problems of the same cadre or department in an earlier year are flagged, others not. */
class RecurringProblemsTest {

    private static final Instant AT = Instant.parse("2023-05-01T02:00:00Z");
    static final String EARLIER = "理论学习的系统性还不够，学习新思想停留在读原文、记笔记。";
    static final String REPEATED = "理论学习的系统性还不够强，学习新思想仍停留在读原文、记笔记层面。";
    static final String UNRELATED = "调查研究开展的还不够深入，取得的成效还不够明显。";
    static final String SAME_STYLE = "全面从严治党政治责任落实的还不够严，从严抓正风肃纪下的气力还不够大。";
    static final String SAME_STYLE_OTHER = "持续深化纠正“四风”责任落实的还不够全面，从严抓纠治下的气力还不够大。";

    private final ReadModelStore store = new ReadModelStore();

    @AfterEach
    void close() {
        store.close();
    }

    static MeasurePlanned item(String id, String department, String author, int year, String... statements) {
        List<MeasurePlanned.Problem> problems = new java.util.ArrayList<>();
        for (int i = 0; i < statements.length; i++) {
            problems.add(new MeasurePlanned.Problem(id + "-p" + i, "主题" + i, i + 1, statements[i]));
        }
        return new MeasurePlanned(id, department, MeasurePlanned.SOURCE_REPORT, "rpt-" + author + "-" + year,
                "msr-" + id, department, author, year, 1, "措施" + id, "内容。", List.of(), null, null, null, null,
                List.of(), List.of(), problems);
    }

    private Map<String, Object> row(String id) {
        return Ledger.wire(new Ledger(store.database(), ReadModelStore.on("2023-05-01")).item(id));
    }

    @Test
    void similarityIsHighForARewordedStatementAndLowForAnotherProblemInTheSameStyle() {
        assertThat(ProblemSimilarity.similarity(EARLIER, REPEATED)).isGreaterThan(0.6);
        assertThat(ProblemSimilarity.similarity(EARLIER, EARLIER)).isEqualTo(1.0);
        assertThat(ProblemSimilarity.similarity(EARLIER, UNRELATED)).isLessThan(0.2);
        assertThat(ProblemSimilarity.similarity(SAME_STYLE, SAME_STYLE_OTHER)).isLessThan(0.4);
        assertThat(ProblemSimilarity.similarity("", EARLIER)).isZero();
        assertThat(ProblemSimilarity.normalize("一是理论学习（＊）还不够，比如…")).isEqualTo("理论学习");
    }

    @Test
    void aProblemRepeatedByTheSameCadreAYearLaterIsFlaggedWithTheEarlierStatement() {
        LedgerProjection projection = new LedgerProjection(store.database(), 0.5);
        projection.on(item("a2022", "XZSPJ", "zhang", 2022, EARLIER, SAME_STYLE), 0, AT);
        projection.on(item("a2023", "XZSPJ", "zhang", 2023, REPEATED, UNRELATED, SAME_STYLE_OTHER), 0, AT);

        assertThat(row("a2022")).containsEntry("recurring", false);
        Map<String, Object> row = row("a2023");
        assertThat(row).containsEntry("recurring", true);
        List<?> recurrences = (List<?>) row.get("recurrences");
        assertThat(recurrences).hasSize(1);
        Map<?, ?> r = (Map<?, ?>) recurrences.get(0);
        assertThat(r.get("statement")).isEqualTo(REPEATED);
        assertThat(r.get("earlierStatement")).isEqualTo(EARLIER);
        assertThat(r.get("earlierMeasureId")).isEqualTo("a2022");
        assertThat(r.get("earlierProblemId")).isEqualTo("a2022-p0");
        assertThat(r.get("earlierYear")).isEqualTo(2022);
        assertThat(r.get("sameAuthor")).isEqualTo(true);
        assertThat((Double) r.get("similarity")).isGreaterThan(0.6);
    }

    @Test
    void anotherCadreOfTheSameDepartmentCountsButAnotherDepartmentsCadreAndTheSameYearDoNot() {
        LedgerProjection projection = new LedgerProjection(store.database(), 0.5);
        projection.on(item("li2022", "XZSPJ", "li", 2022, EARLIER), 0, AT);
        projection.on(item("wang2023", "XZSPJ", "wang", 2023, REPEATED), 0, AT);
        projection.on(item("czj2023", "CZJ", "zhao", 2023, REPEATED), 0, AT);
        projection.on(item("li2022b", "XZSPJ", "li", 2022, REPEATED), 0, AT);

        assertThat(row("wang2023")).containsEntry("recurring", true);
        assertThat(((Map<?, ?>) ((List<?>) row("wang2023").get("recurrences")).get(0)).get("sameAuthor"))
                .isEqualTo(false);
        assertThat(row("czj2023")).as("another department, another cadre").containsEntry("recurring", false);
        assertThat(row("li2022b")).as("the same year is not an earlier year").containsEntry("recurring", false);
    }

    @Test
    void anEarlierYearArrivingLaterStillFlagsTheLaterItemAndARedeliveryChangesNothing() {
        LedgerProjection projection = new LedgerProjection(store.database(), 0.5);
        projection.on(item("a2023", "XZSPJ", "zhang", 2023, REPEATED), 0, AT);
        assertThat(row("a2023")).containsEntry("recurring", false);
        projection.on(item("a2022", "XZSPJ", "zhang", 2022, EARLIER), 0, AT);
        projection.on(item("a2022", "XZSPJ", "zhang", 2022, EARLIER), 0, AT);
        projection.on(item("a2023", "XZSPJ", "zhang", 2023, REPEATED), 0, AT);
        assertThat(row("a2023")).containsEntry("recurring", true);
        assertThat((List<?>) row("a2023").get("recurrences")).hasSize(1);
    }

    @Test
    void theBestEarlierMatchIsKeptWhateverTheOrderOfArrival() {
        String weaker = "理论学习的系统性还不够，学习新思想停留在读原文。";
        assertThat(ProblemSimilarity.similarity(REPEATED, weaker)).isGreaterThanOrEqualTo(0.5)
                .isLessThan(ProblemSimilarity.similarity(REPEATED, EARLIER));
        List<List<MeasurePlanned>> orders = List.of(
                List.of(item("w", "XZSPJ", "zhang", 2021, weaker), item("b", "XZSPJ", "zhang", 2022, EARLIER),
                        item("n", "XZSPJ", "zhang", 2023, REPEATED)),
                List.of(item("n", "XZSPJ", "zhang", 2023, REPEATED), item("w", "XZSPJ", "zhang", 2021, weaker),
                        item("b", "XZSPJ", "zhang", 2022, EARLIER)),
                List.of(item("n", "XZSPJ", "zhang", 2023, REPEATED), item("b", "XZSPJ", "zhang", 2022, EARLIER),
                        item("w", "XZSPJ", "zhang", 2021, weaker)));
        for (List<MeasurePlanned> order : orders) {
            try (ReadModelStore fresh = new ReadModelStore()) {
                LedgerProjection projection = new LedgerProjection(fresh.database(), 0.5);
                order.forEach(e -> projection.on(e, 0, AT));
                Map<String, Object> row = Ledger.wire(new Ledger(fresh.database(), ReadModelStore.on("2023-05-01"))
                        .item("n"));
                List<?> recurrences = (List<?>) row.get("recurrences");
                assertThat(recurrences).hasSize(1);
                assertThat(((Map<?, ?>) recurrences.get(0)).get("earlierMeasureId")).isEqualTo("b");
                Map<String, Object> middle = Ledger.wire(new Ledger(fresh.database(), ReadModelStore.on("2023-05-01"))
                        .item("b"));
                assertThat(((Map<?, ?>) ((List<?>) middle.get("recurrences")).get(0)).get("earlierMeasureId"))
                        .isEqualTo("w");
            }
        }
    }

    @Test
    void theThresholdIsConfigurable() {
        LedgerProjection strict = new LedgerProjection(store.database(), 0.95);
        strict.on(item("a2022", "XZSPJ", "zhang", 2022, EARLIER), 0, AT);
        strict.on(item("a2023", "XZSPJ", "zhang", 2023, REPEATED), 0, AT);
        assertThat(row("a2023")).containsEntry("recurring", false);
        assertThatThrownBy(() -> new LedgerProjection(store.database(), 0.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerProjection(store.database(), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recurringProblemsAreCountedInTheOverview() {
        LedgerProjection projection = new LedgerProjection(store.database(), 0.5);
        projection.on(item("a2022", "XZSPJ", "zhang", 2022, EARLIER), 0, AT);
        projection.on(item("a2023", "XZSPJ", "zhang", 2023, REPEATED), 0, AT);
        projection.on(item("b2023", "XZSPJ", "zhang", 2023, UNRELATED), 0, AT);
        Ledger.Overview overview = new Ledger(store.database(), ReadModelStore.on("2023-05-01"))
                .overviewOf(null, Map.of());
        assertThat(overview.departments().get(0).recurring()).isEqualTo(1);
        assertThat(RecordMaps.list(overview.themes())).anySatisfy(t -> assertThat(t).containsEntry("theme", "主题0")
                .containsEntry("recurring", 1L).containsEntry("total", 3L));
    }
}
