package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.ItemStatus;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.contracts.rectification.MeasurePlanned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What changed on a department's ledger between two dates, from the item states at both (pure): new items and the
 * problems they bring (each problem once, with the items that answer it), items that left the ledger (reassigned),
 * status, deadline, owner and colour changes, closures (销号, now VERIFIED) and items that became overdue, each with
 * before/after and the event (type, actor, time) that made the later value.
 */
public final class LedgerDiff {

    private LedgerDiff() {
    }

    /**
     * The difference: how many of each kind, then each list, in this order (the JSON answer's keys and order).
     */
    public record Changes(Counts counts, List<NewItem> newItems, List<NewProblem> newProblems,
                          List<Change> statusChanges, List<Change> deadlineChanges, List<Change> closures,
                          List<Change> becameOverdue, List<Change> ownerChanges, List<Change> colourChanges,
                          List<RemovedItem> removedItems) {
    }

    /** The size of each list of {@link Changes}. */
    public record Counts(int newItems, int newProblems, int statusChanges, int deadlineChanges, int closures,
                         int becameOverdue, int ownerChanges, int colourChanges, int removedItems) {
    }

    /**
     * An item new on the ledger: {@code PLANNED} in the range or {@code JOINED} (reassigned to the department).
     * {@code event} is the event reference of the item's stored document ({@link ItemStates#reference}).
     */
    public record NewItem(String measureId, String title, LedgerRow after, String kind, Map<String, Object> event) {
    }

    /** A problem first answered in the range, once, with the new items that answer it. */
    public record NewProblem(String problemId, String theme, int ordinal, String statement, List<String> measureIds,
                             Map<String, Object> event) {
    }

    /**
     * One field of an item that changed: its value before and after as the ledger's JSON writes it (text, number,
     * boolean or the pending extension's document), and the event that made the later value.
     */
    public record Change(String measureId, String title, String field, Object before, Object after,
                         Map<String, Object> event) {
    }

    /** An item that left the ledger, its lead department now and the event that moved it (null when gone). */
    public record RemovedItem(String measureId, String title, LedgerRow before, String leadDepartmentNow,
                              Map<String, Object> event) {
    }

    /**
     * @param before     item states at the earlier instant, by measure id (absent or null: not planned yet)
     * @param after      item states at the later instant, by measure id (also items no longer on the ledger)
     * @param department the ledger's department
     */
    public static Changes between(Map<String, LedgerItem> before, Map<String, LedgerItem> after, String department) {
        List<NewItem> newItems = new ArrayList<>();
        Map<String, NewProblem> newProblems = new LinkedHashMap<>();
        List<RemovedItem> removedItems = new ArrayList<>();
        List<Change> statusChanges = new ArrayList<>();
        List<Change> deadlineChanges = new ArrayList<>();
        List<Change> ownerChanges = new ArrayList<>();
        List<Change> colourChanges = new ArrayList<>();
        List<Change> closures = new ArrayList<>();
        List<Change> becameOverdue = new ArrayList<>();

        Set<String> known = new LinkedHashSet<>();
        LedgerRows.itemsOf(before.values().stream().filter(Objects::nonNull).toList(), department)
                .forEach(s -> known.add(s.measureId()));
        Set<String> problemsBefore = new LinkedHashSet<>();
        for (String id : known) {
            before.get(id).problems().forEach(p -> problemsBefore.add(problemKey(p)));
        }
        List<LedgerItem> now = LedgerRows.itemsOf(after.values().stream().filter(Objects::nonNull).toList(),
                department);
        Set<String> present = new LinkedHashSet<>();
        for (LedgerItem to : now) {
            String id = to.measureId();
            present.add(id);
            LedgerItem from = known.contains(id) ? before.get(id) : null;
            if (from == null) {
                Map<String, Object> plannedBy = ItemStates.reference(to.plannedBy());
                boolean plannedInRange = before.get(id) == null;
                newItems.add(new NewItem(id, to.title(), LedgerRows.row(to, department),
                        plannedInRange ? "PLANNED" : "JOINED",
                        plannedInRange ? plannedBy : first(to, "leadDepartment", "cooperatingDepartments")));
                for (MeasurePlanned.Problem problem : to.problems()) {
                    String key = problemKey(problem);
                    if (problemsBefore.contains(key)) {
                        continue;
                    }
                    NewProblem seen = newProblems.get(key);
                    if (seen != null) {
                        seen.measureIds().add(id);
                        continue;
                    }
                    newProblems.put(key, new NewProblem(problem.problemId(), problem.theme(), problem.ordinal(),
                            problem.statement(), new ArrayList<>(List.of(id)), plannedBy));
                }
                if (to.status() == ItemStatus.VERIFIED) {
                    closures.add(change(to, "status", null, to.status()));
                }
                if (to.overdue()) {
                    becameOverdue.add(change(to, "overdue", false, true));
                }
                continue;
            }
            compare(from, to, "status", LedgerItem::status, statusChanges);
            compare(from, to, "deadline", LedgerItem::deadline, deadlineChanges);
            compare(from, to, "owner", LedgerItem::owner, ownerChanges);
            compare(from, to, "colour", LedgerItem::colour, colourChanges);
            if (to.status() == ItemStatus.VERIFIED && from.status() != ItemStatus.VERIFIED) {
                closures.add(change(to, "status", from.status(), to.status()));
            }
            if (to.overdue() && !from.overdue()) {
                becameOverdue.add(change(to, "overdue", false, true));
            }
        }
        for (String id : known) {
            if (!present.contains(id)) {
                LedgerItem was = before.get(id);
                LedgerItem to = after.get(id);
                removedItems.add(new RemovedItem(was.measureId(), was.title(), LedgerRows.row(was, department),
                        to == null ? null : to.leadDepartment(),
                        to == null ? null : first(to, "leadDepartment", "cooperatingDepartments")));
            }
        }
        List<NewProblem> problems = List.copyOf(newProblems.values());
        Counts counts = new Counts(newItems.size(), problems.size(), statusChanges.size(), deadlineChanges.size(),
                closures.size(), becameOverdue.size(), ownerChanges.size(), colourChanges.size(),
                removedItems.size());
        return new Changes(counts, newItems, problems, statusChanges, deadlineChanges, closures, becameOverdue,
                ownerChanges, colourChanges, removedItems);
    }

    private static void compare(LedgerItem from, LedgerItem to, String field, Function<LedgerItem, Object> read,
                                List<Change> into) {
        if (!Objects.equals(read.apply(from), read.apply(to))) {
            into.add(change(to, field, read.apply(from), read.apply(to)));
        }
    }

    private static Change change(LedgerItem to, String field, Object before, Object after) {
        return new Change(to.measureId(), to.title(), field, ItemStates.json(before), ItemStates.json(after),
                ItemStates.reference(to.changedBy().get(field)));
    }

    private static Map<String, Object> first(LedgerItem item, String... fields) {
        for (String field : fields) {
            if (item.changedBy().get(field) != null) {
                return ItemStates.reference(item.changedBy().get(field));
            }
        }
        return null;
    }

    private static String problemKey(MeasurePlanned.Problem problem) {
        return problem.problemId() != null ? "id:" + problem.problemId() : "text:" + problem.statement();
    }
}
