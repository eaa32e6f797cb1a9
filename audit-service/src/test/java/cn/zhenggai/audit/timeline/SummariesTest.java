package cn.zhenggai.audit.timeline;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTest {

    @Test
    void knownEventsReadAsChineseSentences() {
        assertThat(Summaries.of("ReportDrafted", Map.of("title", "2022年度民主生活会个人发言提纲")))
                .isEqualTo("起草报告：《2022年度民主生活会个人发言提纲》");
        assertThat(Summaries.of("ProblemIdentified", Map.of("statement", "理论学习不够深入。")))
                .isEqualTo("提出问题：理论学习不够深入。");
        assertThat(Summaries.of("ReportReturned", Map.of("reasons", List.of("问题不具体", "措施无期限"))))
                .isEqualTo("退回报告：问题不具体、措施无期限");
        assertThat(Summaries.of("PersonalMattersRead", Map.of("reader", "demo-org", "readerRole", "ORG_DEPT", "person", "cadre-1")))
                .isEqualTo("查阅个人有关事项：demo-org（ORG_DEPT） 查阅 cadre-1 的申报");
        assertThat(Summaries.of("ReportSubmitted", Map.of())).isEqualTo("提交报告");
        assertThat(Summaries.of("MeasureVerified", Map.of("opinion", "整改到位")))
                .isEqualTo("验收销号：整改到位");
        assertThat(Summaries.of("MeasureRejected", Map.of("reasons", List.of("佐证不足", "未建立长效机制"))))
                .isEqualTo("验收未通过：佐证不足、未建立长效机制");
        assertThat(Summaries.of("DeadlineExtensionRequested", Map.of("requestedDeadline", "2024-06-30")))
                .isEqualTo("申请延期：至 2024-06-30");
    }

    @Test
    void confidentialPayloadsAreNeverQuoted() {
        assertThat(Summaries.of("PersonalMattersDeclared", Map.of("ciphertext", "abc", "text", "住房三套")))
                .isEqualTo("填报个人有关事项");
    }

    @Test
    void unknownTypesAndMissingFieldsStillGetASummary() {
        assertThat(Summaries.of("BudgetApproved", Map.of("amount", 3))).isEqualTo("其他事件（BudgetApproved）");
        assertThat(Summaries.of("BudgetApproved", null)).isEqualTo("其他事件（BudgetApproved）");
        assertThat(Summaries.of("ProblemIdentified", Map.of())).isEqualTo("提出问题");
        assertThat(Summaries.of("ProblemIdentified", Map.of("statement", "长".repeat(200)))).hasSize(80).endsWith("…");
    }
}
