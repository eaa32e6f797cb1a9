package cn.zhenggai.audit.log;

import org.bson.Document;

import java.util.List;

/**
 * The answer of {@code GET /api/audit/log}: how many records the log holds, how many are answered, and the records
 * as stored (chain fields included; the payload null where the caller may not read it). The records stay BSON
 * documents: they are the log's stored, hashed shape, not a view of it.
 */
public record AuditLogEntries(long total, int count, List<Document> entries) {
}
