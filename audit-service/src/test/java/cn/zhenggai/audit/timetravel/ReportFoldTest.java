package cn.zhenggai.audit.timetravel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.zhenggai.audit.timetravel.Facts.fact;
import static org.assertj.core.api.Assertions.assertThat;

/** Folding a report's events: content, status through submission, return and acceptance; never personal matters. */
class ReportFoldTest {

    private static final String R = "r-1";

    @Test
    @SuppressWarnings("unchecked")
    void theReportAsItStoodAfterEachStep() {
        List<Fact> facts = new ArrayList<>(List.of(
                fact(R, 0, "ReportDrafted", "2022-12-01T00:00:00Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"title\":\"发言提纲\",\"year\":2022,\"author\":\"cadre-1\",\"department\":\"XZSPJ\"}"),
                fact(R, 1, "MeetingReferenced", "2022-12-01T00:00:01Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"meetingId\":\"mt-1\",\"notice\":\"发〔2022〕12号\"}"),
                fact(R, 2, "ProblemIdentified", "2022-12-01T00:00:02Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"problemId\":\"p1\",\"theme\":\"政治\",\"ordinal\":1,\"statement\":\"学习不深\"}"),
                fact(R, 3, "ProblemIdentified", "2022-12-01T00:00:03Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"problemId\":\"p2\",\"theme\":\"作风\",\"ordinal\":2,\"statement\":\"调研不够\"}"),
                fact(R, 4, "ProblemRevised", "2022-12-01T00:00:04Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"problemId\":\"p1\",\"theme\":\"政治\",\"ordinal\":1,\"statement\":\"理论学习不深\"}"),
                fact(R, 5, "ProblemWithdrawn", "2022-12-01T00:00:05Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"problemId\":\"p2\",\"reason\":\"重复\"}"),
                fact(R, 6, "RootCauseAnalyzed", "2022-12-01T00:00:06Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"rootCauseId\":\"c1\",\"ordinal\":1,\"title\":\"理想信念\",\"analysis\":\"放松\",\"problemIds\":[\"p1\"]}"),
                fact(R, 7, "CleanAreasDeclared", "2022-12-01T00:00:07Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"areas\":[\"廉洁自律\"]}"),
                fact(R, 8, "CarryOverStated", "2022-12-01T00:00:08Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"groups\":[{\"heading\":\"针对…\",\"theme\":null,\"items\":[\"一是\"]}]}"),
                fact(R, 9, "MeasureProposed", "2022-12-01T00:00:09Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"measureId\":\"m1\",\"ordinal\":1,\"title\":\"强化学习\",\"deadline\":\"2023-06-30\"}"),
                fact(R, 10, "PersonalMattersDeclared", "2022-12-01T00:00:10Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"person\":\"cadre-1\",\"ciphertext\":\"SECRET\"}"),
                fact(R, 11, "ReportSubmitted", "2022-12-02T00:00:00Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"submittedBy\":\"cadre-1\",\"round\":1}")));
        Map<String, Object> submitted = ReportFold.fold(facts);
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.get("title")).isEqualTo("发言提纲");
        assertThat(submitted.get("notice")).isEqualTo("发〔2022〕12号");
        List<Map<String, Object>> problems = (List<Map<String, Object>>) submitted.get("problems");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("statement")).isEqualTo("理论学习不深");
        assertThat((List<?>) submitted.get("withdrawnProblems")).hasSize(1);
        assertThat((List<?>) submitted.get("rootCauses")).hasSize(1);
        assertThat((List<?>) submitted.get("measures")).hasSize(1);
        assertThat(submitted.get("cleanAreas")).isEqualTo(List.of("廉洁自律"));
        assertThat((List<?>) submitted.get("carryOver")).hasSize(1);
        assertThat(submitted.get("personalMattersDeclared")).isEqualTo(true);
        assertThat(submitted.toString()).doesNotContain("SECRET");

        facts.add(fact(R, 12, "ReportReturned", "2022-12-03T00:00:00Z", "org",
                "{\"reportId\":\"r-1\",\"returnedBy\":\"org\",\"round\":1,\"reasons\":[\"不够具体\"]}"));
        assertThat(ReportFold.fold(facts).get("status")).isEqualTo("RETURNED");
        assertThat(ReportFold.fold(facts).get("returnReasons")).isEqualTo(List.of("不够具体"));
        facts.add(fact(R, 13, "ReportSubmitted", "2022-12-04T00:00:00Z", "cadre-1",
                "{\"reportId\":\"r-1\",\"submittedBy\":\"cadre-1\",\"round\":2}"));
        facts.add(fact(R, 14, "ReportAccepted", "2022-12-05T00:00:00Z", "org",
                "{\"reportId\":\"r-1\",\"acceptedBy\":\"org\",\"round\":2}"));
        List<Fact> reversed = new ArrayList<>(facts);
        java.util.Collections.reverse(reversed);
        reversed.add(facts.get(3));
        Map<String, Object> accepted = ReportFold.fold(reversed);
        assertThat(accepted.get("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.get("acceptedBy")).isEqualTo("org");
        assertThat(accepted).isEqualTo(ReportFold.fold(facts));
        assertThat(TimeTravel.kindOf(facts)).isEqualTo("REPORT");
    }

    @Test
    void delegationsShowWhoMayEditAsOfEachInstant() {
        List<Fact> facts = new ArrayList<>(List.of(
                fact(R, 0, "ReportDrafted", "2022-12-01T00:00:00Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"title\":\"发言提纲\",\"author\":\"cadre-1\",\"department\":\"XZSPJ\"}"),
                fact(R, 1, "ReportDelegationGranted", "2022-12-01T00:00:01Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"author\":\"cadre-1\",\"delegate\":\"liaison-1\"}")));
        assertThat(ReportFold.fold(facts).get("delegates")).isEqualTo(List.of("liaison-1"));
        facts.add(fact(R, 2, "ReportDelegationRevoked", "2022-12-02T00:00:00Z", "cadre-1",
                "{\"reportId\":\"r-1\",\"author\":\"cadre-1\",\"delegate\":\"liaison-1\"}"));
        assertThat(ReportFold.fold(facts).get("delegates")).isEqualTo(List.of());
        assertThat(ReportFold.fold(facts).get("events")).isEqualTo(3);
    }

    @Test
    void aWithdrawnSubmissionIsADraftAgainAndAReturnsCommentsAreRead() {
        List<Fact> facts = new ArrayList<>(List.of(
                fact(R, 0, "ReportDrafted", "2022-12-01T00:00:00Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"title\":\"发言提纲\",\"author\":\"cadre-1\",\"department\":\"XZSPJ\"}"),
                fact(R, 1, "ReportSubmitted", "2022-12-02T00:00:00Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"submittedBy\":\"cadre-1\",\"round\":1}"),
                fact(R, 2, "ReportSubmissionWithdrawn", "2022-12-02T01:00:00Z", "cadre-1",
                        "{\"reportId\":\"r-1\",\"withdrawnBy\":\"cadre-1\",\"round\":1}")));
        assertThat(ReportFold.fold(facts).get("status")).isEqualTo("DRAFT");
        assertThat(ReportFold.fold(facts).get("round")).isEqualTo(0);
        facts.add(fact(R, 3, "ReportSubmitted", "2022-12-03T00:00:00Z", "cadre-1",
                "{\"reportId\":\"r-1\",\"submittedBy\":\"cadre-1\",\"round\":1}"));
        facts.add(fact(R, 4, "ReportReturned", "2022-12-04T00:00:00Z", "org",
                "{\"reportId\":\"r-1\",\"returnedBy\":\"org\",\"round\":1,\"reasons\":[\"不够具体\"],"
                        + "\"problemComments\":{\"p1\":\"补充事例\"}}"));
        Map<String, Object> returned = ReportFold.fold(facts);
        assertThat(returned.get("status")).isEqualTo("RETURNED");
        assertThat(returned.get("returnReasons")).isEqualTo(List.of("不够具体"));
        assertThat(returned.get("events")).isEqualTo(5);
    }
}
