package cn.zhenggai.audit.timeline;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.audit.access.AuditAccess;
import cn.zhenggai.audit.access.Params;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.contracts.refusal.Refusal;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/audit/aggregates/{id}/timeline}: every event of one aggregate, with actor, time and a summary. Each
 * entry carries when it was recorded ({@code recordedAt}, also {@code time}) and when it took effect
 * ({@code effectiveAt}); a backdated entry (ADR 0090) says who entered it late and why ({@code backdatedBy},
 * {@code backdateReason}) and, when migrated, from which historical ledger ({@code migratedFrom}: file name, SHA-256,
 * row). The backdating is read from the payload, so a caller who may not read the payload still sees both times.
 */
@RestController
public class TimelineController {

    private final AuditLog log;

    public TimelineController(AuditLog log) {
        this.log = log;
    }

    @ErrorCodes(badRequest = "BAD_DATE", forbidden = "FORBIDDEN_ROLE", notFound = "AGGREGATE_NOT_FOUND")
    @GetMapping("/api/audit/aggregates/{aggregateId}/timeline")
    public Timeline timeline(@PathVariable String aggregateId, @RequestParam(required = false) String asOf,
                             Caller caller) {
        AuditAccess.requireAuditor(caller);
        Instant until = Params.asOf("asOf", asOf);
        Document first = log.firstOf(aggregateId);
        AuditAccess.requireAggregate(caller, AuditAccess.departmentOf(first), () ->
                Refusal.notFound("AGGREGATE_NOT_FOUND", "审计日志中没有该对象的记录：" + aggregateId));
        List<Document> records = new ArrayList<>(log.chainOf(aggregateId));
        records.sort(Comparator.comparing((Document d) -> ((Number) d.get("sequence")).longValue())
                .thenComparing(d -> d.get("position") instanceof Number n ? n.longValue() : Long.MAX_VALUE));
        List<Timeline.Event> events = new ArrayList<>();
        for (Document record : records) {
            if (until != null && record.getDate("timestamp").toInstant().isAfter(until)) {
                continue;
            }
            String recordedAt = record.getDate("timestamp").toInstant().toString();
            Document payload = record.get("payload", Document.class);
            Document backdating = payload == null ? null : payload.get("backdating", Document.class);
            Timeline.Backdated backdated = null;
            if (backdating != null) {
                Document migration = backdating.get("migratedFrom", Document.class);
                backdated = new Timeline.Backdated(backdating.getString("by"), backdating.getString("reason"),
                        migration == null ? null : new Timeline.MigratedFrom(migration.getString("fileName"),
                                migration.getString("sha256"), migration.get("row")));
            }
            String type = record.getString("type");
            events.add(new Timeline.Event(((Number) record.get("sequence")).longValue(), record.get("_id"), type,
                    recordedAt, recordedAt, effectiveAt(record, backdating).toString(), backdating != null, backdated,
                    record.getString("actor"), record.getString("department"),
                    Summaries.of(type, AuditAccess.mayReadPayload(caller, type) ? payload : null),
                    record.get("position"), record.getDate("loggedAt").toInstant().toString()));
        }
        return new Timeline(aggregateId, first.getString("aggregateType"), first.getString("department"),
                until == null ? null : until.toString(), events.size(), events);
    }

    /** The record's effective time: stored with it since ADR 0090, else the payload's backdating, else recorded. */
    private static Instant effectiveAt(Document record, Document backdating) {
        if (record.getDate("effectiveAt") != null) {
            return record.getDate("effectiveAt").toInstant();
        }
        Object at = backdating == null ? null : backdating.get("effectiveAt");
        if (at instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (at instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                // not an instant: the recorded time stands
            }
        }
        return record.getDate("timestamp").toInstant();
    }
}
