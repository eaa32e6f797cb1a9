package cn.zhenggai.rectification.carryover;

import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.rectification.CarryOverPrepared;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.rectification.ReadModelStore;
import cn.zhenggai.rectification.intake.ProblemIntake;
import cn.zhenggai.rectification.ledger.LedgerProjection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The carry-over section generated from a given event history of a cadre's items, and prepared once. */
class CarryOverGeneratorTest {

    static final String THEME_ONE = "带头深刻领悟“两个确立”的决定性意义";
    static final String THEME_TWO = "带头坚持以人民为中心的发展思想";
    private static final Instant PLANNED = Instant.parse("2023-01-10T02:00:00Z");
    private static final Instant MARCH = Instant.parse("2023-03-15T02:00:00Z");
    private static final Instant JUNE = Instant.parse("2023-06-20T02:00:00Z");

    private final ReadModelStore store = new ReadModelStore();
    private LedgerProjection projection;
    private ProblemIntake intake;

    @BeforeEach
    void setUp() {
        projection = new LedgerProjection(store.database());
        intake = new ProblemIntake(store.database());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static MeasurePlanned planned(String id, int ordinal, String title, String deadlineText,
                                          MeasurePlanned.Problem... problems) {
        return new MeasurePlanned(id, "XZSPJ", "REPORT", "rpt-2022", "msr-" + ordinal, "XZSPJ", "zhang", 2022,
                ordinal, title, "内容。", List.of(), null, deadlineText, "张*", null, List.of(), List.of(),
                List.of(problems));
    }

    private void identify(String problemId, String theme, int ordinal) {
        intake.on(new ProblemIdentified("rpt-2022", problemId, "XZSPJ", theme, ordinal, "问题" + ordinal + "。", null),
                new EventEnvelope("e-" + problemId, "ProblemIdentified", "2", "Report", "rpt-2022", ordinal,
                        PLANNED.plusSeconds(Integer.parseInt(problemId.substring(1))), "zhang", "XZSPJ",
                        cn.zhenggai.contracts.messaging.EnvelopeCodec.mapper().createObjectNode()));
    }

    /** 2022: three problems under theme one, two under theme two; three items in different states. */
    private void history() {
        identify("p1", THEME_ONE, 1);
        identify("p2", THEME_ONE, 2);
        identify("p3", THEME_ONE, 3);
        identify("p4", THEME_TWO, 1);
        identify("p5", THEME_TWO, 2);
        MeasurePlanned.Problem p1 = new MeasurePlanned.Problem("p1", THEME_ONE, 1, "问题1。");
        MeasurePlanned.Problem p4 = new MeasurePlanned.Problem("p4", THEME_TWO, 1, "问题1。");
        projection.on(planned("m1", 1, "强化理论武装建设，增强学习意识", "2023年6月底前", p1), 0, PLANNED);
        projection.on(new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of(), "张*", "2023-06-30", false, null, "l"), 1,
                PLANNED);
        projection.on(new ProgressReported("m1", "XZSPJ", "已开展三次集中学习。", "l", "XZSPJ",
                List.of(new ProgressReported.Evidence("f1", "学习记录.pdf", "application/pdf", 1, "a"))), 2, MARCH);
        projection.on(new MeasureCompleted("m1", "XZSPJ", "全年开展理论学习12次", "l", "2023-06-30", false), 3, JUNE);
        projection.on(new MeasureVerified("m1", "XZSPJ", "party", "同意销号。"), 4, JUNE);

        projection.on(planned("m2", 2, "强化党性修养锤炼，增强服务意识", "长期坚持", p4), 0, PLANNED);
        projection.on(new MeasureAssigned("m2", "XZSPJ", "XZSPJ", List.of(), "张*", null, true, 6, "l"), 1, PLANNED);
        projection.on(new ProgressReported("m2", "XZSPJ", "建立领导干部带队巡查机制", "l", "XZSPJ"), 2, MARCH);

        projection.on(planned("m3", 3, "强化主动担当作为，增强斗争意识", "2023年12月底前", p1, p4), 0, PLANNED);
        projection.on(planned("m4", 4, "完善制度建设", null), 0, PLANNED);
        projection.on(new MeasurePlanned("other", "XZSPJ", "REPORT", "rpt-li", "msr-1", "XZSPJ", "li", 2022, 1,
                "别人的措施", "", List.of(), null, null, null, null, List.of(), List.of(), List.of()), 0, PLANNED);
    }

