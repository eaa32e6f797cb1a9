package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.ItemStatus;
import cn.zhenggai.contracts.ledger.LedgerItem;
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
     * @param before     item states at the earlier instant, by measure id (absent or null: not planned yet)
     * @param after      item states at the later instant, by measure id (also items no longer on the ledger)
     * @param department the ledger's department
     */
    public static Map<String, Object> between(Map<String, LedgerItem> before, Map<String, LedgerItem> after,
                                              String department) {
        List<Map<String, Object>> newItems = new ArrayList<>();
        List<Map<String, Object>> newProblems = new ArrayList<>();
        Map<String, Map<String, Object>> newProblemsByKey = new LinkedHashMap<>();
        List<Map<String, Object>> removedItems = new ArrayList<>();
        List<Map<String, Object>> statusChanges = new ArrayList<>();
        List<Map<String, Object>> deadlineChanges = new ArrayList<>();
        List<Map<String, Object>> ownerChanges = new ArrayList<>();
        List<Map<String, Object>> colourChanges = new ArrayList<>();
        List<Map<String, Object>> closures = new ArrayList<>();
        List<Map<String, Object>> becameOverdue = new ArrayList<>();

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
                Map<String, Object> entry = item(to);
                entry.put("after", LedgerRows.row(to, department));
                Map<String, Object> plannedBy = ItemStates.reference(to.plannedBy());
                boolean plannedInRange = before.get(id) == null;
                entry.put("kind", plannedInRange ? "PLANNED" : "JOINED");
                entry.put("event", plannedInRange ? plannedBy
                        : first(to, "leadDepartment", "cooperatingDepartments"));
                newItems.add(entry);
                for (MeasurePlanned.Problem problem : to.problems()) {
                    String key = problemKey(problem);
                    if (problemsBefore.contains(key)) {
                        continue;
                    }
                    Map<String, Object> seen = newProblemsByKey.get(key);
                    if (seen != null) {
                        @SuppressWarnings("unchecked")
                        List<Object> ids = (List<Object>) seen.get("measureIds");
                        ids.add(id);
                        continue;
                    }
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("problemId", problem.problemId());
                    p.put("theme", problem.theme());
                    p.put("ordinal", problem.ordinal());
                    p.put("statement", problem.statement());
                    p.put("measureIds", new ArrayList<>(List.of(id)));
                    p.put("event", plannedBy);
                    newProblemsByKey.put(key, p);
                    newProblems.add(p);
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
                LedgerItem to = after.get(id);
                Map<String, Object> entry = item(before.get(id));
                entry.put("before", LedgerRows.row(before.get(id), department));
                entry.put("leadDepartmentNow", to == null ? null : to.leadDepartment());
                entry.put("event", to == null ? null : first(to, "leadDepartment", "cooperatingDepartments"));
                removedItems.add(entry);
            }
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("counts", counts);
        put(body, counts, "newItems", newItems);
        put(body, counts, "newProblems", newProblems);
        put(body, counts, "statusChanges", statusChanges);
        put(body, counts, "deadlineChanges", deadlineChanges);
        put(body, counts, "closures", closures);
        put(body, counts, "becameOverdue", becameOverdue);
        put(body, counts, "ownerChanges", ownerChanges);
        put(body, counts, "colourChanges", colourChanges);
        put(body, counts, "removedItems", removedItems);
        return body;
    }

    private static void put(Map<String, Object> body, Map<String, Object> counts, String key, List<?> list) {
        counts.put(key, list.size());
        body.put(key, list);
    }

    private static void compare(LedgerItem from, LedgerItem to, String field, Function<LedgerItem, Object> read,
                                List<Map<String, Object>> into) {
        if (!Objects.equals(read.apply(from), read.apply(to))) {
            into.add(change(to, field, read.apply(from), read.apply(to)));
        }
    }

    private static Map<String, Object> change(LedgerItem to, String field, Object before, Object after) {
        Map<String, Object> change = item(to);
        change.put("field", field);
        change.put("before", ItemStates.json(before));
        change.put("after", ItemStates.json(after));
        change.put("event", ItemStates.reference(to.changedBy().get(field)));
        return change;
    }

    private static Map<String, Object> item(LedgerItem state) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("measureId", state.measureId());
        item.put("title", state.title());
        return item;
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
