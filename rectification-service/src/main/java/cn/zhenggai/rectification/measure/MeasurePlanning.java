package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.rectification.CommandSender;
import cn.zhenggai.rectification.measure.Commands.PlanMeasure;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an accepted report (read from Kafka) into one rectification item per measure. Each item's id is derived
 * from the report and the measure, and planning an existing item changes nothing, so redelivery is harmless.
 */
@Component
public class MeasurePlanning {

    private final CommandSender commands;

    public MeasurePlanning(CommandSender commands) {
        this.commands = commands;
    }

    /** Returns how many items were planned now (0 for a redelivery). */
    public int plan(ReportAccepted accepted, EventEnvelope envelope) {
        Map<String, ReportAccepted.Problem> problems = new HashMap<>();
        if (accepted.problems() != null) {
            accepted.problems().forEach(p -> problems.put(p.problemId(), p));
        }
        int planned = 0;
        for (ReportAccepted.Measure m : accepted.measures() == null ? List.<ReportAccepted.Measure>of()
                : accepted.measures()) {
            List<MeasurePlanned.Problem> answered = (m.problemIds() == null ? List.<String>of() : m.problemIds())
                    .stream().map(problems::get).filter(p -> p != null)
                    .map(p -> new MeasurePlanned.Problem(p.problemId(), p.theme(), p.ordinal(), p.statement()))
                    .toList();
            List<MeasurePlanned.Action> actions = (m.actions() == null ? List.<cn.zhenggai.contracts.report
                    .MeasureProposed.Action>of() : m.actions()).stream()
                    .map(a -> new MeasurePlanned.Action(a.text(), a.deadline(), a.deadlineText())).toList();
            PlanMeasure command = new PlanMeasure(MeasureIds.fromReport(accepted.reportId(), m.measureId()),
                    accepted.reportId(), m.measureId(), accepted.department(), accepted.author(), accepted.year(),
                    m.ordinal(), m.title(), m.content(), actions, m.deadline(), m.deadlineText(), m.owner(),
                    m.leadDepartment(), m.cooperatingDepartments(), m.rootCauseIds(), answered);
            Boolean now;
            try {
                now = commands.send(command, envelope.actor() == null ? "system" : envelope.actor(),
                        accepted.department());
            } catch (Refusal e) {
                // the accepted report itself is unusable: dead-letter it at once (retrying cannot help)
                throw new IllegalArgumentException("measure " + m.measureId() + " of " + accepted.reportId()
                        + " cannot be planned: " + e.code() + " " + e.getMessage(), e);
            }
            if (Boolean.TRUE.equals(now)) {
                planned++;
            }
        }
        return planned;
    }
}
