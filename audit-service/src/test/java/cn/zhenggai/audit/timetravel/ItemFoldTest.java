package cn.zhenggai.audit.timetravel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static cn.zhenggai.audit.timetravel.Facts.assigned;
import static cn.zhenggai.audit.timetravel.Facts.fact;
import static cn.zhenggai.audit.timetravel.Facts.planned;
import static org.assertj.core.api.Assertions.assertThat;

/** Folding an item's events into its ledger state, one event type at a time, then out of order and twice. */
class ItemFoldTest {

    private static final String M = "m-1";

    @Test
    void plannedMakesAPlannedItemWithItsProblemsAndSource() {
        Map<String, Object> s = ItemFold.fold(List.of(planned(M, 0, "2023-01-05T02:00:00Z", "XZSPJ")));
        assertThat(s.get("exists")).isEqualTo(true);
        assertThat(s.get("status")).isEqualTo("PLANNED");
        assertThat(s.get("title")).isEqualTo("强化理论武装");
        assertThat(s.get("leadDepartment")).isEqualTo("XZSPJ");
        assertThat(s.get("cooperatingDepartments")).isEqualTo(List.of("ZZB"));
        assertThat(s.get("owner")).isEqualTo("张三");
        assertThat(s.get("deadline")).isNull();
        assertThat(s.get("proposedDeadline")).isEqualTo("2023-06-30");
        assertThat(s.get("problem")).isEqualTo("学习不深；联系实际不够");
        assertThat(s.get("colour")).isEqualTo("GREEN");
        assertThat(s.get("overdue")).isEqualTo(false);
        assertThat(s.get("source")).isEqualTo("REPORT");
        assertThat((List<?>) s.get("sources")).hasSize(1);
        assertThat(ref(s, "plannedBy").get("actor")).isEqualTo("system");
    }

    @Test
    void nothingBeforeItWasPlanned() {
        assertThat(ItemFold.fold(List.of()).get("exists")).isEqualTo(false);
        Map<String, Object> s = ItemFold.fold(List.of(fact(M, 3, "MeasureColourChanged", "2023-01-05T02:00:00Z", "sys",
                "{\"measureId\":\"m-1\",\"colour\":\"RED\"}")));
        assertThat(s.get("exists")).isEqualTo(false);
        assertThat(LedgerRows.rows(List.of(s), "XZSPJ")).isEmpty();
    }

