package cn.zhenggai.audit.replay;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.audit.access.AuditAccess;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.contracts.refusal.Refusal;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Projection replay over HTTP, for discipline inspection and the party committee: {@code POST /api/audit/replays
 * {"projection":"ledger"}} → 202 and the replay; {@code GET /api/audit/replays/{id}} → progress;
 * {@code GET /api/audit/replays/{id}/differences}; {@code POST /api/audit/replays/{id}/switch-over}.
 */
@RestController
public class ReplayController {

    private final Replays replays;

    public ReplayController(Replays replays) {
        this.replays = replays;
    }

    @ErrorCodes(badRequest = "PROJECTION_REQUIRED", forbidden = "FORBIDDEN_ROLE", notFound = "UNKNOWN_PROJECTION",
            conflict = "REPLAY_RUNNING")
    @PostMapping("/api/audit/replays")
    public ResponseEntity<ReplayProgress> start(@RequestBody(required = false) Map<String, Object> body,
                                                Caller caller) {
        AuditAccess.requireAuditor(caller);
        Object projection = body == null ? null : body.get("projection");
        if (!(projection instanceof String name) || name.isBlank()) {
            throw Refusal.invalid("PROJECTION_REQUIRED", "请指定要重放的投影，例如 {\"projection\":\"ledger\"}");
        }
        ReplayProgress replay = replays.start(name.strip());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/audit/replays/" + replay.id()))
                .body(replay);
    }

    @ErrorCodes(forbidden = "FORBIDDEN_ROLE", notFound = "REPLAY_NOT_FOUND")
    @GetMapping("/api/audit/replays/{id}")
    public ReplayProgress progress(@PathVariable String id, Caller caller) {
        AuditAccess.requireAuditor(caller);
        return replays.progress(id);
    }

    @ErrorCodes(forbidden = "FORBIDDEN_ROLE", notFound = "REPLAY_NOT_FOUND")
    @GetMapping("/api/audit/replays/{id}/differences")
    public ReplayDifferences differences(@PathVariable String id, @RequestParam(defaultValue = "200") int limit,
                                         Caller caller) {
        AuditAccess.requireAuditor(caller);
        return replays.differences(id, Math.max(1, Math.min(limit, 5000)));
    }

    @ErrorCodes(forbidden = "FORBIDDEN_ROLE", notFound = "REPLAY_NOT_FOUND", conflict = "REPLAY_NOT_FINISHED")
    @PostMapping("/api/audit/replays/{id}/switch-over")
    public ReplayProgress switchOver(@PathVariable String id, Caller caller) {
        AuditAccess.requireAuditor(caller);
        return replays.switchOver(id);
    }

    @Configuration
    static class Wiring {
        @Bean
        LiveLedger liveLedger(AuditLog log, MongoDatabase readModels) {
            LiveLedger ledger = new LiveLedger(log, readModels);
            ledger.catchUp();
            return ledger;
        }

        @Bean(destroyMethod = "close")
        Replays replays(MongoDatabase readModels, AuditLog log, LiveLedger ledger) {
            return new Replays(readModels, log, ledger, Clock.systemUTC());
        }
    }
}
