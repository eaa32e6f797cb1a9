package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A cadre's report (speech outline) for one meeting. Rules are checked here; state changes only from events. */
@Aggregate
public class Report {

    static final int MAX_TEXT = 4000;

    @AggregateIdentifier
    private String reportId;
    private String department;
    private final Set<String> problemIds = new HashSet<>();
    private final Set<String> themeOrdinals = new HashSet<>();

    protected Report() {
        // for Axon
    }

    @CommandHandler
    public Report(DraftReport command) {
        require(command.title(), "title", "报告标题不能为空");
        if (command.editor().department() == null || command.editor().department().isBlank()) {
            throw new ReportRefused(ReportRefused.Reason.INVALID, "DEPARTMENT_REQUIRED", "起草人未归属任何部门");
        }
        if (command.year() != null && (command.year() < 2000 || command.year() > 2100)) {
            throw new ReportRefused(ReportRefused.Reason.INVALID, "INVALID_YEAR", "年度不合理：" + command.year());
        }
        apply(new ReportDrafted(command.reportId(), command.title().strip(), command.year(),
                command.editor().username(), command.editor().department()));
    }

    @CommandHandler
    public void handle(IdentifyProblem command) {
        if (!command.editor().mayEdit(department)) {
            throw new ReportRefused(ReportRefused.Reason.FORBIDDEN, "FORBIDDEN_DEPARTMENT", "不能修改其他部门的报告");
        }
        require(command.theme(), "theme", "问题所属方面不能为空");
        require(command.statement(), "statement", "问题表述不能为空");
        if (command.ordinal() < 1) {
            throw new ReportRefused(ReportRefused.Reason.INVALID, "INVALID_ORDINAL", "问题序号必须从1开始");
        }
        if (problemIds.contains(command.problemId())) {
            throw new ReportRefused(ReportRefused.Reason.CONFLICT, "DUPLICATE_PROBLEM", "该问题已存在");
        }
        if (themeOrdinals.contains(themeOrdinal(command.theme().strip(), command.ordinal()))) {
            throw new ReportRefused(ReportRefused.Reason.CONFLICT, "DUPLICATE_ORDINAL",
                    "“" + command.theme().strip() + "”方面已有第" + command.ordinal() + "个问题");
        }
        String example = command.example() == null || command.example().isBlank() ? null : command.example().strip();
        apply(new ProblemIdentified(reportId, command.problemId(), department, command.theme().strip(),
                command.ordinal(), command.statement().strip(), example));
    }

    @EventSourcingHandler
    void on(ReportDrafted event) {
        reportId = event.reportId();
        department = event.department();
    }

    @EventSourcingHandler
    void on(ProblemIdentified event) {
        problemIds.add(event.problemId());
        themeOrdinals.add(themeOrdinal(event.theme(), event.ordinal()));
    }

    private static String themeOrdinal(String theme, int ordinal) {
        return theme + '#' + ordinal;
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new ReportRefused(ReportRefused.Reason.INVALID, "MISSING_" + field.toUpperCase(), message);
        }
        if (value.length() > MAX_TEXT) {
            throw new ReportRefused(ReportRefused.Reason.INVALID, "TOO_LONG_" + field.toUpperCase(),
                    "内容过长（最多" + MAX_TEXT + "字）");
        }
    }
}
