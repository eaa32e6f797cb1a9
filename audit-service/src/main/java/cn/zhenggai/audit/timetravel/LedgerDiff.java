package cn.zhenggai.audit.timetravel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed on a department's ledger between two dates, from the item states at both (pure): new items and the
 * problems they bring (each problem once, with the items that answer it), items that left the ledger (reassigned), status, deadline, owner and colour changes, closures
 * (销号, now VERIFIED) and items that became overdue, each with before/after and the event (type, actor, time) that
 * made the later value.
 */
public final class LedgerDiff {

    private LedgerDiff() {
    }

    /**
     * @param before     item states at the earlier instant, by measure id
     * @param after      item states at the later instant, by measure id (also items no longer on the ledger)
     * @param department the ledger's department
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> between(Map<String, Map<String, Object>> before,
                                              Map<String, Map<String, Object>> after, String department) {
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
        LedgerRows.itemsOf(before.values(), department).forEach(s -> known.add((String) s.get("measureId")));
        Set<String> problemsBefore = new LinkedHashSet<>();
        for (String id : known) {
            problemKeys(before.get(id)).forEach(problemsBefore::add);
        }
        List<Map<String, Object>> now = LedgerRows.itemsOf(after.values(), department);
        Set<String> present = new LinkedHashSet<>();
        for (Map<String, Object> to : now) {
            String id = (String) to.get("measureId");
            present.add(id);
            Map<String, Object> from = known.contains(id) ? before.get(id) : null;
            Map<String, Object> changedBy = (Map<String, Object>) to.getOrDefault("changedBy", Map.of());
            if (from == null) {
                Map<String, Object> entry = item(to);
                entry.put("after", LedgerRows.row(to, department));
                Object plannedBy = to.get("plannedBy");
                boolean plannedInRange = before.get(id) == null || !Boolean.TRUE.equals(before.get(id).get("exists"));
                entry.put("kind", plannedInRange ? "PLANNED" : "JOINED");
                entry.put("event", plannedInRange ? plannedBy : first(changedBy, "leadDepartment", "cooperatingDepartments"));
                newItems.add(entry);
                for (Map<String, Object> problem : (List<Map<String, Object>>) to.getOrDefault("problems", List.of())) {
                    String key = problemKey(problem);
                    if (problemsBefore.contains(key)) {
                        continue;
                    }
                    Map<String, Object> seen = newProblemsByKey.get(key);
                    if (seen != null) {
                        ((List<Object>) seen.get("measureIds")).add(id);
                        continue;
                    }
                    Map<String, Object> p = new LinkedHashMap<>(problem);
                    p.put("measureIds", new ArrayList<>(List.of(id)));
                    p.put("event", plannedBy);
                    newProblemsByKey.put(key, p);
                    newProblems.add(p);
                }
                if (ItemFold.VERIFIED.equals(to.get("status"))) {
                    closures.add(change(to, "status", null, to.get("status"), changedBy));
                }
                if (Boolean.TRUE.equals(to.get("overdue"))) {
                    becameOverdue.add(change(to, "overdue", false, true, changedBy));
                }
                continue;
            }
            compare(from, to, "status", changedBy, statusChanges);
            compare(from, to, "deadline", changedBy, deadlineChanges);
            compare(from, to, "owner", changedBy, ownerChanges);
            compare(from, to, "colour", changedBy, colourChanges);
            if (ItemFold.VERIFIED.equals(to.get("status")) && !ItemFold.VERIFIED.equals(from.get("status"))) {
                closures.add(change(to, "status", from.get("status"), to.get("status"), changedBy));
            }
            if (Boolean.TRUE.equals(to.get("overdue")) && !Boolean.TRUE.equals(from.get("overdue"))) {
                becameOverdue.add(change(to, "overdue", false, true, changedBy));
            }
        }
        for (String id : known) {
            if (!present.contains(id)) {
                Map<String, Object> to = after.get(id);
                Map<String, Object> entry = item(before.get(id));
                entry.put("before", LedgerRows.row(before.get(id), department));
                entry.put("leadDepartmentNow", to == null ? null : to.get("leadDepartment"));
                entry.put("event", to == null ? null
                        : first((Map<String, Object>) to.getOrDefault("changedBy", Map.of()), "leadDepartment",
                        "cooperatingDepartments"));
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

    private static void compare(Map<String, Object> from, Map<String, Object> to, String field,
                                Map<String, Object> changedBy, List<Map<String, Object>> into) {
        if (!Objects.equals(from.get(field), to.get(field))) {
            into.add(change(to, field, from.get(field), to.get(field), changedBy));
        }
    }

    private static Map<String, Object> change(Map<String, Object> to, String field, Object before, Object after,
                                              Map<String, Object> changedBy) {
        Map<String, Object> change = item(to);
        change.put("field", field);
        change.put("before", before);
        change.put("after", after);
        change.put("event", changedBy.get(field));
        return change;
    }

    private static Map<String, Object> item(Map<String, Object> state) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("measureId", state.get("measureId"));
        item.put("title", state.get("title"));
        return item;
    }

    private static Object first(Map<String, Object> changedBy, String... fields) {
        for (String field : fields) {
            if (changedBy.get(field) != null) {
                return changedBy.get(field);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> problemKeys(Map<String, Object> state) {
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) state.getOrDefault("problems", List.of())) {
            keys.add(problemKey(p));
        }
        return keys;
    }

    private static String problemKey(Map<String, Object> problem) {
        return problem.get("problemId") != null ? "id:" + problem.get("problemId") : "text:" + problem.get("statement");
    }
}
