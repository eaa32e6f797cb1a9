package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The problems member on its own: each decision from the state its events built. */
class ProblemsTest {

    private final Problems problems = new Problems();

    private ProblemIdentified identify(String id, String theme, int ordinal) {
        ProblemIdentified event = problems.identify("r1", "XZSPJ", id, theme, ordinal, " 问题。 ", " ");
        problems.on(event);
        return event;
    }

    @Test
    void aProblemIsIdentifiedStrippedUnderItsKey() {
        assertThat(identify("p1", " 主题 ", 1))
                .isEqualTo(new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题。", null));
        assertThat(problems.ids()).containsExactly("p1");
        assertThat(problems.accepted()).containsExactly(new ReportAccepted.Problem("p1", "主题", 1, "问题。"));
    }

    @Test
    void aKeyIsHeldByOneLiveProblemAndAnIdIsNeverReused() {
        identify("p1", "主题", 1);
        assertThatThrownBy(() -> problems.identify("r1", "XZSPJ", "p2", "主题", 1, "另一个。", null))
                .isInstanceOf(Refusal.class).hasMessage("“主题”方面已有第1个问题");
        problems.on(problems.withdraw("r1", "XZSPJ", "p1", null));
        assertThat(problems.isEmpty()).isTrue();
        assertThat(problems.identify("r1", "XZSPJ", "p2", "主题", 1, "另一个。", null)).isNotNull();
        assertThatThrownBy(() -> problems.identify("r1", "XZSPJ", "p1", "主题", 2, "问题。", null))
                .isInstanceOf(Refusal.class).hasMessage("该问题已存在");
    }

    @Test
    void aRevisionKeepsOrMovesItsKeyAndAnUnchangedOneDecidesNothing() {
        identify("p1", "主题", 1);
        identify("p2", "主题", 2);
        assertThat(problems.revise("r1", "XZSPJ", "p1", " 主题 ", 1, "问题。", "")).isNull();
        assertThatThrownBy(() -> problems.revise("r1", "XZSPJ", "p1", "主题", 2, "问题。", null))
                .isInstanceOf(Refusal.class).hasMessage("“主题”方面已有第2个问题");
        ProblemRevised moved = problems.revise("r1", "XZSPJ", "p1", "主题", 3, "问题。", null);
        assertThat(moved).isEqualTo(new ProblemRevised("r1", "p1", "XZSPJ", "主题", 3, "问题。", null));
        problems.on(moved);
        assertThat(problems.identify("r1", "XZSPJ", "p3", "主题", 1, "新问题。", null)).isNotNull();
    }

    @Test
    void badProblemsAreRefusedInTheOrderOfTheirFields() {
        assertThatThrownBy(() -> problems.identify("r1", "XZSPJ", "p1", " ", 0, "", null))
                .isInstanceOf(Refusal.class).hasMessage("问题所属方面不能为空");
        assertThatThrownBy(() -> problems.identify("r1", "XZSPJ", "p1", "主题", 0, "", null))
                .isInstanceOf(Refusal.class).hasMessage("问题表述不能为空");
        assertThatThrownBy(() -> problems.identify("r1", "XZSPJ", "p1", "主题", 0, "问题。", null))
                .isInstanceOf(Refusal.class).hasMessage("问题序号必须从1开始");
        assertThatThrownBy(() -> problems.withdraw("r1", "XZSPJ", "p9", null))
                .isInstanceOf(Refusal.class).hasMessage("问题不存在或已撤回：p9");
    }

    @Test
    void aWithdrawalKeepsItsReasonStripped() {
        identify("p1", "主题", 1);
        assertThat(problems.withdraw("r1", "XZSPJ", "p1", " 重复 "))
                .isEqualTo(new ProblemWithdrawn("r1", "p1", "XZSPJ", "重复"));
    }
}
