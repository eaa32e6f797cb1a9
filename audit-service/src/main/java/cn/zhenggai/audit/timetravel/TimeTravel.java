package cn.zhenggai.audit.timetravel;

import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the record said at an instant: an aggregate's state, a department's ledger, and the difference between two
 * instants, on either time ({@link TimeAxis}): the events that had taken effect by then, or those recorded by then
 * (ADR 0050, 0090). Items come from the {@link ItemIndex} (one fold, {@link LedgerItems}; no read of the log per
 * question, ADR 0092); reports and other aggregates are folded from their records in the log.
 */
public class TimeTravel {

    private final AuditLog log;
    private final ItemIndex index;

    public TimeTravel(AuditLog log, ItemIndex index) {
        this.log = log;
        this.index = index;
    }

    /** Over a log that is complete now: builds its own index (tests, tools). */
    public TimeTravel(AuditLog log) {
        this(log, ItemIndex.loaded(log));
    }

    /** The kind of aggregate the facts describe: {@code ITEM}, {@code REPORT} or {@code OTHER}. */
    public static String kindOf(List<Fact> facts) {
        if (facts.stream().anyMatch(f -> LedgerItems.isItemEvent(f.type()))) {
            return "ITEM";
        }
        if (facts.stream().anyMatch(ReportFold::isReportFact)) {
            return "REPORT";
        }
        return "OTHER";
    }

    public ItemIndex index() {
        return index;
    }

    /**
     * An aggregate's state as of an instant, and the departments it belonged to then (for the caller's scope).
     * {@code state} is the fold's document (an item's is the ledger's stored shape, ADR 0092): a map by nature.
     */
    public record AggregateState(String aggregateId, String kind, int events, Map<String, Object> state,
                                 List<String> departments) {
    }

    /** The state of an aggregate at {@code asOf}, or null when it had no event by then. */
    public AggregateState stateOf(String aggregateId, Instant asOf, TimeAxis axis) {
        ItemIndex.AsOf item = index.at(aggregateId, axis, asOf);
        if (item != null) {
            if (item.item() == null) {
                return null;
            }
            List<String> departments = new ArrayList<>();
            departments.add(item.item().leadDepartment());
            departments.addAll(item.item().cooperatingDepartments());
            return new AggregateState(aggregateId, "ITEM", item.events(), ItemStates.state(aggregateId, item.item()),
                    departments);
        }
        List<Fact> facts = log.eventsOf(List.of(aggregateId), asOf).stream().map(Fact::of).toList();
        if (facts.isEmpty()) {
            return null;
        }
        boolean report = facts.stream().anyMatch(ReportFold::isReportFact);
        Map<String, Object> state = report ? ReportFold.fold(facts) : other(facts);
        List<String> departments = new ArrayList<>();
        if (state.get("department") instanceof String own) {
            departments.add(own);
        }
        if (departments.isEmpty()) {
            Fact.ordered(facts).stream().map(Fact::department).filter(d -> d != null).findFirst()
                    .ifPresent(departments::add);
        }
        return new AggregateState(aggregateId, report ? "REPORT" : "OTHER", Fact.ordered(facts).size(), state,
                departments);
    }

    /** The item states of every item that ever concerned the department and was planned by {@code asOf}. */
    public Map<String, LedgerItem> itemStates(String department, Instant asOf, TimeAxis axis) {
        return index.statesOf(department, axis, asOf);
    }

    /** The department's ledger rows at {@code asOf}. */
    public List<LedgerRow> ledger(String department, Instant asOf, TimeAxis axis) {
        return LedgerRows.rows(itemStates(department, asOf, axis).values(), department);
    }

    /** The difference of the department's ledger between {@code from} and {@code to}. */
    public LedgerDiff.Changes diff(String department, Instant from, Instant to, TimeAxis axis) {
        return LedgerDiff.between(itemStates(department, from, axis), itemStates(department, to, axis), department);
    }

    /** The earliest time on {@code axis} of any record in the log, or null when the log is empty. */
    public Instant firstEvent(TimeAxis axis) {
        return index.firstEvent(axis);
    }

    /** A declaration's content is never shown, not even as another aggregate's last payload. */
    private static final String PERSONAL_MATTERS = EventTypes.nameOf(PersonalMattersDeclared.class);

    private static Map<String, Object> other(List<Fact> facts) {
        List<Fact> ordered = Fact.ordered(facts);
        Map<String, Object> state = new LinkedHashMap<>();
        Map<String, Object> lastByType = new TreeMap<>();
        ordered.stream().filter(f -> !PERSONAL_MATTERS.equals(f.type()))
                .forEach(f -> lastByType.put(f.type(), f.payload()));
        state.put("lastPayloadByType", lastByType);
        state.put("lastEvent", ordered.get(ordered.size() - 1).reference());
        return state;
    }

    public Set<String> departmentsInLog() {
        return log.departments();
    }
}
