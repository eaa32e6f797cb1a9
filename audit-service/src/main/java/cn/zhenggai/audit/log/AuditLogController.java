package cn.zhenggai.audit.log;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.audit.access.AuditAccess;
import cn.zhenggai.platform.security.Caller;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/audit/log}: the audit trail, for discipline inspection and the party committee only. */
@RestController
public class AuditLogController {

    private final AuditLog log;

    public AuditLogController(AuditLog log) {
        this.log = log;
    }

    @ErrorCodes(forbidden = {"FORBIDDEN_ROLE", "FORBIDDEN_DEPARTMENT"})
    @GetMapping("/api/audit/log")
    public AuditLogEntries entries(@RequestParam(required = false) String aggregateId,
                                   @RequestParam(required = false) String department,
                                   @RequestParam(defaultValue = "200") int limit, Caller caller) {
        AuditAccess.requireScope(caller, department);
        List<Document> entries = new java.util.ArrayList<>(
                log.entries(aggregateId, department, Math.max(1, Math.min(limit, 1000))));
        // records of a department out of scope are not there for this caller, as an unknown aggregate's (ADR 0072)
        entries.removeIf(e -> e.getString("department") != null && !caller.canSee(e.getString("department")));
        entries.stream().filter(e -> !AuditAccess.mayReadPayload(caller, e.getString("type")))
                .forEach(e -> e.put("payload", null));
        return new AuditLogEntries(log.size(), entries.size(), entries);
    }

    @Configuration
    static class Wiring {
        @Bean
        AuditLog auditLog(MongoDatabase readModels) {
            AuditLog log = new AuditLog(readModels);
            log.recover();
            return log;
        }
    }
}
