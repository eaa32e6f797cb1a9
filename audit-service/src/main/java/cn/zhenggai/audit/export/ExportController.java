package cn.zhenggai.audit.export;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.audit.access.AuditAccess;
import cn.zhenggai.audit.access.Params;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.platform.download.Downloads;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.contracts.refusal.Refusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code GET /api/audit/export?aggregateId=…|department=…&format=json|csv&asOf=…}: the audit trail of one aggregate
 * or one department, as a verifiable JSON bundle (default) or as CSV for Excel.
 */
@RestController
public class ExportController {

    private final AuditLog log;
    private final Bundles bundles;

    public ExportController(AuditLog log) {
        this.log = log;
        this.bundles = new Bundles(log);
    }

    @ErrorCodes(badRequest = {"BAD_DATE", "UNKNOWN_FORMAT", "SCOPE_REQUIRED"},
            forbidden = {"FORBIDDEN_ROLE", "FORBIDDEN_DEPARTMENT"}, notFound = "AGGREGATE_NOT_FOUND")
    @GetMapping("/api/audit/export")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String aggregateId,
                                         @RequestParam(required = false) String department,
                                         @RequestParam(required = false) String format,
                                         @RequestParam(required = false) String asOf, Caller caller) {
        AuditAccess.requireAuditor(caller);
        String chosen = Params.format(format, "json", "csv");
        Instant until = Params.asOf("asOf", asOf);
        boolean byAggregate = aggregateId != null && !aggregateId.isBlank();
        boolean byDepartment = department != null && !department.isBlank();
        if (byAggregate == byDepartment) {
            throw Refusal.invalid("SCOPE_REQUIRED", "请指定 aggregateId 或 department 之一");
        }
        String scope;
        if (byAggregate) {
            Document first = log.firstOf(aggregateId);
            AuditAccess.requireAggregate(caller, AuditAccess.departmentOf(first), () ->
                    Refusal.notFound("AGGREGATE_NOT_FOUND", "审计日志中没有该对象的记录：" + aggregateId));
            scope = aggregateId;
        } else {
            AuditAccess.requireScope(caller, department);
            scope = department;
        }
        String name = "audit-" + scope.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + LocalDate.now(ZoneOffset.UTC) + "." + chosen;
        if (chosen.equals("csv")) {
            String csv = Csv.of(bundles.records(byAggregate ? aggregateId : null, byAggregate ? null : department, until),
                    caller);
            return Downloads.file(name, new MediaType("text", "csv", StandardCharsets.UTF_8),
                    csv.getBytes(StandardCharsets.UTF_8));
        }
        try {
            byte[] json = EnvelopeCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    bundles.bundle(byAggregate ? aggregateId : null, byAggregate ? null : department, until, caller));
            return Downloads.file(name, MediaType.APPLICATION_JSON, json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the bundle", e);
        }
    }
}
