package cn.zhenggai.audit.timetravel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state of a rectification item (整改事项) folded from its events, with the semantics of rectification-service's
 * ledger projection: {@code state = fold(apply, initial, events in sequence order)}. Pure: no clock, no store; the
 * state is a JSON-like map (strings, numbers, booleans, lists, maps; times as ISO-8601 strings), so that it can be
 * stored as a read-model document and compared field by field.
 * <p>
 * Besides the ledger fields the state keeps {@code changedBy}: for each watched field the event that last changed it
 * ({@link Fact#reference()}), which is what a difference between two dates names as the cause.
 */
public final class ItemFold {

    public static final String PLANNED = "PLANNED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String VERIFIED = "VERIFIED";
    public static final String DEFAULT_COLOUR = "GREEN";

    /** Event types that belong to an item's history. */
    public static final Set<String> TYPES = Set.of("MeasurePlanned", "MeasureAssigned", "ProgressReported",
            "EvidenceAttached", "MeasureCompleted", "MeasureVerified", "MeasureRejected", "MeasureReopened",
            "DeadlineExtensionRequested", "DeadlineExtended", "DeadlineExtensionRefused", "MeasureOverdue",
            "MeasureColourChanged", "MeasureSourceLinked", "SupervisionNoticeIssued", "SupervisionIssued",
            "RecurringProblemFlagged");

    /** Fields whose last change is remembered in {@code changedBy}. */
    public static final List<String> WATCHED = List.of("title", "leadDepartment", "cooperatingDepartments", "owner",
            "deadline", "status", "overdue", "colour", "lastProgress", "pendingExtension", "sources");

    private ItemFold() {
    }

    /** Whether the aggregate whose history contains this fact is a rectification item. */
    public static boolean isItemFact(Fact fact) {
        return TYPES.contains(fact.type());
    }

    /** The state after all of {@code facts} (any order, duplicates allowed); {@code exists} false until planned. */
    public static Map<String, Object> fold(List<Fact> facts) {
        Map<String, Object> state = initial(facts.isEmpty() ? null : facts.get(0).aggregateId());
        for (Fact fact : Fact.ordered(facts)) {
            applyTo(state, fact);
        }
        return state;
    }

    /** The state of an item of which nothing is known yet. */
    public static Map<String, Object> initial(String measureId) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("measureId", measureId);
        state.put("exists", false);
        state.put("lastSequence", -1L);
        state.put("events", 0);
        state.put("changedBy", new LinkedHashMap<String, Object>());
        return state;
    }

    /**
     * Applies one fact to {@code state} in place. Facts must come in sequence order; a fact whose sequence is not
     * above {@code lastSequence} is ignored (the caller refolds from the log when one arrives late).
     */
    @SuppressWarnings("unchecked")
    public static void applyTo(Map<String, Object> state, Fact f) {
        if (f.sequence() <= ((Number) state.get("lastSequence")).longValue()) {
            return;
        }
        Map<String, Object> before = new LinkedHashMap<>();
        WATCHED.forEach(field -> before.put(field, state.get(field)));
        boolean handled = true;
        Map<String, Object> p = f.payload();
        switch (f.type()) {
            case "MeasurePlanned" -> planned(state, f);
            case "MeasureAssigned" -> {
                state.put("leadDepartment", firstText(p, "leadDepartment", "department"));
                state.put("cooperatingDepartments", texts(p.get("cooperatingDepartments")));
                state.put("owner", f.text("owner"));
                state.put("deadline", f.text("deadline"));
                state.put("longTerm", Boolean.TRUE.equals(p.get("longTerm")));
                state.put("reviewPeriodMonths", p.get("reviewPeriodMonths"));
                state.put("status", IN_PROGRESS);
                state.put("assignedBy", f.text("assignedBy"));
                // a new deadline clears an earlier overdue notice
                if (!Objects.equals(state.get("overdueDeadline"), f.text("deadline"))) {
                    state.put("overdue", false);
                }
            }
            case "ProgressReported" -> {
                state.put("lastProgress", f.text("text"));
                state.put("lastProgressBy", f.text("reportedBy"));
                state.put("lastProgressAt", f.timestamp().toString());
                state.put("progressCount", count(state, "progressCount") + 1);
                if (p.get("evidence") instanceof List<?> evidence) {
                    state.put("lastEvidence", new ArrayList<>(evidence));
                }
            }
            case "EvidenceAttached" -> state.put("evidenceCount", count(state, "evidenceCount") + 1);
            case "MeasureCompleted" -> {
                state.put("status", COMPLETED);
                state.put("completedBy", f.text("completedBy"));
                state.put("completedAt", f.timestamp().toString());
                state.put("completionSummary", f.text("summary"));
                state.put("completedLate", Boolean.TRUE.equals(p.get("late")));
            }
            case "MeasureVerified" -> {
                state.put("status", VERIFIED);
                state.put("verifiedBy", f.text("verifiedBy"));
                state.put("verifiedAt", f.timestamp().toString());
                state.put("verificationOpinion", f.text("opinion"));
            }
            case "MeasureRejected" -> {
                state.put("lastRejection", texts(p.get("reasons")));
                state.put("lastRejectedBy", f.text("rejectedBy"));
                state.put("rejections", count(state, "rejections") + 1);
            }
            case "MeasureReopened" -> {
                state.put("status", IN_PROGRESS);
                state.put("completedBy", null);
                state.put("completedAt", null);
                state.put("verifiedBy", null);
                state.put("verifiedAt", null);
                state.put("reopenedReason", f.text("reason"));
            }
            case "DeadlineExtensionRequested" -> {
                Map<String, Object> pending = new LinkedHashMap<>();
                pending.put("deadline", f.text("requestedDeadline"));
                pending.put("reason", f.text("reason"));
                pending.put("requestedBy", f.text("requestedBy"));
                state.put("pendingExtension", pending);
            }
            case "DeadlineExtended" -> {
                state.put("deadline", f.text("deadline"));
                state.put("pendingExtension", null);
                state.put("overdue", false);
                state.put("extensions", count(state, "extensions") + 1);
            }
            case "DeadlineExtensionRefused" -> state.put("pendingExtension", null);
            case "MeasureOverdue" -> {
                state.put("overdue", true);
                state.put("overdueDeadline", f.text("deadline"));
                state.put("overdueAt", f.timestamp().toString());
            }
            case "MeasureColourChanged" -> {
                String colour = f.text("colour");
                state.put("colour", colour == null ? DEFAULT_COLOUR : colour.toUpperCase(Locale.ROOT));
            }
            case "MeasureSourceLinked" -> {
                List<Object> sources = new ArrayList<>((List<Object>) state.getOrDefault("sources", List.of()));
                Map<String, Object> link = source(f.text("source"), f.text("reference"), f.text("finding"));
                if (!sources.contains(link)) {
                    sources.add(link);
                }
                state.put("sources", sources);
            }
            case "SupervisionNoticeIssued", "SupervisionIssued" -> {
                state.put("supervisionNotices", count(state, "supervisionNotices") + 1);
                state.put("lastSupervisionNotice", new LinkedHashMap<>(p));
                state.put("lastSupervisionAt", f.timestamp().toString());
            }
            case "RecurringProblemFlagged" -> {
                state.put("recurring", true);
                state.put("lastRecurrence", new LinkedHashMap<>(p));
            }
            default -> handled = false;
        }
        state.put("lastSequence", f.sequence());
        if (!handled) {
            return;
        }
        state.put("events", count(state, "events") + 1);
        state.put("updatedAt", f.timestamp().toString());
        state.put("lastEvent", f.reference());
        Map<String, Object> changedBy = new LinkedHashMap<>((Map<String, Object>) state.get("changedBy"));
        for (String field : WATCHED) {
            if (!Objects.equals(before.get(field), state.get(field))) {
                changedBy.put(field, f.reference());
            }
        }
        state.put("changedBy", changedBy);
    }

    private static void planned(Map<String, Object> state, Fact f) {
        Map<String, Object> p = f.payload();
        if (Boolean.TRUE.equals(state.get("exists"))) {
            return; // planned once; a second MeasurePlanned changes nothing (the projection's setOnInsert)
        }
        List<Map<String, Object>> problems = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        if (p.get("problems") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    Map<String, Object> problem = new LinkedHashMap<>();
                    problem.put("problemId", m.get("problemId"));
                    problem.put("theme", m.get("theme"));
                    problem.put("ordinal", m.get("ordinal"));
                    problem.put("statement", m.get("statement"));
                    problems.add(problem);
                    if (m.get("statement") != null) {
                        statements.add(String.valueOf(m.get("statement")));
                    }
                }
            }
        }
        String source = f.text("source");
        state.put("exists", true);
        state.put("source", source);
        List<Object> sources = new ArrayList<>();
        sources.add(source(source, f.text("reportId"), null));
        state.put("sources", sources);
        state.put("reportId", f.text("reportId"));
        state.put("reportMeasureId", f.text("reportMeasureId"));
        state.put("reportDepartment", f.text("reportDepartment"));
        state.put("author", f.text("author"));
        state.put("year", p.get("year"));
        state.put("ordinal", p.get("ordinal"));
        state.put("title", f.text("title"));
        state.put("content", f.text("content"));
        state.put("problem", String.join("；", statements));
        state.put("problems", problems);
        state.put("leadDepartment", f.text("department"));
        state.put("cooperatingDepartments", texts(p.get("cooperatingDepartments")));
        state.put("owner", f.text("proposedOwner"));
        state.put("deadline", null);
        state.put("proposedDeadline", f.text("proposedDeadline"));
        state.put("deadlineText", f.text("deadlineText"));
        state.put("longTerm", false);
        state.put("reviewPeriodMonths", null);
        state.put("status", PLANNED);
        state.put("overdue", false);
        state.put("colour", state.getOrDefault("colour", DEFAULT_COLOUR));
        state.put("lastProgress", null);
        state.put("progressCount", 0);
        state.put("plannedAt", f.timestamp().toString());
        state.put("plannedBy", f.reference());
    }

    private static Map<String, Object> source(String source, String reference, String finding) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("source", source);
        link.put("reference", reference);
        link.put("finding", finding);
        return link;
    }

    private static int count(Map<String, Object> state, String field) {
        return state.get(field) instanceof Number n ? n.intValue() : 0;
    }

    private static String firstText(Map<String, Object> payload, String... fields) {
        for (String field : fields) {
            if (payload.get(field) != null) {
                return String.valueOf(payload.get(field));
            }
        }
        return null;
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Objects::nonNull).map(String::valueOf).forEach(texts::add);
        }
        return texts;
    }
}
