package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.ReportAccepted;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The measures a report proposes (an aggregate member), in order, each answering some root causes. Its methods
 * decide the event of one measure; the report applies it, for a single command and for each measure of an import
 * alike. A MeasureProposed with the id of an existing measure replaces it (same ordinal).
 */
final class Measures {

    private final Map<String, MeasureProposed> proposed = new LinkedHashMap<>();

    /** A new measure, numbered after the others; refused when its id is taken or its content breaks a rule. */
    MeasureProposed propose(String reportId, String department, String measureId, Commands.MeasureDraft draft,
                            Set<String> rootCauses) {
        if (proposed.containsKey(measureId)) {
            throw Refusal.conflict("DUPLICATE_MEASURE", "该措施已存在");
        }
        return measure(reportId, department, measureId, proposed.size() + 1, draft, rootCauses);
    }

    /** A measure reworked in its place; null when nothing changed. */
    MeasureProposed revise(String reportId, String department, String measureId, Commands.MeasureDraft draft,
                           Set<String> rootCauses) {
        MeasureProposed before = proposed.get(measureId);
        if (before == null) {
            throw Refusal.notFound("MEASURE_NOT_FOUND", "整改措施不存在：" + measureId);
        }
        MeasureProposed revised = measure(reportId, department, measureId, before.ordinal(), draft, rootCauses);
        return revised.equals(before) ? null : revised;
    }

    boolean isEmpty() {
        return proposed.isEmpty();
    }

    /** The measures as the accepted report plans them, each with the live problems its root causes explain. */
    List<ReportAccepted.Measure> accepted(RootCauses rootCauses, Set<String> problems) {
        return proposed.values().stream().map(m -> new ReportAccepted.Measure(m.measureId(), m.ordinal(), m.title(),
                m.content(), m.actions(), m.deadline(), m.deadlineText(), m.owner(), m.leadDepartment(),
                m.cooperatingDepartments(), m.rootCauseIds(),
                rootCauses.problemsOf(m.rootCauseIds()).filter(problems::contains).distinct().toList())).toList();
    }

    private static MeasureProposed measure(String reportId, String department, String measureId, int ordinal,
                                           Commands.MeasureDraft m, Set<String> rootCauses) {
        if (m == null) {
            throw Refusal.invalid("MISSING_MEASURE", "整改措施内容不能为空");
        }
        String title = Text.require(m.title(), "title", "整改措施标题不能为空");
        Text.checkLength(m.content(), "content");
        Text.checkLength(m.owner(), "owner");
        Text.checkLength(m.leadDepartment(), "leadDepartment");
        List<Commands.ActionDraft> actions = m.actions() == null ? List.of() : m.actions();
        if (actions.size() > Text.MAX_ITEMS) {
            throw Refusal.invalid("TOO_MANY_ITEMS", "具体举措过多");
        }
        List<MeasureProposed.Action> steps = new ArrayList<>();
        for (Commands.ActionDraft action : actions) {
            steps.add(new MeasureProposed.Action(Text.require(action.text(), "action", "具体举措不能为空"),
                    Deadline.of(action.deadline()), Text.blankToNull(action.deadlineText())));
        }
        List<String> cooperating = m.cooperatingDepartments() == null ? List.of()
                : m.cooperatingDepartments().stream().filter(d -> d != null && !d.isBlank()).map(String::strip)
                .distinct().toList();
        List<String> links = Text.links(m.rootCauseIds(), rootCauses, "UNKNOWN_ROOT_CAUSE", "措施关联的根源不存在：");
        return new MeasureProposed(reportId, measureId, department, ordinal, title, Text.orEmpty(m.content()),
                List.copyOf(steps), Deadline.of(m.deadline()), Text.blankToNull(m.deadlineText()),
                Text.blankToNull(m.owner()), Text.blankToNull(m.leadDepartment()), cooperating, links);
    }

    @EventSourcingHandler
    void on(MeasureProposed event) {
        proposed.put(event.measureId(), event);
    }
}
