package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2024年6月底前完成, 2024-06-30",
        "2025年底前出台, 2025-12-31",
        "3月31日前建立, 2024-03-31",
        "6月底前完成, 2024-06-30",
        "2024年2月底前建立, 2024-02-29",
        "于2024年9月30日前完成, 2024-09-30",
        "完成时限：2024年12月31日, 2024-12-31",
        "完成时限：2024.6.30, 2024-06-30",
        "（2024-05-15）, 2024-05-15",
        "2024年上半年建立, 2024-06-30",
        "下半年完成, 2024-12-31",
        "2024年第三季度完成, 2024-09-30",
        "一季度前完成, 2024-03-31",
        "2024年6月中旬前, 2024-06-20",
        "2024年6月上旬, 2024-06-10",
        "十二月底前, 2024-12-31",
        "年底前完成, 2024-12-31",
        "2025年内完成, 2025-12-31",
        "到2024年10月, 2024-10-31",
    })
    void resolves(String text, String expected) {
        List<Deadlines.Found> found = Deadlines.findAll(text, 2024);
        assertThat(found).as(text).hasSize(1);
        assertThat(found.get(0).date()).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void keepsTheTextAsWritten() {
        Deadlines.Found found = Deadlines.findAll("建立制度，2024年6月底前完成。", 2024).get(0);
        assertThat(found.text()).isEqualTo("2024年6月底前");
        assertThat(found.explicitYear()).isEqualTo(2024);
        assertThat(Deadlines.findAll("3月31日前建立", 2024).get(0).explicitYear()).isNull();
    }

    @Test
    void datesWithoutACueAreNotDeadlines() {
        assertThat(Deadlines.findAll("自2023年3月以来，共开展学习12次", 2024)).isEmpty();
        assertThat(Deadlines.findAll("围绕2023年度目标任务", 2024)).isEmpty();
        assertThat(Deadlines.findAll("2023年全县新招聘教师中", 2024)).isEmpty();
    }

    @Test
    void withoutAYearNoDateButTheTextIsKept() {
        Deadlines.Found found = Deadlines.findAll("3月底前完成", null).get(0);
        assertThat(found.date()).isNull();
        assertThat(found.text()).isEqualTo("3月底前");
    }

    @Test
    void impossibleDatesHaveNoDate() {
        assertThat(Deadlines.findAll("2023年2月30日前", 2024).get(0).date()).isNull();
    }

    @Test
    void openEndedPhrases() {
        assertThat(Deadlines.openEnded("每学期开展一次活动，长期坚持。")).isEqualTo("长期坚持");
        assertThat(Deadlines.openEnded("持续推进校园食堂工程，长期坚持。")).isEqualTo("长期坚持");
        assertThat(Deadlines.openEnded("持续推进校园食堂工程。")).isNull();
        assertThat(Deadlines.openEnded("工作机制常态化。")).isEqualTo("常态化");
    }
}
