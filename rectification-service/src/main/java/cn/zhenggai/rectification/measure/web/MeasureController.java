package cn.zhenggai.rectification.measure.web;

import cn.zhenggai.contracts.rectification.ProgressReported;
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
import java.util.Map;

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

    @PostMapping("/assignment")
    Map<String, String> assign(@PathVariable String measureId, @Valid @RequestBody AssignRequest request,
                               Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new AssignMeasure(measureId, request.leadDepartment(), request.cooperatingDepartments(),
                request.owner(), date(request.deadline()), Boolean.TRUE.equals(request.longTerm()),
                request.reviewPeriodMonths(),
                today(), Callers.actor(caller), Boolean.TRUE.equals(request.backfill()),
                backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "ASSIGNED");
    }

    @PostMapping("/progress")
    Map<String, String> progress(@PathVariable String measureId, @Valid @RequestBody ProgressRequest request,
                                 Caller caller) {
        ItemScope.checkId(measureId);
        List<ProgressReported.Evidence> evidence = evidenceCatalog.resolve(measureId, request.fileIds());
        commands.send(new ReportProgress(measureId, request.text(), evidence, Callers.actor(caller),
                backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "PROGRESS_REPORTED");
    }

    @PostMapping("/completion")
    Map<String, String> complete(@PathVariable String measureId, @Valid @RequestBody SummaryRequest request,
                                 Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new CompleteMeasure(measureId, request.summary(), Callers.actor(caller),
                backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "COMPLETED");
    }

    @PostMapping("/verification")
    Map<String, String> verify(@PathVariable String measureId, @Valid @RequestBody(required = false)
                               OpinionRequest request, Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new VerifyMeasure(measureId, request == null ? null : request.opinion(),
                Callers.actor(caller),
                request == null ? null : backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "VERIFIED");
    }

    @PostMapping("/rejection")
    Map<String, String> reject(@PathVariable String measureId, @Valid @RequestBody RejectRequest request,
                               Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new RejectMeasure(measureId, request.reasons(), Callers.actor(caller),
                backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "REOPENED");
    }

    @PostMapping("/reopening")
    Map<String, String> reopen(@PathVariable String measureId, @Valid @RequestBody ReasonRequest request,
                               Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new ReopenMeasure(measureId, request.reason(), Callers.actor(caller),
                backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "REOPENED");
    }

    @PostMapping("/extension-request")
    Map<String, String> requestExtension(@PathVariable String measureId,
                                         @Valid @RequestBody ExtensionRequest request, Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new RequestDeadlineExtension(measureId, date(request.deadline()), request.reason(),
                today(), Callers.actor(caller)), caller);
        return done(measureId, "EXTENSION_REQUESTED");
    }

    @PostMapping("/extension-approval")
    Map<String, String> approveExtension(@PathVariable String measureId,
                                         @Valid @RequestBody(required = false) BackdateRequest request,
                                         Caller caller) {
        ItemScope.checkId(measureId);
        commands.send(new ApproveDeadlineExtension(measureId, Callers.actor(caller),
                request == null ? null : backdate(request.effectiveAt(), request.backdateReason())), caller);
        return done(measureId, "DEADLINE_EXTENDED");
    }

    @PostMapping("/extension-refusal")
    Map<String, String> refuseExtension(@PathVariable String measureId,
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
            throw cn.zhenggai.platform.web.ApiException.badRequest("INVALID_DEADLINE", "日期格式应为YYYY-MM-DD：" + value);
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
            throw cn.zhenggai.platform.web.ApiException.badRequest("BACKDATE_INVALID",
                    "生效时间格式应为日期YYYY-MM-DD或ISO时间（如2023-05-10T10:00:00+08:00）：" + value);
        }
    }

    private static Map<String, String> done(String measureId, String outcome) {
        return Map.of("measureId", measureId, "outcome", outcome);
    }
}
