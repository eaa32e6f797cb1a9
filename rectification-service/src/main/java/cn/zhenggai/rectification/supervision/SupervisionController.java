package cn.zhenggai.rectification.supervision;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.rectification.measure.Commands.SuperviseMeasure;
import cn.zhenggai.rectification.scope.ItemScope;
import cn.zhenggai.rectification.web.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Supervision by hand (督办): {@code POST /api/measures/{id}/supervision} {@code {level?, reason}} by the party
 * committee, to the owner ({@code OWNER}) or the lead department's head ({@code DEPT_HEAD}, the default). Recorded as
 * SupervisionNoticeIssued like the timed notices.
 */
@RestController
class SupervisionController {

    private final CommandSender commands;
    private final Clock clock;

    SupervisionController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** What supervising answers: the item, the notice issued, {@code SUPERVISED}. */
    record Supervised(String measureId, String noticeId, String outcome) {
    }

    record SuperviseRequest(@Pattern(regexp = "OWNER|DEPT_HEAD") String level,
                            @NotBlank @Size(max = 1000) String reason) {
    }

    @ErrorCodes(badRequest = {"INVALID_LEVEL", "MISSING_REASON"}, forbidden = "FORBIDDEN_ROLE",
            notFound = "MEASURE_NOT_FOUND",
            conflict = {"NOT_ASSIGNED", "MEASURE_VERIFIED", "INVALID_STATUS", "CONCURRENT_MODIFICATION"})
    @PostMapping("/api/measures/{measureId}/supervision")
    Supervised supervise(@PathVariable String measureId, @Valid @RequestBody SuperviseRequest request,
                         Caller caller) {
        ItemScope.checkId(measureId);
        String noticeId = "ntc-" + UUID.randomUUID();
        commands.send(new SuperviseMeasure(measureId, noticeId, request.level(), request.reason(),
                LocalDate.now(clock), Callers.actor(caller)), caller);
        return new Supervised(measureId, noticeId, "SUPERVISED");
    }
}
