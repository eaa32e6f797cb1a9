package cn.zhenggai.contracts.ledger;

import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.ProgressReported;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a folded item, when shown as a ledger row, then its JSON is the row's wire form. */
class LedgerRowTest {

    private static final Instant T0 = Instant.parse("2023-05-01T02:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static EventMeta meta(long sequence) {
        return new EventMeta("e-" + sequence, sequence, T0.plusSeconds(sequence * 86_400), null, "demo-dept");
    }

    private static LedgerItem assignedItem() {
        LedgerItem item = LedgerItems.apply(null, new MeasurePlanned("m1", "XZSPJ", "REPORT", "rpt-1", "msr-1",
                "XZSPJ", "demo-cadre", 2022, 1, "措施1", "内容。", List.of(), "2023-06-30", "2023年6月底前", "张*", null,
                List.of(), List.of(), List.of(new MeasurePlanned.Problem("p1", "理论学习", 1, "学习不系统。"))), meta(0));
        item = LedgerItems.apply(item, new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of("ZZB"), "王*",
                "2023-06-30", false, null, "demo-dept"), meta(1));
        return LedgerItems.apply(item, new ProgressReported("m1", "XZSPJ", "已学习。", "demo-dept", "XZSPJ"), meta(2));
    }

    @Test
    void aRowHasTheLedgersFieldsInOrderWithInstantsInMillisecondsUtc() {
        JsonNode row = JSON.valueToTree(LedgerRow.of(assignedItem(), "ZZB", LocalDate.parse("2023-06-01")));

        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("measureId", "source", "sources", "reportId", "author", "year", "problem",
                "problems", "themes", "title", "content", "leadDepartment", "cooperatingDepartments", "role", "owner",
                "deadline", "proposedDeadline", "deadlineText", "longTerm", "reviewPeriodMonths", "status", "overdue",
                "colour", "daysToDeadline", "lastProgress", "lastProgressAt", "progressCount", "evidenceCount",
                "notices", "recurring", "recurrences", "completedBy", "completedAt", "completionSummary",
                "verifiedBy", "verifiedAt", "pendingExtension", "lastRejection", "plannedAt", "updatedAt");
        assertThat(row.get("role").asText()).isEqualTo("COOPERATING");
        assertThat(row.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(row.get("colour").asText()).isEqualTo("GREEN");
        assertThat(row.get("deadline").asText()).isEqualTo("2023-06-30");
        assertThat(row.get("daysToDeadline").asLong()).isEqualTo(29);
        assertThat(row.get("plannedAt").asText()).isEqualTo("2023-05-01T02:00:00.000Z");
        assertThat(row.get("lastProgressAt").asText()).isEqualTo("2023-05-03T02:00:00.000Z");
        assertThat(row.get("completedAt").isNull()).isTrue();
        assertThat(row.get("recurring").asBoolean()).isFalse();
        assertThat(row.get("recurrences").size()).isZero();
        assertThat(row.get("sources").get(0).get("source").asText()).isEqualTo("REPORT");
        assertThat(row.get("problems").get(0).get("statement").asText()).isEqualTo("学习不系统。");
    }

    @Test
    void withoutAViewerThereIsNoRoleAndAClosedItemCountsNoDays() {
        LedgerItem item = LedgerItems.apply(assignedItem(), new MeasureCompleted("m1", "XZSPJ", "完成。", "demo-dept",
                "2023-06-30", false), meta(3));
        JsonNode row = JSON.valueToTree(LedgerRow.of(item, null, LocalDate.parse("2023-06-01")));

        assertThat(row.has("role")).isFalse();
        assertThat(row.get("daysToDeadline").isNull()).isTrue();
        assertThat(row.get("completedAt").asText()).isEqualTo("2023-05-04T02:00:00.000Z");
        assertThat(LedgerRow.of(assignedItem(), "XZSPJ").role()).isEqualTo(LedgerRow.Role.LEAD);
        assertThat(LedgerRow.of(assignedItem(), "XZSPJ").daysToDeadline()).as("no today, no count").isNull();
    }

    @Test
    void theAuditsRowAddsSupervisionNoticesAndTheLastEventAndTheDetailItsHistory() {
        LedgerItem item = LedgerItems.apply(assignedItem(), new DeadlineExtensionRequested("m1", "XZSPJ",
                "2023-06-30", "2023-09-30", "理由。", "demo-dept"), meta(3));
        JsonNode audited = JSON.valueToTree(LedgerRow.audited(item, "XZSPJ", null));
        assertThat(audited.get("supervisionNotices").asInt()).isZero();
        assertThat(audited.get("lastEvent").get("type").asText()).isEqualTo("DeadlineExtensionRequested");
        assertThat(audited.get("pendingExtension").get("deadline").asText()).isEqualTo("2023-09-30");
        assertThat(JSON.valueToTree(LedgerRow.of(item, "XZSPJ")).has("lastEvent")).isFalse();

        LedgerRow.Recurrence again = new LedgerRow.Recurrence("p1", "学习不系统。", "理论学习", "m0", "p0", 2021,
                "学习不够系统。", true, 0.8);
        JsonNode detail = JSON.valueToTree(LedgerRow.Detail.of(item, List.of(again), null));
        assertThat(detail.get("measureId").asText()).isEqualTo("m1");
        assertThat(detail.has("role")).isFalse();
        assertThat(detail.get("recurring").asBoolean()).isTrue();
        assertThat(detail.get("recurrences").get(0).get("earlierYear").asInt()).isEqualTo(2021);
        assertThat(detail.get("progress").get(0).get("at").asText()).isEqualTo("2023-05-03T02:00:00.000Z");
        assertThat(detail.get("progress").get(0).get("sequence").asLong()).isEqualTo(2);
        assertThat(detail.get("lastNotice").isNull()).isTrue();
        assertThat(detail.has("actions")).isFalse();
    }
}