    @Test
    void assignedSetsLeadOwnerDeadlineAndStartsTheWork() {
        Map<String, Object> s = ItemFold.fold(List.of(planned(M, 0, "2023-01-05T02:00:00Z", "XZSPJ"),
                assigned(M, 1, "2023-01-06T02:00:00Z", "CZJ", "李四", "2023-03-31")));
        assertThat(s.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(s.get("leadDepartment")).isEqualTo("CZJ");
        assertThat(s.get("owner")).isEqualTo("李四");
        assertThat(s.get("deadline")).isEqualTo("2023-03-31");
        assertThat(ref(changedBy(s), "deadline").get("actor")).isEqualTo("head-1");
        assertThat(ref(changedBy(s), "deadline").get("type")).isEqualTo("MeasureAssigned");
    }

    @Test
    void progressKeepsTheLatestTextAndEvidence() {
        Map<String, Object> s = ItemFold.fold(List.of(planned(M, 0, "2023-01-05T02:00:00Z", "XZSPJ"),
                fact(M, 1, "ProgressReported", "2023-02-01T02:00:00Z", "liaison", """
                        {"measureId":"m-1","department":"XZSPJ","text":"已学习两次","reportedBy":"liaison","evidence":[]}"""),
                fact(M, 2, "ProgressReported", "2023-03-01T02:00:00Z", "liaison", """
                        {"measureId":"m-1","department":"XZSPJ","text":"已学习三次","reportedBy":"liaison",
                         "evidence":[{"name":"记录.pdf","sha256":"ab"}]}"""),
                fact(M, 3, "EvidenceAttached", "2023-03-01T03:00:00Z", "liaison", "{\"measureId\":\"m-1\"}")));
        assertThat(s.get("lastProgress")).isEqualTo("已学习三次");
        assertThat(s.get("lastProgressAt")).isEqualTo("2023-03-01T02:00:00Z");
        assertThat(s.get("progressCount")).isEqualTo(2);
        assertThat((List<?>) s.get("lastEvidence")).hasSize(1);
        assertThat(s.get("evidenceCount")).isEqualTo(1);
    }

    @Test
    void completionVerificationRejectionAndReopening() {
        List<Fact> facts = new ArrayList<>(List.of(planned(M, 0, "2023-01-05T02:00:00Z", "XZSPJ"),
                assigned(M, 1, "2023-01-06T02:00:00Z", "XZSPJ", "李四", "2023-03-31"),
                fact(M, 2, "MeasureCompleted", "2023-03-01T02:00:00Z", "liaison",
                        "{\"measureId\":\"m-1\",\"summary\":\"完成\",\"completedBy\":\"liaison\",\"late\":false}")));
        assertThat(ItemFold.fold(facts).get("status")).isEqualTo("COMPLETED");
        facts.add(fact(M, 3, "MeasureRejected", "2023-03-02T02:00:00Z", "party",
                "{\"measureId\":\"m-1\",\"rejectedBy\":\"party\",\"reasons\":[\"佐证不足\"]}"));
        facts.add(fact(M, 4, "MeasureReopened", "2023-03-02T02:00:01Z", "party",
                "{\"measureId\":\"m-1\",\"reopenedBy\":\"party\",\"reason\":\"佐证不足\"}"));
        Map<String, Object> reopened = ItemFold.fold(facts);
        assertThat(reopened.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(reopened.get("completedBy")).isNull();
        assertThat(reopened.get("lastRejection")).isEqualTo(List.of("佐证不足"));
        assertThat(reopened.get("rejections")).isEqualTo(1);
        facts.add(fact(M, 5, "MeasureCompleted", "2023-03-10T02:00:00Z", "liaison",
                "{\"measureId\":\"m-1\",\"summary\":\"补充\",\"completedBy\":\"liaison\",\"late\":false}"));
        facts.add(fact(M, 6, "MeasureVerified", "2023-03-11T02:00:00Z", "party",
                "{\"measureId\":\"m-1\",\"verifiedBy\":\"party\",\"opinion\":\"同意销号\"}"));
        Map<String, Object> verified = ItemFold.fold(facts);
        assertThat(verified.get("status")).isEqualTo("VERIFIED");
        assertThat(verified.get("verifiedBy")).isEqualTo("party");
        assertThat(verified.get("completedBy")).isEqualTo("liaison");
        assertThat(ref(changedBy(verified), "status").get("type")).isEqualTo("MeasureVerified");
    }

    @Test
    void extensionsAndOverdue() {
        List<Fact> facts = new ArrayList<>(List.of(planned(M, 0, "2023-01-05T02:00:00Z", "XZSPJ"),
                assigned(M, 1, "2023-01-06T02:00:00Z", "XZSPJ", "李四", "2023-03-31"),
                fact(M, 2, "MeasureOverdue", "2023-04-01T00:00:00Z", "system",
                        "{\"measureId\":\"m-1\",\"deadline\":\"2023-03-31\",\"owner\":\"李四\"}"),
                fact(M, 3, "DeadlineExtensionRequested", "2023-04-02T00:00:00Z", "liaison",
                        "{\"measureId\":\"m-1\",\"requestedDeadline\":\"2023-06-30\",\"reason\":\"资金\",\"requestedBy\":\"liaison\"}")));
        Map<String, Object> requested = ItemFold.fold(facts);
        assertThat(requested.get("overdue")).isEqualTo(true);
        assertThat(((Map<?, ?>) requested.get("pendingExtension")).get("deadline")).isEqualTo("2023-06-30");
        List<Fact> refused = new ArrayList<>(facts);
        refused.add(fact(M, 4, "DeadlineExtensionRefused", "2023-04-03T00:00:00Z", "party",
                "{\"measureId\":\"m-1\",\"requestedDeadline\":\"2023-06-30\",\"refusedBy\":\"party\"}"));
        Map<String, Object> r = ItemFold.fold(refused);
        assertThat(r.get("pendingExtension")).isNull();
        assertThat(r.get("deadline")).isEqualTo("2023-03-31");
        assertThat(r.get("overdue")).isEqualTo(true);
        facts.add(fact(M, 4, "DeadlineExtended", "2023-04-03T00:00:00Z", "party",
                "{\"measureId\":\"m-1\",\"previousDeadline\":\"2023-03-31\",\"deadline\":\"2023-06-30\",\"approvedBy\":\"party\"}"));
        Map<String, Object> extended = ItemFold.fold(facts);
        assertThat(extended.get("deadline")).isEqualTo("2023-06-30");
        assertThat(extended.get("overdue")).isEqualTo(false);
        assertThat(extended.get("pendingExtension")).isNull();
        assertThat(extended.get("extensions")).isEqualTo(1);
        // a reassignment with the same deadline keeps the overdue notice; a new deadline clears it
        List<Fact> same = new ArrayList<>(facts.subList(0, 3));
        same.add(assigned(M, 3, "2023-04-05T00:00:00Z", "XZSPJ", "王五", "2023-03-31"));
        assertThat(ItemFold.fold(same).get("overdue")).isEqualTo(true);
        same.set(3, assigned(M, 3, "2023-04-05T00:00:00Z", "XZSPJ", "王五", "2023-05-31"));
        assertThat(ItemFold.fold(same).get("overdue")).isEqualTo(false);
    }

    @Test
    void colourIsTheLatestColourChangeElseGreen() {
        List<Fact> facts = new ArrayList<>(List.of(planned(M, 0, "2023-01-05T02:00:00Z", "XZSPJ")));
        assertThat(ItemFold.fold(facts).get("colour")).isEqualTo("GREEN");
        facts.add(fact(M, 1, "MeasureColourChanged", "2023-03-25T00:00:00Z", "system", """
                {"measureId":"m-1","department":"XZSPJ","colour":"YELLOW","previousColour":"GREEN",
                 "deadline":"2023-03-31","owner":"李四"}"""));
        facts.add(fact(M, 2, "MeasureColourChanged", "2023-04-01T00:00:00Z", "system", """
                {"measureId":"m-1","department":"XZSPJ","colour":"red","previousColour":"YELLOW"}"""));
        Map<String, Object> s = ItemFold.fold(facts);
        assertThat(s.get("colour")).isEqualTo("RED");
        assertThat(ref(changedBy(s), "colour").get("time")).isEqualTo("2023-04-01T00:00:00Z");
    }

    @Test
    void sourcesSupervisionAndRecurrence() {
        Map<String, Object> s = ItemFold.fold(List.of(planned(M, 0, "2023-01-05T02:00:00Z", "XZSPJ"),
                fact(M, 1, "MeasureSourceLinked", "2023-01-07T00:00:00Z", "party", """
                        {"measureId":"m-1","department":"XZSPJ","source":"INSPECTION","reference":"巡察〔2023〕3号",
                         "finding":"学习流于形式"}"""),
                fact(M, 2, "MeasureSourceLinked", "2023-01-07T00:00:00Z", "party", """
                        {"measureId":"m-1","department":"XZSPJ","source":"INSPECTION","reference":"巡察〔2023〕3号",
                         "finding":"学习流于形式"}"""),
                fact(M, 3, "SupervisionNoticeIssued", "2023-04-02T00:00:00Z", "party",
                        "{\"measureId\":\"m-1\",\"department\":\"XZSPJ\",\"noticeId\":\"n1\",\"note\":\"限期整改\"}"),
                fact(M, 4, "RecurringProblemFlagged", "2023-04-03T00:00:00Z", "system",
                        "{\"measureId\":\"m-1\",\"department\":\"XZSPJ\",\"statement\":\"学习不深\"}"),
                fact(M, 5, "SomethingElseEntirely", "2023-04-04T00:00:00Z", "x", "{\"measureId\":\"m-1\"}")));
        assertThat((List<?>) s.get("sources")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) s.get("sources")).get(1)).get("source")).isEqualTo("INSPECTION");
        assertThat(s.get("supervisionNotices")).isEqualTo(1);
        assertThat(((Map<?, ?>) s.get("lastSupervisionNotice")).get("note")).isEqualTo("限期整改");
        assertThat(s.get("recurring")).isEqualTo(true);
        assertThat(s.get("updatedAt")).as("an unknown type changes nothing").isEqualTo("2023-04-03T00:00:00Z");
        assertThat(s.get("events")).isEqualTo(5);
    }

    @Test
    void plannedFromAnInspectionKeepsItsSource() {
        Fact inspection = fact(M, 0, "MeasurePlanned", "2023-01-05T02:00:00Z", "party", """
                {"measureId":"m-1","department":"CZJ","source":"INSPECTION","title":"规范资金","problems":[]}""");
        Map<String, Object> s = ItemFold.fold(List.of(inspection));
        assertThat(s.get("source")).isEqualTo("INSPECTION");
        assertThat(s.get("problem")).isEqualTo("");
        assertThat(LedgerRows.rows(List.of(s), "CZJ")).hasSize(1);
    }

    @Test
    void outOfOrderAndDuplicateDeliveryFoldToTheSameState() {
        List<Fact> inOrder = List.of(planned(M, 0, "2023-01-05T02:00:00Z", "XZSPJ"),
                assigned(M, 1, "2023-01-06T02:00:00Z", "XZSPJ", "李四", "2023-03-31"),
                fact(M, 2, "ProgressReported", "2023-02-01T02:00:00Z", "liaison",
                        "{\"measureId\":\"m-1\",\"text\":\"一\",\"reportedBy\":\"liaison\"}"),
                fact(M, 3, "ProgressReported", "2023-02-02T02:00:00Z", "liaison",
                        "{\"measureId\":\"m-1\",\"text\":\"二\",\"reportedBy\":\"liaison\"}"),
                fact(M, 4, "MeasureCompleted", "2023-03-01T02:00:00Z", "liaison",
                        "{\"measureId\":\"m-1\",\"completedBy\":\"liaison\"}"));
        Map<String, Object> expected = ItemFold.fold(inOrder);
        List<Fact> shuffled = new ArrayList<>(inOrder);
        shuffled.addAll(inOrder.subList(1, 4)); // redelivered
        Collections.reverse(shuffled);
        assertThat(ItemFold.fold(shuffled)).isEqualTo(expected);
        assertThat(expected.get("lastProgress")).isEqualTo("二");
        assertThat(expected.get("progressCount")).isEqualTo(2);

        // applied one at a time, a late or repeated fact is ignored (the live projection refolds then)
        Map<String, Object> live = ItemFold.initial(M);
        inOrder.forEach(f -> ItemFold.applyTo(live, f));
        ItemFold.applyTo(live, inOrder.get(2));
        assertThat(live).isEqualTo(expected);
    }

    private static Map<String, Object> changedBy(Map<String, Object> state) {
        return ref(state, "changedBy");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ref(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }
}
