package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The root causes of a report (an aggregate member), in order, each linked to the problems it explains. Its methods
 * decide the event of one root cause; the report applies it, for a single command and for each root cause of an
 * import alike. A RootCauseAnalyzed with the id of an existing root cause replaces it (same ordinal).
 */
final class RootCauses {

    private final Map<String, RootCauseAnalyzed> analyzed = new LinkedHashMap<>();

    /** A new root cause, numbered after the others; refused when its id is taken or it links an unknown problem. */
    RootCauseAnalyzed analyze(String reportId, String department, String rootCauseId, String title, String analysis,
                              List<String> problemIds, Set<String> problems) {
        check(title, analysis);
        if (analyzed.containsKey(rootCauseId)) {
            throw Refusal.conflict("DUPLICATE_ROOT_CAUSE", "该根源已存在");
        }
        return rootCause(reportId, department, rootCauseId, analyzed.size() + 1, title, analysis, problemIds,
                problems);
    }

    /** A root cause reworked in its place; null when nothing changed. */
    RootCauseAnalyzed revise(String reportId, String department, String rootCauseId, String title, String analysis,
                             List<String> problemIds, Set<String> problems) {
        RootCauseAnalyzed before = analyzed.get(rootCauseId);
        if (before == null) {
            throw Refusal.notFound("ROOT_CAUSE_NOT_FOUND", "根源不存在：" + rootCauseId);
        }
        check(title, analysis);
        RootCauseAnalyzed revised = rootCause(reportId, department, rootCauseId, before.ordinal(), title, analysis,
                problemIds, problems);
        return revised.equals(before) ? null : revised;
    }

    /** The ids of the root causes. */
    Set<String> ids() {
        return Collections.unmodifiableSet(analyzed.keySet());
    }

    /** The problems the given root causes explain (unknown root causes explain nothing). */
    Stream<String> problemsOf(List<String> rootCauseIds) {
        return rootCauseIds.stream().map(analyzed::get).filter(rc -> rc != null)
                .flatMap(rc -> rc.problemIds().stream());
    }

    private static void check(String title, String analysis) {
        Text.require(title, "title", "根源标题不能为空");
        Text.checkLength(analysis, "analysis");
    }

    private static RootCauseAnalyzed rootCause(String reportId, String department, String rootCauseId, int ordinal,
                                               String title, String analysis, List<String> problemIds,
                                               Set<String> problems) {
        List<String> links = Text.links(problemIds, problems, "UNKNOWN_PROBLEM", "根源关联的问题不存在：");
        return new RootCauseAnalyzed(reportId, rootCauseId, department, ordinal, title.strip(),
                Text.orEmpty(analysis), links);
    }

    @EventSourcingHandler
    void on(RootCauseAnalyzed event) {
        analyzed.put(event.rootCauseId(), event);
    }
}
