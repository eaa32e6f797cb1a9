package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems of a report (an aggregate member): the live ones in order, every id ever used, and which problem
 * holds which {@link ProblemKey}. Its methods decide the event of one problem; the report applies it, for a single
 * command and for each problem of an import alike.
 */
final class Problems {

    private record Problem(ProblemKey key, String statement, String example) {
    }

    private final Map<String, Problem> live = new LinkedHashMap<>();
    /** withdrawn ones included: a problem id is never reused */
    private final Set<String> used = new HashSet<>();
    private final Map<ProblemKey, String> holders = new HashMap<>();

    /** A new problem: refused when its id was ever used or another live problem holds its key. */
    ProblemIdentified identify(String reportId, String department, String problemId, String theme, int ordinal,
                               String statement, String example) {
        Problem problem = problem(theme, ordinal, statement, example);
        if (used.contains(problemId)) {
            throw Refusal.conflict("DUPLICATE_PROBLEM", "该问题已存在");
        }
        if (holders.containsKey(problem.key())) {
            throw problem.key().taken();
        }
        return new ProblemIdentified(reportId, problemId, department, problem.key().theme(), problem.key().ordinal(),
                problem.statement(), problem.example());
    }

    /** A live problem reworded; null when nothing changed. It may keep its own key, not take another's. */
    ProblemRevised revise(String reportId, String department, String problemId, String theme, int ordinal,
                          String statement, String example) {
        Problem before = live(problemId);
        Problem after = problem(theme, ordinal, statement, example);
        String holder = holders.get(after.key());
        if (holder != null && !holder.equals(problemId)) {
            throw after.key().taken();
        }
        if (after.equals(before)) {
            return null;
        }
        return new ProblemRevised(reportId, problemId, department, after.key().theme(), after.key().ordinal(),
                after.statement(), after.example());
    }

    /** A live problem taken out; its key is free again, its id is not. */
    ProblemWithdrawn withdraw(String reportId, String department, String problemId, String reason) {
        live(problemId);
        Text.checkLength(reason, "reason");
        return new ProblemWithdrawn(reportId, problemId, department, Text.blankToNull(reason));
    }

    boolean isEmpty() {
        return live.isEmpty();
    }

    /** The ids of the live problems. */
    Set<String> ids() {
        return Collections.unmodifiableSet(live.keySet());
    }

    /** The live problems as the accepted report lists them. */
    List<ReportAccepted.Problem> accepted() {
        return live.entrySet().stream().map(e -> new ReportAccepted.Problem(e.getKey(), e.getValue().key().theme(),
                e.getValue().key().ordinal(), e.getValue().statement())).toList();
    }

    private static Problem problem(String theme, int ordinal, String statement, String example) {
        String aspect = Text.require(theme, "theme", "问题所属方面不能为空");
        String text = Text.require(statement, "statement", "问题表述不能为空");
        Text.checkLength(example, "example");
        return new Problem(ProblemKey.of(aspect, ordinal), text, Text.blankToNull(example));
    }

    private Problem live(String problemId) {
        Problem problem = live.get(problemId);
        if (problem == null) {
            throw Refusal.notFound("PROBLEM_NOT_FOUND", "问题不存在或已撤回：" + problemId);
        }
        return problem;
    }

    @EventSourcingHandler
    void on(ProblemIdentified event) {
        used.add(event.problemId());
        hold(event.problemId(), event.theme(), event.ordinal(), event.statement(), event.example());
    }

    @EventSourcingHandler
    void on(ProblemRevised event) {
        release(event.problemId());
        hold(event.problemId(), event.theme(), event.ordinal(), event.statement(), event.example());
    }

    @EventSourcingHandler
    void on(ProblemWithdrawn event) {
        release(event.problemId());
        live.remove(event.problemId());
    }

    private void hold(String problemId, String theme, int ordinal, String statement, String example) {
        ProblemKey key = new ProblemKey(theme, ordinal);
        live.put(problemId, new Problem(key, statement, example));
        holders.put(key, problemId);
    }

    private void release(String problemId) {
        Problem before = live.get(problemId);
        if (before != null) {
            holders.remove(before.key());
        }
    }
}
