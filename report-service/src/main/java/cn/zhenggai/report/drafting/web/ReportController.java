package cn.zhenggai.report.drafting.web;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.MeetingConvened;
import cn.zhenggai.contracts.reportview.ReportStatus;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.report.drafting.Commands;
import cn.zhenggai.report.drafting.Commands.AcceptReport;
import cn.zhenggai.report.drafting.Commands.ActionDraft;
import cn.zhenggai.report.drafting.Commands.AnalyzeRootCause;
import cn.zhenggai.report.drafting.Commands.CarryOverGroup;
import cn.zhenggai.report.drafting.Commands.DeclareCleanAreas;
import cn.zhenggai.report.drafting.Commands.MeasureDraft;
import cn.zhenggai.report.drafting.Commands.ProposeMeasure;
import cn.zhenggai.report.drafting.Commands.ReturnReport;
import cn.zhenggai.report.drafting.Commands.ReviseProblem;
import cn.zhenggai.report.drafting.Commands.StateCarryOver;
import cn.zhenggai.report.drafting.Commands.SubmitReport;
import cn.zhenggai.report.drafting.Commands.WithdrawProblem;
import cn.zhenggai.report.drafting.DraftReport;
import cn.zhenggai.report.drafting.Editor;
import cn.zhenggai.report.drafting.IdentifyProblem;
import cn.zhenggai.report.drafting.Report;
import cn.zhenggai.report.viewing.Meetings;
import cn.zhenggai.report.web.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drafting and review commands over HTTP: {@code /api/reports}. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    private final CommandSender commands;
    private final Meetings meetings;

    ReportController(CommandSender commands, Meetings meetings) {
        this.commands = commands;
        this.meetings = meetings;
    }

    /** Titles, headings and labels are one line (ADR 0075): a line break in them is refused, not rewritten. */
    static final String ONE_LINE = "[^\\r\\n]*";
    static final String ONE_LINE_MESSAGE = "只能是一行文字，不能包含换行";

    record DraftReportRequest(@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                              String title,
                              @Min(2000) @Max(2100) Integer year,
                              @Size(max = 80) String meetingId,
                              @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                              String notice) {
    }

    record ProblemRequest(@NotBlank @Size(max = 500) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                          String theme,
                          @NotNull @Min(1) @Max(99) Integer ordinal,
                          @NotBlank @Size(max = Report.MAX_TEXT) String statement,
                          @Size(max = Report.MAX_TEXT) String example) {
    }

    record WithdrawRequest(@Size(max = 500) String reason) {
    }

    record RootCauseRequest(@NotBlank @Size(max = 500) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                            String title,
                            @Size(max = Report.MAX_TEXT) String analysis,
                            @Size(max = 200) List<@NotBlank String> problemIds) {
    }

    record CleanAreasRequest(@NotNull @Size(max = 200) List<@NotBlank @Size(max = 500) String> areas) {
    }

    record CarryOverRequest(@NotNull @Size(max = 200) List<@Valid GroupRequest> groups) {
    }

    record GroupRequest(@NotBlank @Size(max = 500) String heading, @Size(max = 500) String theme,
                        @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = Report.MAX_TEXT) String> items) {
    }

    record ActionRequest(@NotBlank @Size(max = Report.MAX_TEXT) String text,
                         @Pattern(regexp = DATE) String deadline,
                         @Size(max = 100) String deadlineText) {
    }

    record MeasureRequest(@NotBlank @Size(max = 500) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                          String title,
                          @Size(max = Report.MAX_TEXT) String content,
                          @Size(max = 200) List<@Valid ActionRequest> actions,
                          @Pattern(regexp = DATE) String deadline,
                          @Size(max = 100) String deadlineText,
                          @Size(max = 100) String owner,
                          @Size(max = 100) String leadDepartment,
                          @Size(max = 50) List<@NotBlank @Size(max = 100) String> cooperatingDepartments,
                          @Size(max = 200) List<@NotBlank String> rootCauseIds) {
    }

    record DelegationRequest(@NotBlank @Size(max = 64) String delegate) {
    }

    record ReturnRequest(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 1000) String> reasons,
                         @Size(max = 200) Map<@NotBlank @Size(max = 80) String, @Size(max = Report.MAX_TEXT) String>
                                 problemComments) {
    }

    /** The answer of a drafted report. */
    public record DraftedReport(String reportId) {
    }

    /** The answer of a command on a problem. */
    public record ProblemAnswer(String reportId, String problemId) {
    }

    /** The answer of a command on a root cause. */
    public record RootCauseAnswer(String reportId, String rootCauseId) {
    }

    /** The answer of a command on a proposed measure. */
    public record MeasureAnswer(String reportId, String measureId) {
    }

    /** The answer of a command on the report's statements (clean areas, carry-over). */
    public record ReportAnswer(String reportId) {
    }

    /** The answer of a granted or revoked delegation. */
    public record DelegationAnswer(String reportId, String delegate) {
    }

    /** The answer of a review step: the report's status after it. */
    public record ReviewAnswer(String reportId, ReportStatus status) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('CADRE', 'DEPT_LIAISON', 'DEPT_HEAD')")
    @ErrorCodes(badRequest = {"YEAR_MISMATCH", "DEPARTMENT_REQUIRED"}, forbidden = "FORBIDDEN",
            notFound = "MEETING_NOT_FOUND")
    DraftedReport draft(@Valid @RequestBody DraftReportRequest request, Caller caller) {
        String reportId = "rpt-" + UUID.randomUUID();
        if (request.meetingId() != null) {
            MeetingConvened meeting = meetings.require(request.meetingId());
            if (request.year() != null && request.year() != meeting.year()) {
                throw Refusal.invalid("YEAR_MISMATCH", "报告年度与民主生活会年度不一致");
            }
        }
        commands.send(new DraftReport(reportId, request.title(), request.year(), request.meetingId(),
                request.notice(), editor(caller)), caller);
        return new DraftedReport(reportId);
    }

    @PostMapping("/{reportId}/problems")
    @ResponseStatus(HttpStatus.CREATED)
    @ErrorCodes(forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR_OR_DELEGATE"}, notFound = "REPORT_NOT_FOUND",
            conflict = {"DUPLICATE_ORDINAL", "REPORT_NOT_EDITABLE", "CONCURRENT_MODIFICATION"})
    ProblemAnswer identifyProblem(@PathVariable String reportId, @Valid @RequestBody ProblemRequest request,
                                        Caller caller) {
        checkReport(reportId);
        String problemId = "prb-" + UUID.randomUUID();
        commands.send(new IdentifyProblem(reportId, problemId, request.theme(), request.ordinal(),
                request.statement(), request.example(), editor(caller)), caller);
        return new ProblemAnswer(reportId, problemId);
    }

    @PutMapping("/{reportId}/problems/{problemId}")
    @ErrorCodes(forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR_OR_DELEGATE"},
            notFound = {"REPORT_NOT_FOUND", "PROBLEM_NOT_FOUND"},
            conflict = {"DUPLICATE_ORDINAL", "REPORT_NOT_EDITABLE", "CONCURRENT_MODIFICATION"})
    ProblemAnswer reviseProblem(@PathVariable String reportId, @PathVariable String problemId,
                                      @Valid @RequestBody ProblemRequest request, Caller caller) {
        checkReport(reportId);
        commands.send(new ReviseProblem(reportId, problemId, request.theme(), request.ordinal(),
                request.statement(), request.example(), editor(caller)), caller);
        return new ProblemAnswer(reportId, problemId);
    }

    @DeleteMapping("/{reportId}/problems/{problemId}")
    @ErrorCodes(forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR_OR_DELEGATE"},
            notFound = {"REPORT_NOT_FOUND", "PROBLEM_NOT_FOUND"},
            conflict = {"REPORT_NOT_EDITABLE", "CONCURRENT_MODIFICATION"})
    ProblemAnswer withdrawProblem(@PathVariable String reportId, @PathVariable String problemId,
                                        @Valid @RequestBody(required = false) WithdrawRequest request,
                                        Caller caller) {
        checkReport(reportId);
        commands.send(new WithdrawProblem(reportId, problemId, request == null ? null : request.reason(),
                editor(caller)), caller);
        return new ProblemAnswer(reportId, problemId);
    }

    @PostMapping("/{reportId}/root-causes")
    @ResponseStatus(HttpStatus.CREATED)
    @ErrorCodes(badRequest = "UNKNOWN_PROBLEM", forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR_OR_DELEGATE"},
            notFound = "REPORT_NOT_FOUND", conflict = {"REPORT_NOT_EDITABLE", "CONCURRENT_MODIFICATION"})
    RootCauseAnswer analyzeRootCause(@PathVariable String reportId, @Valid @RequestBody RootCauseRequest request,
                                         Caller caller) {
        checkReport(reportId);
        String rootCauseId = "rc-" + UUID.randomUUID();
        commands.send(new AnalyzeRootCause(reportId, rootCauseId, request.title(), request.analysis(),
                request.problemIds() == null ? List.of() : request.problemIds(), editor(caller)), caller);
        return new RootCauseAnswer(reportId, rootCauseId);
    }

    @PutMapping("/{reportId}/root-causes/{rootCauseId}")
    @ErrorCodes(badRequest = "UNKNOWN_PROBLEM", forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR_OR_DELEGATE"},
            notFound = {"REPORT_NOT_FOUND", "ROOT_CAUSE_NOT_FOUND"},
            conflict = {"REPORT_NOT_EDITABLE", "CONCURRENT_MODIFICATION"})
    RootCauseAnswer reviseRootCause(@PathVariable String reportId, @PathVariable String rootCauseId,
                                        @Valid @RequestBody RootCauseRequest request, Caller caller) {
        checkReport(reportId);
        commands.send(new Commands.ReviseRootCause(reportId, rootCauseId, request.title(), request.analysis(),
                request.problemIds() == null ? List.of() : request.problemIds(), editor(caller)), caller);
        return new RootCauseAnswer(reportId, rootCauseId);
    }

    @PutMapping("/{reportId}/measures/{measureId}")
    @ErrorCodes(badRequest = {"UNKNOWN_ROOT_CAUSE", "INVALID_DEADLINE"},
            forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR_OR_DELEGATE"},
            notFound = {"REPORT_NOT_FOUND", "MEASURE_NOT_FOUND"},
            conflict = {"REPORT_NOT_EDITABLE", "CONCURRENT_MODIFICATION"})
    MeasureAnswer reviseMeasure(@PathVariable String reportId, @PathVariable String measureId,
                                      @Valid @RequestBody MeasureRequest request, Caller caller) {
        checkReport(reportId);
        commands.send(new Commands.ReviseMeasure(reportId, measureId, measureDraft(request), editor(caller)),
                caller);
        return new MeasureAnswer(reportId, measureId);
    }

    @PutMapping("/{reportId}/clean-areas")
    @ErrorCodes(forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR_OR_DELEGATE"}, notFound = "REPORT_NOT_FOUND",
            conflict = {"REPORT_NOT_EDITABLE", "CONCURRENT_MODIFICATION"})
    ReportAnswer declareCleanAreas(@PathVariable String reportId, @Valid @RequestBody CleanAreasRequest request,
                                          Caller caller) {
        checkReport(reportId);
        commands.send(new DeclareCleanAreas(reportId, request.areas(), editor(caller)), caller);
        return new ReportAnswer(reportId);
    }

    @PutMapping("/{reportId}/carry-over")
    @ErrorCodes(forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR_OR_DELEGATE"}, notFound = "REPORT_NOT_FOUND",
            conflict = {"REPORT_NOT_EDITABLE", "CONCURRENT_MODIFICATION"})
    ReportAnswer stateCarryOver(@PathVariable String reportId, @Valid @RequestBody CarryOverRequest request,
                                       Caller caller) {
        checkReport(reportId);
        commands.send(new StateCarryOver(reportId, request.groups().stream()
                .map(g -> new CarryOverGroup(g.heading(), g.theme(), g.items())).toList(), editor(caller)), caller);
        return new ReportAnswer(reportId);
    }

    @PostMapping("/{reportId}/measures")
    @ResponseStatus(HttpStatus.CREATED)
    @ErrorCodes(badRequest = {"UNKNOWN_ROOT_CAUSE", "INVALID_DEADLINE"},
            forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR_OR_DELEGATE"}, notFound = "REPORT_NOT_FOUND",
            conflict = {"REPORT_NOT_EDITABLE", "CONCURRENT_MODIFICATION"})
    MeasureAnswer proposeMeasure(@PathVariable String reportId, @Valid @RequestBody MeasureRequest request,
                                       Caller caller) {
        checkReport(reportId);
        String measureId = "msr-" + UUID.randomUUID();
        commands.send(new ProposeMeasure(reportId, measureId, measureDraft(request), editor(caller)), caller);
        return new MeasureAnswer(reportId, measureId);
    }

    /** The author lets a colleague of the department (e.g. the liaison) edit and submit the report. */
    @PostMapping("/{reportId}/delegations")
    @ResponseStatus(HttpStatus.CREATED)
    @ErrorCodes(badRequest = "INVALID_DELEGATE", forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR"},
            notFound = "REPORT_NOT_FOUND", conflict = {"INVALID_STATUS", "CONCURRENT_MODIFICATION"})
    DelegationAnswer grantDelegation(@PathVariable String reportId, @Valid @RequestBody DelegationRequest request,
                                        Caller caller) {
        checkReport(reportId);
        commands.send(new Commands.GrantDelegation(reportId, request.delegate().strip(), editor(caller)), caller);
        return new DelegationAnswer(reportId, request.delegate().strip());
    }

    @DeleteMapping("/{reportId}/delegations/{delegate}")
    @ErrorCodes(forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR"},
            notFound = {"REPORT_NOT_FOUND", "DELEGATION_NOT_FOUND"}, conflict = "CONCURRENT_MODIFICATION")
    DelegationAnswer revokeDelegation(@PathVariable String reportId, @PathVariable String delegate,
                                         Caller caller) {
        checkReport(reportId);
        commands.send(new Commands.RevokeDelegation(reportId, delegate, editor(caller)), caller);
        return new DelegationAnswer(reportId, delegate);
    }

    @PostMapping("/{reportId}/submission")
    @ErrorCodes(badRequest = "INCOMPLETE_REPORT", forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR_OR_DELEGATE"},
            notFound = "REPORT_NOT_FOUND", conflict = {"INVALID_STATUS", "CONCURRENT_MODIFICATION"})
    ReviewAnswer submit(@PathVariable String reportId, Caller caller) {
        checkReport(reportId);
        commands.send(new SubmitReport(reportId, editor(caller)), caller);
        return new ReviewAnswer(reportId, ReportStatus.SUBMITTED);
    }

    @PostMapping("/{reportId}/return")
    @ErrorCodes(badRequest = {"MISSING_REASONS", "UNKNOWN_PROBLEM", "TOO_LONG_PROBLEM_COMMENT",
            "TOO_MANY_PROBLEM_COMMENTS"}, forbidden = "FORBIDDEN_ROLE", notFound = "REPORT_NOT_FOUND",
            conflict = {"INVALID_STATUS", "CONCURRENT_MODIFICATION"})
    ReviewAnswer returnReport(@PathVariable String reportId, @Valid @RequestBody ReturnRequest request,
                                     Caller caller) {
        checkReport(reportId);
        commands.send(new ReturnReport(reportId, request.reasons(), request.problemComments(), editor(caller)),
                caller);
        return new ReviewAnswer(reportId, ReportStatus.RETURNED);
    }

    /** The author takes back a submission the organization department has not decided on yet: a draft again. */
    @PostMapping("/{reportId}/withdrawal")
    @ErrorCodes(forbidden = {"FORBIDDEN_DEPARTMENT", "NOT_AUTHOR"}, notFound = "REPORT_NOT_FOUND",
            conflict = {"INVALID_STATUS", "CONCURRENT_MODIFICATION"})
    ReviewAnswer withdrawSubmission(@PathVariable String reportId, Caller caller) {
        checkReport(reportId);
        commands.send(new Commands.WithdrawSubmission(reportId, editor(caller)), caller);
        return new ReviewAnswer(reportId, ReportStatus.DRAFT);
    }

    @PostMapping("/{reportId}/acceptance")
    @ErrorCodes(forbidden = "FORBIDDEN_ROLE", notFound = "REPORT_NOT_FOUND",
            conflict = {"INVALID_STATUS", "CONCURRENT_MODIFICATION"})
    ReviewAnswer accept(@PathVariable String reportId, Caller caller) {
        checkReport(reportId);
        commands.send(new AcceptReport(reportId, editor(caller)), caller);
        return new ReviewAnswer(reportId, ReportStatus.ACCEPTED);
    }

    private static MeasureDraft measureDraft(MeasureRequest request) {
        List<ActionDraft> actions = request.actions() == null ? List.of() : request.actions().stream()
                .map(a -> new ActionDraft(a.text(), a.deadline(), a.deadlineText())).toList();
        return new MeasureDraft(request.title(), request.content(), actions, request.deadline(),
                request.deadlineText(), request.owner(), request.leadDepartment(), request.cooperatingDepartments(),
                request.rootCauseIds());
    }

    private static void checkReport(String reportId) {
        CommandSender.checkId(reportId, "REPORT_NOT_FOUND", "报告不存在：");
    }

    private static Editor editor(Caller caller) {
        return Callers.editor(caller);
    }
}
