package cn.zhenggai.report.carryover;

import cn.zhenggai.contracts.rectification.CarryOverPrepared;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.reportview.ReportStatus;
import cn.zhenggai.platform.axon.CommandDispatcher;
import cn.zhenggai.report.drafting.Commands.CarryOverGroup;
import cn.zhenggai.report.drafting.Commands.StateCarryOver;
import cn.zhenggai.report.drafting.Editor;
import cn.zhenggai.report.viewing.ReportHistory;
import cn.zhenggai.report.viewing.ReportView;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Applies the carry-over rectification-service prepared (CarryOverPrepared) to the draft it is meant for, as
 * rectification-service: only while the report is editable (draft or returned) and has no carry-over yet — what the
 * cadre wrote or imported is never overwritten. A redelivered event finds the carry-over stated and does nothing.
 */
@Component
public class PreparedCarryOver {

    /** The actor recorded on the CarryOverStated it causes. */
    public static final String ACTOR = "rectification-service";

    private final ReportHistory history;
    private final CommandDispatcher commands;

    public PreparedCarryOver(ReportHistory history, CommandDispatcher commands) {
        this.history = history;
        this.commands = commands;
    }

    /** Returns whether the report's carry-over was stated now. */
    public boolean apply(CarryOverPrepared prepared) {
        ReportView report;
        try {
            report = history.load(prepared.reportId());
        } catch (Refusal unknown) {
            return false;
        }
        ReportStatus status = ReportStatus.of(report.status);
        boolean editable = status != null && status.editable();
        if (!editable || !report.carryOver.isEmpty() || prepared.groups() == null || prepared.groups().isEmpty()) {
            return false;
        }
        List<CarryOverGroup> groups = prepared.groups().stream()
                .map(g -> new CarryOverGroup(g.heading(), g.theme(), g.items())).toList();
        try {
            commands.send(new StateCarryOver(report.reportId, groups,
                            Editor.system(ACTOR, report.department)), ACTOR, report.department,
                    "REPORT_NOT_FOUND", "报告不存在：");
            return true;
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND && "REPORT_NOT_FOUND".equals(refused.code())) {
                throw refused; // the report's stream is missing although its view exists: not a refusal to skip
            }
            // submitted (or otherwise closed) in the meantime: the cadre's report stays as it is
            return false;
        }
    }
}
