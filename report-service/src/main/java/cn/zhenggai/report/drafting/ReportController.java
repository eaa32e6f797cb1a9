package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.security.Roles;
import cn.zhenggai.platform.axon.AxonStorageAutoConfiguration;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiError;
import cn.zhenggai.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Drafting commands over HTTP: {@code /api/reports}. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final CommandGateway commands;

    ReportController(CommandGateway commands) {
        this.commands = commands;
    }

    record DraftReportRequest(@NotBlank @Size(max = 200) String title,
                              @Min(2000) @Max(2100) Integer year) {
    }

    record IdentifyProblemRequest(@NotBlank @Size(max = 100) String theme,
                                  @NotNull @Min(1) @Max(99) Integer ordinal,
                                  @NotBlank @Size(max = Report.MAX_TEXT) String statement,
                                  @Size(max = Report.MAX_TEXT) String example) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('CADRE', 'DEPT_LIAISON', 'DEPT_HEAD')")
    Map<String, String> draft(@Valid @RequestBody DraftReportRequest request, Caller caller) {
        String reportId = "rpt-" + UUID.randomUUID();
        send(new DraftReport(reportId, request.title(), request.year(), editor(caller)), caller);
        return Map.of("reportId", reportId);
    }

    @PostMapping("/{reportId}/problems")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> identifyProblem(@PathVariable String reportId,
                                        @Valid @RequestBody IdentifyProblemRequest request,
                                        Caller caller) {
        if (!reportId.matches("[A-Za-z0-9-]{1,80}")) {
            throw ApiException.notFound("REPORT_NOT_FOUND", "报告不存在：" + reportId);
        }
        String problemId = "prb-" + UUID.randomUUID();
        send(new IdentifyProblem(reportId, problemId, request.theme(), request.ordinal(), request.statement(),
                request.example(), editor(caller)), caller);
        return Map.of("reportId", reportId, "problemId", problemId);
    }

    private void send(Object command, Caller caller) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                    AxonStorageAutoConfiguration.ACTOR, caller.username(),
                    AxonStorageAutoConfiguration.DEPARTMENT, String.valueOf(caller.department())))));
        } catch (AggregateNotFoundException e) {
            throw ApiException.notFound("REPORT_NOT_FOUND", "报告不存在：" + e.getAggregateIdentifier());
        }
    }

    private static Editor editor(Caller caller) {
        return new Editor(caller.username(), caller.department(),
                caller.hasAnyRole(Roles.PARTY_COMMITTEE, Roles.ORG_DEPT));
    }

    @ExceptionHandler(ReportRefused.class)
    ResponseEntity<ApiError> refused(ReportRefused e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(ApiError.of(e.code(), e.getMessage()));
    }
}
