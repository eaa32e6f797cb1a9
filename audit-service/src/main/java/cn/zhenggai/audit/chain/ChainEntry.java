package cn.zhenggai.audit.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of an audit record that the chains cover: these fields, under these names, in canonical JSON
 * ({@link CanonicalJson}). The payload is covered through {@code payloadSha256}, the SHA-256 of its canonical JSON,
 * so that an export may leave a confidential payload out and stay verifiable.
 */
public final class ChainEntry {

    /** The covered fields, in canonical (sorted) order. */
    public static final List<String> FIELDS = List.of("actor", "aggregateId", "aggregateIndex", "aggregateType",
            "department", "eventId", "loggedAt", "payloadSha256", "position", "revision", "sequence", "source",
            "timestamp", "type");

    private ChainEntry() {
    }

    /**
     * The covered fields of a record (a stored document, whose {@code _id} is the event id, or an exported
     * {@code entry}); a field that is absent counts as null.
     */
    public static Map<String, Object> of(Map<String, ?> record) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (String field : FIELDS) {
            Object value = record.get(field);
            if (value == null && field.equals("eventId")) {
                value = record.get("_id");
            }
            entry.put(field, value);
        }
        return entry;
    }

    public static String canonical(Map<String, ?> record) {
        return CanonicalJson.of(of(record));
    }

    public static String payloadHash(Object payload) {
        return CanonicalJson.sha256(CanonicalJson.of(payload));
    }
}
