package cn.zhenggai.audit.timetravel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reference only: the report state as audit-service folded it by hand before ADR 0095 (commit 8a2ef3f), kept in the
 * tests so that {@link ReportFold} is checked to write the same document. Not used by the service.
 */
final class LegacyReportFold {

    public static final Set<String> TYPES = Set.of("ReportDrafted", "MeetingReferenced", "ProblemIdentified",
            "ProblemRevised", "ProblemWithdrawn", "RootCauseAnalyzed", "CleanAreasDeclared", "PersonalMattersDeclared",
            "PersonalMattersRead", "MeasureProposed", "CarryOverStated", "ReportSubmitted", "ReportReturned",
            "ReportAccepted", "ReportDelegationGranted", "ReportDelegationRevoked");

    private LegacyReportFold() {
    }

    public static boolean isReportFact(Fact fact) {
        return TYPES.contains(fact.type());
    }

    public static Map<String, Object> fold(List<Fact> facts) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("reportId", facts.isEmpty() ? null : facts.get(0).aggregateId());
        state.put("exists", false);
        state.put("status", null);
        state.put("problems", new ArrayList<Map<String, Object>>());
        state.put("withdrawnProblems", new ArrayList<Map<String, Object>>());
        state.put("rootCauses", new ArrayList<Map<String, Object>>());
        state.put("measures", new ArrayList<Map<String, Object>>());
        state.put("cleanAreas", new ArrayList<>());
        state.put("carryOver", new ArrayList<>());
        state.put("personalMattersDeclared", false);
        state.put("delegates", new ArrayList<String>());
        state.put("events", 0);
        for (Fact fact : Fact.ordered(facts)) {
            applyTo(state, fact);
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    static void applyTo(Map<String, Object> state, Fact f) {
        Map<String, Object> p = f.payload();
        switch (f.type()) {
            case "ReportDrafted" -> {
                state.put("exists", true);
                state.put("title", f.text("title"));
                state.put("year", p.get("year"));
                state.put("author", f.text("author"));
                state.put("department", f.text("department"));
                state.put("status", "DRAFT");
                state.put("round", 0);
                state.put("draftedAt", f.timestamp().toString());
            }
            case "MeetingReferenced" -> {
                state.put("meetingId", f.text("meetingId"));
                state.put("notice", f.text("notice"));
            }
            case "ProblemIdentified", "ProblemRevised" -> {
                List<Map<String, Object>> problems = (List<Map<String, Object>>) state.get("problems");
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("problemId", f.text("problemId"));
                problem.put("theme", f.text("theme"));
                problem.put("ordinal", p.get("ordinal"));
                problem.put("statement", f.text("statement"));
                problem.put("example", f.text("example"));
                problem.put("revised", f.type().equals("ProblemRevised"));
                replaceOrAdd(problems, "problemId", problem);
            }
            case "ProblemWithdrawn" -> {
                List<Map<String, Object>> problems = (List<Map<String, Object>>) state.get("problems");
                String id = f.text("problemId");
                problems.stream().filter(pr -> Objects.equals(pr.get("problemId"), id)).findFirst().ifPresent(pr -> {
                    problems.remove(pr);
                    Map<String, Object> withdrawn = new LinkedHashMap<>(pr);
                    withdrawn.put("reason", f.text("reason"));
                    ((List<Map<String, Object>>) state.get("withdrawnProblems")).add(withdrawn);
                });
            }
            case "RootCauseAnalyzed" -> {
                Map<String, Object> cause = new LinkedHashMap<>();
                cause.put("rootCauseId", f.text("rootCauseId"));
                cause.put("ordinal", p.get("ordinal"));
                cause.put("title", f.text("title"));
                cause.put("analysis", f.text("analysis"));
                cause.put("problemIds", p.get("problemIds"));
                replaceOrAdd((List<Map<String, Object>>) state.get("rootCauses"), "rootCauseId", cause);
            }
            case "MeasureProposed" -> {
                Map<String, Object> measure = new LinkedHashMap<>();
                measure.put("measureId", f.text("measureId"));
                measure.put("ordinal", p.get("ordinal"));
                measure.put("title", f.text("title"));
                measure.put("content", f.text("content"));
                measure.put("deadline", f.text("deadline"));
                measure.put("deadlineText", f.text("deadlineText"));
                measure.put("owner", f.text("owner"));
                measure.put("leadDepartment", f.text("leadDepartment"));
                measure.put("cooperatingDepartments", p.get("cooperatingDepartments"));
                replaceOrAdd((List<Map<String, Object>>) state.get("measures"), "measureId", measure);
            }
            case "CleanAreasDeclared" -> state.put("cleanAreas", p.get("areas") == null ? List.of() : p.get("areas"));
            case "CarryOverStated" -> state.put("carryOver", p.get("groups") == null ? List.of() : p.get("groups"));
            case "PersonalMattersDeclared" -> {
                state.put("personalMattersDeclared", true);
                state.put("personalMattersDeclaredAt", f.timestamp().toString());
            }
            case "PersonalMattersRead" -> state.put("personalMattersReads",
                    (state.get("personalMattersReads") instanceof Number n ? n.intValue() : 0) + 1);
            case "ReportDelegationGranted" -> {
                List<String> delegates = (List<String>) state.get("delegates");
                if (!delegates.contains(f.text("delegate"))) {
                    delegates.add(f.text("delegate"));
                }
            }
            case "ReportDelegationRevoked" -> ((List<String>) state.get("delegates")).remove(f.text("delegate"));
            case "ReportSubmitted" -> {
                state.put("status", "SUBMITTED");
                state.put("round", p.get("round"));
                state.put("submittedAt", f.timestamp().toString());
                state.put("submittedBy", f.text("submittedBy"));
            }
            case "ReportReturned" -> {
                state.put("status", "RETURNED");
                state.put("returnReasons", p.get("reasons"));
                state.put("returnedBy", f.text("returnedBy"));
            }
            case "ReportAccepted" -> {
                state.put("status", "ACCEPTED");
                state.put("acceptedBy", f.text("acceptedBy"));
                state.put("acceptedAt", f.timestamp().toString());
            }
            default -> {
                return;
            }
        }
        state.put("events", (state.get("events") instanceof Number n ? n.intValue() : 0) + 1);
        state.put("lastSequence", f.sequence());
        state.put("updatedAt", f.timestamp().toString());
        state.put("lastEvent", f.reference());
    }

    private static void replaceOrAdd(List<Map<String, Object>> list, String key, Map<String, Object> value) {
        for (int i = 0; i < list.size(); i++) {
            if (Objects.equals(list.get(i).get(key), value.get(key))) {
                list.set(i, value);
                return;
            }
        }
        list.add(value);
    }
}
