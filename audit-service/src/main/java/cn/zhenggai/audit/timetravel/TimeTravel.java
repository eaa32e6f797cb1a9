package cn.zhenggai.audit.timetravel;

import cn.zhenggai.audit.log.AuditLog;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the record said at an instant, rebuilt from the audit log: an aggregate's state, a department's ledger, and
 * the difference between two instants. "At an instant" means every event whose event time (when the source service
 * stored it) is not after that instant (ADR 0050).
 */
public class TimeTravel {

    private final AuditLog log;

    public TimeTravel(AuditLog log) {
        this.log = log;
    }

    /** The kind of aggregate the facts describe: {@code ITEM}, {@code REPORT} or {@code OTHER}. */
    public static String kindOf(List<Fact> facts) {
        if (facts.stream().anyMatch(ItemFold::isItemFact)) {
            return "ITEM";
        }
        if (facts.stream().anyMatch(ReportFold::isReportFact)) {
            return "REPORT";
        }
        return "OTHER";
    }

    /** The facts of one aggregate up to {@code asOf} (null: all). */
    public List<Fact> factsOf(String aggregateId, Instant asOf) {
        return log.eventsOf(List.of(aggregateId), asOf).stream().map(Fact::of).toList();
    }

    /** The state document of an aggregate at {@code asOf}, or null when it had no event by then. */
    public Map<String, Object> stateOf(String aggregateId, List<Fact> facts) {
        if (facts.isEmpty()) {
            return null;
        }
        String kind = kindOf(facts);
        Map<String, Object> state = switch (kind) {
            case "ITEM" -> ItemFold.fold(facts);
            case "REPORT" -> ReportFold.fold(facts);
            default -> other(facts);
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aggregateId", aggregateId);
        body.put("kind", kind);
        body.put("events", Fact.ordered(facts).size());
        body.put("state", state);
        return body;
    }

    /** The item states of every item that ever concerned the department, at {@code asOf}, by measure id. */
    public Map<String, Map<String, Object>> itemStates(String department, Instant asOf) {
        return foldItems(byAggregate(log.eventsOf(log.aggregatesConcerning(department), asOf), null));
    }

    /** The department's ledger rows at {@code asOf}. */
    public List<Map<String, Object>> ledger(String department, Instant asOf) {
        return LedgerRows.rows(itemStates(department, asOf).values(), department);
    }

    /** The difference of the department's ledger between {@code from} and {@code to} (one read of the log). */
    public Map<String, Object> diff(String department, Instant from, Instant to) {
        List<Document> records = log.eventsOf(log.aggregatesConcerning(department), to);
        Map<String, Map<String, Object>> before = foldItems(byAggregate(records, from));
        Map<String, Map<String, Object>> after = foldItems(byAggregate(records, null));
        return LedgerDiff.between(before, after, department);
    }

    private static Map<String, List<Fact>> byAggregate(List<Document> records, Instant until) {
        Map<String, List<Fact>> facts = new TreeMap<>();
        for (Document record : records) {
            Fact fact = Fact.of(record);
            if (until == null || !fact.timestamp().isAfter(until)) {
                facts.computeIfAbsent(fact.aggregateId(), k -> new ArrayList<>()).add(fact);
            }
        }
        return facts;
    }

    private static Map<String, Map<String, Object>> foldItems(Map<String, List<Fact>> facts) {
        Map<String, Map<String, Object>> states = new LinkedHashMap<>();
        facts.forEach((id, list) -> {
            if (list.stream().anyMatch(ItemFold::isItemFact)) {
                states.put(id, ItemFold.fold(list));
            }
        });
        return states;
    }

    private static Map<String, Object> other(List<Fact> facts) {
        List<Fact> ordered = Fact.ordered(facts);
        Map<String, Object> state = new LinkedHashMap<>();
        Map<String, Object> lastByType = new TreeMap<>();
        ordered.stream().filter(f -> !f.type().equals("PersonalMattersDeclared"))
                .forEach(f -> lastByType.put(f.type(), f.payload()));
        state.put("lastPayloadByType", lastByType);
        state.put("lastEvent", ordered.get(ordered.size() - 1).reference());
        return state;
    }

    public Set<String> departmentsInLog() {
        return log.departments();
    }
}
