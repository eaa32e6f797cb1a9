package cn.zhenggai.audit.export;

import cn.zhenggai.audit.access.AuditAccess;
import cn.zhenggai.audit.chain.CanonicalJson;
import cn.zhenggai.audit.chain.ChainEntry;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.platform.security.Caller;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the verifiable export of an aggregate or a department (format {@value #FORMAT}, version {@value #VERSION},
 * documented in the README, "Verifying an audit bundle"): every included aggregate's chain from its first record,
 * each record with its covered fields, payload (or its hash only, when the reader may not see it), and the hashes
 * of both chains with their predecessors.
 */
public class Bundles {

    public static final String FORMAT = "zhenggai-audit-bundle";
    public static final int VERSION = 1;

    private final AuditLog log;

    public Bundles(AuditLog log) {
        this.log = log;
    }

    /** The records of the scope, in position order, each aggregate's chain complete from index 0 up to asOf. */
    public List<Document> records(String aggregateId, String department, Instant asOf) {
        List<String> aggregates = aggregateId != null ? List.of(aggregateId) : log.aggregatesOf(department);
        List<Document> records = new ArrayList<>();
        for (String id : aggregates) {
            for (Document record : log.chainOf(id)) {
                if (!(record.get("position") instanceof Number)) {
                    continue; // not on the chain: never exported as if it were
                }
                if (asOf != null && record.getDate("loggedAt").toInstant().isAfter(asOf)) {
                    break; // a chain's records are appended in index order: the rest are later still
                }
                records.add(record);
            }
        }
        records.sort(Comparator.comparing(d -> d.get("position") instanceof Number n ? n.longValue() : Long.MAX_VALUE));
        return records;
    }

    public Map<String, Object> bundle(String aggregateId, String department, Instant asOf, Caller caller) {
        List<Document> records = records(aggregateId, department, asOf);
        Map<String, Map<String, Object>> aggregates = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Document record : records) {
            Map<String, Object> entry = ChainEntry.of(record);
            entry.replaceAll((field, value) -> value instanceof Date d ? CanonicalJson.timestamp(d.toInstant()) : value);
            boolean readable = AuditAccess.mayReadPayload(caller, record.getString("type"));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("entry", entry);
            item.put("payload", readable ? record.get("payload") : null);
            item.put("payloadRedacted", !readable);
            item.put("prevHash", record.getString("prevHash"));
            item.put("hash", record.getString("hash"));
            item.put("aggregatePrevHash", record.getString("aggregatePrevHash"));
            item.put("aggregateHash", record.getString("aggregateHash"));
            out.add(item);
            Map<String, Object> aggregate = aggregates.computeIfAbsent(record.getString("aggregateId"), id -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("aggregateId", id);
                a.put("aggregateType", record.getString("aggregateType"));
                a.put("department", record.getString("department"));
                a.put("count", 0L);
                return a;
            });
            aggregate.put("count", (Long) aggregate.get("count") + 1);
            aggregate.put("headHash", record.getString("aggregateHash"));
        }
        List<Map<String, Object>> digests = new ArrayList<>();
        java.util.Set<Object> positions = new java.util.HashSet<>();
        records.forEach(r -> positions.add(((Number) r.get("position")).longValue()));
        for (Document d : log.digests(null, null)) {
            if (positions.contains(((Number) d.get("lastPosition")).longValue())) {
                Map<String, Object> digest = new LinkedHashMap<>();
                digest.put("day", d.get("_id"));
                digest.put("lastPosition", d.get("lastPosition"));
                digest.put("headHash", d.get("headHash"));
                digests.add(digest);
            }
        }
        Document head = log.head();
        Map<String, Object> scope = new LinkedHashMap<>();
        if (aggregateId != null) {
            scope.put("aggregateId", aggregateId);
        } else {
            scope.put("department", department);
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("format", FORMAT);
        bundle.put("version", VERSION);
        bundle.put("hashAlgorithm", "SHA-256");
        bundle.put("canonicalization", "zhenggai-cjson-1");
        bundle.put("genesisHash", CanonicalJson.GENESIS);
        bundle.put("exportedAt", CanonicalJson.timestamp(Instant.now()));
        bundle.put("exportedBy", caller.username());
        bundle.put("scope", scope);
        bundle.put("asOf", asOf == null ? null : CanonicalJson.timestamp(asOf));
        bundle.put("globalHead", Map.of("position", head.get("position"), "hash", head.get("hash")));
        bundle.put("aggregates", new ArrayList<>(aggregates.values()));
        bundle.put("records", out);
        bundle.put("digests", digests);
        return bundle;
    }
}
