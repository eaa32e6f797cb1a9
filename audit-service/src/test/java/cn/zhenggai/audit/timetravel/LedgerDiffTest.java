package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.LedgerItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zhenggai.audit.timetravel.Facts.assigned;
import static cn.zhenggai.audit.timetravel.Facts.fact;
import static cn.zhenggai.audit.timetravel.Facts.planned;
import static org.assertj.core.api.Assertions.assertThat;

/** The difference of a ledger between two dates names each change, its before/after and the event behind it. */
class LedgerDiffTest {

    private final List<Fact> history = List.of(
            planned("a", 0, "2023-01-05T00:00:00Z", "XZSPJ"),
            assigned("a", 1, "2023-01-06T00:00:00Z", "XZSPJ", "李四", "2023-03-31"),
            planned("b", 0, "2023-01-05T00:00:01Z", "XZSPJ"),
            assigned("b", 1, "2023-01-06T00:00:00Z", "XZSPJ", "王五", "2023-02-28"),
            planned("c", 0, "2023-01-05T00:00:02Z", "XZSPJ"),
            // within the range
            fact("a", 2, "DeadlineExtended", "2023-02-10T00:00:00Z", "party",
                    "{\"measureId\":\"a\",\"deadline\":\"2023-06-30\",\"approvedBy\":\"party\"}"),
            fact("b", 2, "MeasureOverdue", "2023-03-01T00:00:00Z", "system",
                    "{\"measureId\":\"b\",\"deadline\":\"2023-02-28\"}"),
            fact("b", 3, "MeasureColourChanged", "2023-03-01T00:00:01Z", "system",
                    "{\"measureId\":\"b\",\"colour\":\"RED\",\"previousColour\":\"GREEN\"}"),
            fact("a", 3, "MeasureCompleted", "2023-03-05T00:00:00Z", "liaison",
                    "{\"measureId\":\"a\",\"completedBy\":\"liaison\"}"),
            fact("a", 4, "MeasureVerified", "2023-03-06T00:00:00Z", "party",
                    "{\"measureId\":\"a\",\"verifiedBy\":\"party\"}"),
            assigned("c", 1, "2023-03-07T00:00:00Z", "CZJ", "赵六", "2023-09-30"),
            planned("d", 0, "2023-03-08T00:00:00Z", "XZSPJ"),
            // after the range
            fact("b", 4, "MeasureCompleted", "2023-04-05T00:00:00Z", "liaison",
                    "{\"measureId\":\"b\",\"completedBy\":\"liaison\"}"));

    @Test
    @SuppressWarnings("unchecked")
    void everyKindOfChangeWithItsEvent() {
        Map<String, Object> diff = json(LedgerDiff.between(at("2023-01-31T00:00:00Z"), at("2023-03-31T00:00:00Z"), "XZSPJ"));
        Map<String, Object> counts = (Map<String, Object>) diff.get("counts");
        assertThat(counts).containsEntry("newItems", 1).containsEntry("newProblems", 0)
                .containsEntry("statusChanges", 1).containsEntry("deadlineChanges", 1).containsEntry("closures", 1)
                .containsEntry("becameOverdue", 1).containsEntry("colourChanges", 1).containsEntry("removedItems", 1)
                .containsEntry("ownerChanges", 0);

        Map<String, Object> status = first(diff, "statusChanges");
        assertThat(status).containsEntry("measureId", "a").containsEntry("before", "IN_PROGRESS")
                .containsEntry("after", "VERIFIED");
        assertThat((Map<String, Object>) status.get("event")).containsEntry("type", "MeasureVerified")
                .containsEntry("actor", "party").containsEntry("time", "2023-03-06T00:00:00Z");
        Map<String, Object> deadline = first(diff, "deadlineChanges");
        assertThat(deadline).containsEntry("before", "2023-03-31").containsEntry("after", "2023-06-30");
        assertThat((Map<String, Object>) deadline.get("event")).containsEntry("type", "DeadlineExtended");
        assertThat(first(diff, "becameOverdue")).containsEntry("measureId", "b");
        assertThat((Map<String, Object>) first(diff, "becameOverdue").get("event")).containsEntry("type", "MeasureOverdue");
        assertThat(first(diff, "colourChanges")).containsEntry("before", "GREEN").containsEntry("after", "RED");
        assertThat(first(diff, "newItems")).containsEntry("measureId", "d").containsEntry("kind", "PLANNED");
        Map<String, Object> removed = first(diff, "removedItems");
        assertThat(removed).containsEntry("measureId", "c").containsEntry("leadDepartmentNow", "CZJ");
        assertThat((Map<String, Object>) removed.get("event")).containsEntry("type", "MeasureAssigned");

        // from before anything: everything is new, with its problems
        Map<String, Object> all = json(LedgerDiff.between(at("2022-01-01T00:00:00Z"), at("2023-03-31T00:00:00Z"), "XZSPJ"));
        assertThat(((Map<String, Object>) all.get("counts"))).containsEntry("newItems", 3).containsEntry("newProblems", 2)
                .containsEntry("closures", 1).containsEntry("becameOverdue", 1);
        // nothing changed between equal dates
        Map<String, Object> none = json(LedgerDiff.between(at("2023-03-31T00:00:00Z"), at("2023-03-31T00:00:00Z"), "XZSPJ"));
        assertThat(((Map<String, Object>) none.get("counts")).values()).containsOnly(0);
    }

    private Map<String, LedgerItem> at(String instant) {
        Instant until = Instant.parse(instant);
        Map<String, List<Fact>> byItem = new LinkedHashMap<>();
        history.stream().filter(f -> !f.timestamp().isAfter(until))
                .forEach(f -> byItem.computeIfAbsent(f.aggregateId(), k -> new java.util.ArrayList<>()).add(f));
        Map<String, LedgerItem> states = new LinkedHashMap<>();
        byItem.forEach((id, facts) -> states.put(id, Facts.fold(facts)));
        return states;
    }

    /** The difference as the HTTP answer writes it (Spring's Jackson), read back as maps. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(LedgerDiff.Changes changes) {
        return tools.jackson.databind.json.JsonMapper.builder().build().convertValue(changes, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> diff, String key) {
        return ((List<Map<String, Object>>) diff.get(key)).get(0);
    }
}
