package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;
import cn.zhenggai.report.drafting.Commands.ActionDraft;
import cn.zhenggai.report.drafting.Commands.MeasureDraft;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The root causes and measures members on their own: numbering, links, in-place revisions, deadlines. */
class RootCausesAndMeasuresTest {

    private final RootCauses rootCauses = new RootCauses();
    private final Measures measures = new Measures();

    private static MeasureDraft draft(String deadline, List<String> rootCauseIds) {
        return new MeasureDraft(" 强化理论武装 ", null, List.of(new ActionDraft(" 每月学习一次。 ", " ", "")), deadline,
                " ", null, null, null, rootCauseIds);
    }

    @Test
    void rootCausesAreNumberedInOrderAndLinkKnownProblemsOnly() {
        RootCauseAnalyzed first = rootCauses.analyze("r1", "XZSPJ", "rc1", " 学习意识 ", null, null, Set.of("p1"));
        assertThat(first).isEqualTo(new RootCauseAnalyzed("r1", "rc1", "XZSPJ", 1, "学习意识", "", List.of()));
        rootCauses.on(first);
        assertThat(rootCauses.analyze("r1", "XZSPJ", "rc2", "宗旨意识", "分析。", List.of("p1"), Set.of("p1")).ordinal())
                .isEqualTo(2);
        assertThatThrownBy(() -> rootCauses.analyze("r1", "XZSPJ", "rc2", "宗旨意识", null, List.of("p7"), Set.of()))
                .isInstanceOf(Refusal.class).hasMessage("根源关联的问题不存在：p7");
        assertThatThrownBy(() -> rootCauses.analyze("r1", "XZSPJ", "rc1", "again", null, List.of(), Set.of()))
                .isInstanceOf(Refusal.class).hasMessage("该根源已存在");
    }

    @Test
    void aRootCauseIsRevisedInItsPlaceAndAnUnchangedRevisionDecidesNothing() {
        rootCauses.on(rootCauses.analyze("r1", "XZSPJ", "rc1", "学习意识", "分析。", List.of(), Set.of()));
        assertThat(rootCauses.revise("r1", "XZSPJ", "rc1", "学习意识", " 分析。 ", null, Set.of())).isNull();
        RootCauseAnalyzed linked = rootCauses.revise("r1", "XZSPJ", "rc1", "学习意识", "分析。", List.of("p1"),
                Set.of("p1"));
        assertThat(linked).isEqualTo(new RootCauseAnalyzed("r1", "rc1", "XZSPJ", 1, "学习意识", "分析。", List.of("p1")));
        assertThatThrownBy(() -> rootCauses.revise("r1", "XZSPJ", "rc9", "根源", null, List.of(), Set.of()))
                .isInstanceOf(Refusal.class).hasMessage("根源不存在：rc9");
    }

    @Test
    void aMeasureIsNormalisedAndItsDeadlinesAreDates() {
        MeasureProposed proposed = measures.propose("r1", "XZSPJ", "m1", draft("2023-06-30", List.of()), Set.of());
        assertThat(proposed).isEqualTo(new MeasureProposed("r1", "m1", "XZSPJ", 1, "强化理论武装", "",
                List.of(new MeasureProposed.Action("每月学习一次。", null, null)), "2023-06-30", null, null, null,
                List.of(), List.of()));
        assertThatThrownBy(() -> measures.propose("r1", "XZSPJ", "m1", draft("2023年6月底", List.of()), Set.of()))
                .isInstanceOf(Refusal.class).hasMessage("完成时限格式应为YYYY-MM-DD：2023年6月底");
        assertThatThrownBy(() -> measures.propose("r1", "XZSPJ", "m1", null, Set.of()))
                .isInstanceOf(Refusal.class).hasMessage("整改措施内容不能为空");
    }

    @Test
    void aMeasureAnswersKnownRootCausesAndIsRevisedInItsPlace() {
        assertThatThrownBy(() -> measures.propose("r1", "XZSPJ", "m1", draft(null, List.of("rc1")), Set.of()))
                .isInstanceOf(Refusal.class).hasMessage("措施关联的根源不存在：rc1");
        measures.on(measures.propose("r1", "XZSPJ", "m1", draft(null, List.of("rc1")), Set.of("rc1")));
        assertThatThrownBy(() -> measures.propose("r1", "XZSPJ", "m1", draft(null, List.of()), Set.of()))
                .isInstanceOf(Refusal.class).hasMessage("该措施已存在");
        assertThat(measures.revise("r1", "XZSPJ", "m1", draft(null, List.of("rc1")), Set.of("rc1"))).isNull();
        assertThat(measures.revise("r1", "XZSPJ", "m1", draft("2023-06-30", List.of()), Set.of()).ordinal())
                .isEqualTo(1);
        assertThatThrownBy(() -> measures.revise("r1", "XZSPJ", "m9", draft(null, List.of()), Set.of()))
                .isInstanceOf(Refusal.class).hasMessage("整改措施不存在：m9");
    }

    @Test
    void anAcceptedMeasureAnswersTheLiveProblemsOfItsRootCauses() {
        rootCauses.on(new RootCauseAnalyzed("r1", "rc1", "XZSPJ", 1, "一", "", List.of("p2", "p1")));
        rootCauses.on(new RootCauseAnalyzed("r1", "rc2", "XZSPJ", 2, "二", "", List.of("p1", "p3")));
        measures.on(measures.propose("r1", "XZSPJ", "m1", draft(null, List.of("rc1", "rc2")), Set.of("rc1", "rc2")));
        List<ReportAccepted.Measure> accepted = measures.accepted(rootCauses, Set.of("p1", "p2"));
        assertThat(accepted).singleElement().satisfies(m -> {
            assertThat(m.rootCauseIds()).containsExactly("rc1", "rc2");
            assertThat(m.problemIds()).containsExactly("p2", "p1");
        });
    }
}
