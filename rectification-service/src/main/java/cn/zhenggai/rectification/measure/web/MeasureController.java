package cn.zhenggai.rectification.measure.web;

import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.rectification.measure.Backdate;
import cn.zhenggai.rectification.measure.Commands.ApproveDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.CompleteMeasure;
import cn.zhenggai.rectification.measure.Commands.RefuseDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.RejectMeasure;
import cn.zhenggai.rectification.measure.Commands.ReopenMeasure;
import cn.zhenggai.rectification.measure.Commands.ReportProgress;
import cn.zhenggai.rectification.measure.Commands.RequestDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.VerifyMeasure;
import cn.zhenggai.rectification.measure.EvidenceCatalog;
import cn.zhenggai.rectification.measure.Measure;
import cn.zhenggai.rectification.scope.ItemScope;
import cn.zhenggai.rectification.web.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The lifecycle of an item over HTTP: {@code POST /api/measures/{id}/…}. Who may do what is the item's rule
 * (department scope, party committee, separation of duties); refusals come back as 4xx with a code.
 */
@RestController
@RequestMapping("/api/measures/{measureId}")
class MeasureController {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    private final CommandSender commands;
    private final Clock clock;
    private final EvidenceCatalog evidenceCatalog;

    MeasureController(CommandSender commands, Clock clock, EvidenceCatalog evidenceCatalog) {
        this.commands = commands;
        this.clock = clock;
        this.evidenceCatalog = evidenceCatalog;
    }

    record AssignRequest(@NotBlank @Size(max = 32) String leadDepartment,
                         @Size(max = 50) List<@NotBlank @Size(max = 32) String> cooperatingDepartments,
                         @NotBlank @Size(max = 100) String owner,
                         @Pattern(regexp = DATE) String deadline,
                         Boolean longTerm,
                         @Min(1) @Max(12) Integer reviewPeriodMonths,
                         Boolean backfill,
                         @Size(max = 40) String effectiveAt,
                         @Size(max = 1000) String backdateReason) {
    }

    /** A progress report; {@code fileIds} name evidence files uploaded for the item before. */
    record ProgressRequest(@NotBlank @Size(max = Measure.MAX_TEXT) String text,
                           @Size(max = Measure.MAX_EVIDENCE) List<@NotBlank @Size(max = 80) String> fileIds,
                           @Size(max = 40) String effectiveAt,
                           @Size(max = 1000) String backdateReason) {
    }

    record SummaryRequest(@NotBlank @Size(max = Measure.MAX_TEXT) String summary,
                          @Size(max = 40) String effectiveAt,
                          @Size(max = 1000) String backdateReason) {
    }

    record OpinionRequest(@Size(max = Measure.MAX_TEXT) String opinion,
                          @Size(max = 40) String effectiveAt,
                          @Size(max = 1000) String backdateReason) {
    }