    @Test
    void theSectionIsGroupedByTheEarlierReportsThemesAndSaysWhatWasDoneWhenWithEvidenceAndState() {
        history();
        CarryOverGenerator.Draft draft = new CarryOverGenerator(store.database()).generate("zhang", 2023)
                .orElseThrow();
        assertThat(draft.previousYear()).isEqualTo(2022);
        assertThat(draft.measureIds()).containsExactly("m1", "m2", "m3", "m4");
        assertThat(draft.groups()).extracting(CarryOverPrepared.Group::heading).containsExactly(
                "针对带头深刻领悟“两个确立”的决定性意义方面查摆出的3个突出问题",
                "针对带头坚持以人民为中心的发展思想方面查摆出的2个突出问题",
                "其他整改措施落实情况");
        CarryOverPrepared.Group one = draft.groups().get(0);
        assertThat(one.theme()).isEqualTo(THEME_ONE);
        assertThat(one.items()).containsExactly(
                "强化理论武装建设，增强学习意识。2023年3月15日，已开展三次集中学习。佐证材料：学习记录.pdf。"
                        + "全年开展理论学习12次。已完成整改，2023年6月20日验收销号。",
                "强化主动担当作为，增强斗争意识。正在整改。");
        assertThat(draft.groups().get(1).items()).containsExactly(
                "强化党性修养锤炼，增强服务意识。2023年3月15日，建立领导干部带队巡查机制。长期坚持。",
                "强化主动担当作为，增强斗争意识。正在整改。");
        assertThat(draft.groups().get(2).theme()).isNull();
        assertThat(draft.groups().get(2).items()).containsExactly("完善制度建设。正在整改。");
    }

    @Test
    void withoutTheIntakeTheCountsComeFromTheProblemsTheItemsAnswer() {
        MeasurePlanned.Problem p1 = new MeasurePlanned.Problem("p1", "其他", 1, "问题1。");
        MeasurePlanned.Problem p2 = new MeasurePlanned.Problem("p2", "其他", 2, "问题2。");
        projection.on(planned("m1", 1, "完善制度", null, p1, p2), 0, PLANNED);
        CarryOverGenerator.Draft draft = new CarryOverGenerator(store.database()).generate("zhang", 2023)
                .orElseThrow();
        assertThat(draft.groups().get(0).heading()).isEqualTo("针对其他方面查摆出的2个突出问题");
        assertThat(CarryOverGenerator.heading("作风建设方面", 4)).isEqualTo("针对作风建设方面查摆出的4个突出问题");
    }

    @Test
    void aCadreWithoutEarlierItemsGetsNothingAndTheLatestEarlierYearIsUsed() {
        history();
        CarryOverGenerator generator = new CarryOverGenerator(store.database());
        assertThat(generator.generate("zhang", 2022)).as("no earlier year").isEmpty();
        assertThat(generator.generate("nobody", 2023)).isEmpty();
        projection.on(new MeasurePlanned("old", "XZSPJ", "REPORT", "rpt-2020", "msr-1", "XZSPJ", "zhang", 2020, 1,
                "旧措施", "", List.of(), null, null, null, null, List.of(), List.of(), List.of()), 0, PLANNED);
        assertThat(generator.generate("zhang", 2024).orElseThrow().previousYear()).isEqualTo(2022);
        assertThat(generator.generate("zhang", 2021).orElseThrow().measureIds()).containsExactly("old");
    }

    @Test
    void aCarryOverIsPreparedOnceForAReport() {
        AggregateTestFixture<CarryOver> fixture = new AggregateTestFixture<>(CarryOver.class);
        List<CarryOverPrepared.Group> groups = List.of(new CarryOverPrepared.Group("针对其他方面查摆出的1个突出问题", "其他",
                List.of("完善制度建设。正在整改。")));
        CarryOver.PrepareCarryOver command = new CarryOver.PrepareCarryOver(CarryOver.idOf("rpt-2023"), "rpt-2023",
                "XZSPJ", "zhang", 2023, 2022, groups, List.of("m4"));
        CarryOverPrepared prepared = new CarryOverPrepared("rpt-2023", "XZSPJ", "zhang", 2023, 2022, groups,
                List.of("m4"));
        fixture.givenNoPriorActivity().when(command).expectEvents(prepared).expectResultMessagePayload(true);
        fixture.given(prepared).when(command).expectNoEvents().expectResultMessagePayload(false);
    }
}