    record RejectRequest(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 1000) String> reasons,
                         @Size(max = 40) String effectiveAt,
                         @Size(max = 1000) String backdateReason) {
    }

    record ReasonRequest(@NotBlank @Size(max = 1000) String reason,
                         @Size(max = 40) String effectiveAt,
                         @Size(max = 1000) String backdateReason) {
    }

    /** The optional body of an approval: when it took effect, if earlier (ADR 0090). */
    record BackdateRequest(@Size(max = 40) String effectiveAt, @Size(max = 1000) String backdateReason) {
    }

    record OptionalReasonRequest(@Size(max = 1000) String reason) {
    }

    record ExtensionRequest(@NotNull @Pattern(regexp = DATE) String deadline,
                            @NotBlank @Size(max = 1000) String reason) {
    }

    @ErrorCodes(badRequest = {"INVALID_DEADLINE", "BACKDATE_INVALID", "BACKDATE_REASON_REQUIRED", "BACKDATE_IN_FUTURE",
            "BACKDATE_BEFORE_ITEM", "MISSING_LEAD_DEPARTMENT", "UNKNOWN_DEPARTMENT", "TOO_MANY_DEPARTMENTS",
            "MISSING_OWNER", "OWNER_NOT_IN_LEAD_DEPARTMENT", "LONG_TERM_WITH_DEADLINE", "INVALID_REVIEW_PERIOD",
            "MISSING_DEADLINE", "DEADLINE_IN_PAST"},
            forbidden = {"FORBIDDEN_DEPARTMENT", "FORBIDDEN_ROLE", "LEAD_CHANGE_NEEDS_PARTY_COMMITTEE",
            "BACKDATE_FORBIDDEN"}, notFound = "MEASURE_NOT_FOUND",
            conflict = {"MEASURE_VERIFIED", "INVALID_STATUS", "BACKFILL_NOT_PLANNED", "DEADLINE_CHANGE_NEEDS_APPROVAL",
            "BACKDATE_BEFORE_LAST_STEP", "CONCURRENT_MODIFICATION"})
    @PostMapping("/assignment")
    Done assign(@PathVariable String measureId, @Valid @RequestBody AssignRequest request,
                Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new AssignMeasure(measureId, request.leadDepartment(), request.cooperatingDepartments(),
                request.owner(), date(request.deadline()), Boolean.TRUE.equals(request.longTerm()),
                request.reviewPeriodMonths(),
                today(), Callers.actor(caller), Boolean.TRUE.equals(request.backfill()),
                backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "ASSIGNED");
    }

    @ErrorCodes(badRequest = {"BACKDATE_INVALID", "BACKDATE_REASON_REQUIRED", "BACKDATE_IN_FUTURE",
            "BACKDATE_BEFORE_ITEM", "MISSING_TEXT", "TOO_MANY_FILES", "DUPLICATE_EVIDENCE", "UNKNOWN_EVIDENCE"},
            forbidden = {"FORBIDDEN_DEPARTMENT", "BACKDATE_FORBIDDEN"}, notFound = "MEASURE_NOT_FOUND",
            conflict = {"NOT_ASSIGNED", "MEASURE_VERIFIED", "INVALID_STATUS", "BACKDATE_BEFORE_LAST_STEP",
            "CONCURRENT_MODIFICATION"})
    @PostMapping("/progress")
    Done progress(@PathVariable String measureId, @Valid @RequestBody ProgressRequest request,
                  Caller caller) {
        ItemScope.checkId(measureId);
        List<ProgressReported.Evidence> evidence = evidenceCatalog.resolve(measureId, request.fileIds());
        commands.send(new ReportProgress(measureId, request.text(), evidence, Callers.actor(caller),
                backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "PROGRESS_REPORTED");
    }

    @ErrorCodes(badRequest = {"BACKDATE_INVALID", "BACKDATE_REASON_REQUIRED", "BACKDATE_IN_FUTURE",
            "BACKDATE_BEFORE_ITEM", "MISSING_SUMMARY"}, forbidden = {"FORBIDDEN_DEPARTMENT", "BACKDATE_FORBIDDEN"},
            notFound = "MEASURE_NOT_FOUND",
            conflict = {"ALREADY_COMPLETED", "NOT_ASSIGNED", "MEASURE_VERIFIED", "INVALID_STATUS",
            "BACKDATE_BEFORE_LAST_STEP", "CONCURRENT_MODIFICATION"})
    @PostMapping("/completion")
    Done complete(@PathVariable String measureId, @Valid @RequestBody SummaryRequest request,
                  Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new CompleteMeasure(measureId, request.summary(), Callers.actor(caller),
                backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "COMPLETED");
    }

    @ErrorCodes(badRequest = {"BACKDATE_INVALID", "BACKDATE_REASON_REQUIRED", "BACKDATE_IN_FUTURE",
            "BACKDATE_BEFORE_ITEM", "TOO_LONG_OPINION"},
            forbidden = {"FORBIDDEN_ROLE", "SEPARATION_OF_DUTIES", "BACKDATE_FORBIDDEN"},
            notFound = "MEASURE_NOT_FOUND",
            conflict = {"NOT_COMPLETED", "BACKDATE_BEFORE_LAST_STEP", "CONCURRENT_MODIFICATION"})
    @PostMapping("/verification")
    Done verify(@PathVariable String measureId, @Valid @RequestBody(required = false)
                OpinionRequest request, Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new VerifyMeasure(measureId, request == null ? null : request.opinion(),
                Callers.actor(caller),
                request == null ? null : backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "VERIFIED");
    }

    @ErrorCodes(badRequest = {"BACKDATE_INVALID", "BACKDATE_REASON_REQUIRED", "BACKDATE_IN_FUTURE",
            "BACKDATE_BEFORE_ITEM", "MISSING_REASONS", "TOO_MANY_ITEMS", "TOO_LONG_REASON"},
            forbidden = {"FORBIDDEN_ROLE", "SEPARATION_OF_DUTIES", "BACKDATE_FORBIDDEN"},
            notFound = "MEASURE_NOT_FOUND",
            conflict = {"NOT_COMPLETED", "BACKDATE_BEFORE_LAST_STEP", "CONCURRENT_MODIFICATION"})
    @PostMapping("/rejection")
    Done reject(@PathVariable String measureId, @Valid @RequestBody RejectRequest request,
                Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new RejectMeasure(measureId, request.reasons(), Callers.actor(caller),
                backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "REOPENED");
    }

    @ErrorCodes(badRequest = {"BACKDATE_INVALID", "BACKDATE_REASON_REQUIRED", "BACKDATE_IN_FUTURE",
            "BACKDATE_BEFORE_ITEM", "MISSING_REASON"}, forbidden = {"FORBIDDEN_ROLE", "BACKDATE_FORBIDDEN"},
            notFound = "MEASURE_NOT_FOUND",
            conflict = {"NOT_VERIFIED", "BACKDATE_BEFORE_LAST_STEP", "CONCURRENT_MODIFICATION"})
    @PostMapping("/reopening")
    Done reopen(@PathVariable String measureId, @Valid @RequestBody ReasonRequest request,
                Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new ReopenMeasure(measureId, request.reason(), Callers.actor(caller),
                backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "REOPENED");
    }

    @ErrorCodes(badRequest = {"INVALID_DEADLINE", "MISSING_DEADLINE", "DEADLINE_IN_PAST", "EXTENSION_NOT_LATER",
            "MISSING_REASON"}, forbidden = "FORBIDDEN_DEPARTMENT", notFound = "MEASURE_NOT_FOUND",
            conflict = {"NOT_ASSIGNED", "MEASURE_VERIFIED", "INVALID_STATUS", "NO_DEADLINE", "EXTENSION_PENDING",
            "CONCURRENT_MODIFICATION"})
    @PostMapping("/extension-request")
    Done requestExtension(@PathVariable String measureId,
                          @Valid @RequestBody ExtensionRequest request, Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new RequestDeadlineExtension(measureId, date(request.deadline()), request.reason(),
                today(), Callers.actor(caller)), caller);
        return done(measureId, "EXTENSION_REQUESTED");
    }

    @ErrorCodes(badRequest = {"BACKDATE_INVALID", "BACKDATE_REASON_REQUIRED", "BACKDATE_IN_FUTURE",
            "BACKDATE_BEFORE_ITEM"}, forbidden = {"FORBIDDEN_ROLE", "SEPARATION_OF_DUTIES", "BACKDATE_FORBIDDEN"},
            notFound = "MEASURE_NOT_FOUND",
            conflict = {"NO_EXTENSION_REQUESTED", "MEASURE_VERIFIED", "INVALID_STATUS", "BACKDATE_BEFORE_LAST_STEP",
            "CONCURRENT_MODIFICATION"})
    @PostMapping("/extension-approval")
    Done approveExtension(@PathVariable String measureId,
                          @Valid @RequestBody(required = false) BackdateRequest request,
                          Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new ApproveDeadlineExtension(measureId, Callers.actor(caller),
                request == null ? null : backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "DEADLINE_EXTENDED");
    }

    @ErrorCodes(badRequest = "TOO_LONG_REASON", forbidden = {"FORBIDDEN_ROLE", "SEPARATION_OF_DUTIES"},
            notFound = "MEASURE_NOT_FOUND",
            conflict = {"NO_EXTENSION_REQUESTED", "MEASURE_VERIFIED", "INVALID_STATUS", "CONCURRENT_MODIFICATION"})
    @PostMapping("/extension-refusal")
    Done refuseExtension(@PathVariable String measureId,
                         @Valid @RequestBody(required = false) OptionalReasonRequest request,
                         Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new RefuseDeadlineExtension(measureId, request == null ? null : request.reason(),
                Callers.actor(caller)), caller);
        return done(measureId, "EXTENSION_REFUSED");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalid("INVALID_DEADLINE", "日期格式应为YYYY-MM-DD：" + value);
        }
    }

    /**
     * The backdating a request asks for (ADR 0090): {@code effectiveAt} a day (YYYY-MM-DD, that day in China) or an
     * ISO instant (2023-05-10T02:00:00Z, or with an offset); null when absent. Whether it may be recorded is the
     * item's rule.
     */
    static Backdate backdate(String effectiveAt, String reason) {
        if (effectiveAt == null || effectiveAt.isBlank()) {
            return null;
        }
        String value = effectiveAt.strip();
        try {
            if (value.matches(DATE)) {
                return Backdate.onDay(LocalDate.parse(value), reason);
            }
            return Backdate.at(java.time.OffsetDateTime.parse(value).toInstant(), reason);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalid("BACKDATE_INVALID",
                    "生效时间格式应为日期YYYY-MM-DD或ISO时间（如2023-05-10T10:00:00+08:00）：" + value);
        }
    }

    /** What a command answers: the item and what became of it. */
    record Done(String measureId, String outcome) {
    }

    private static Done done(String measureId, String outcome) {
        return new Done(measureId, outcome);
    }
}
