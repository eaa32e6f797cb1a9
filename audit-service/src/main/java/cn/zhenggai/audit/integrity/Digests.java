package cn.zhenggai.audit.integrity;

import java.util.List;

/**
 * The answer of {@code GET /api/audit/digests}: the chain head now and the head at the end of each day asked about.
 */
public record Digests(ChainHead head, int count, List<Digest> digests) {

    /**
     * One day's digest: the day (UTC), its first and last chain positions, the last record's event id and the
     * chain hash after it. The values are the stored ones.
     */
    public record Digest(String day, Long firstPosition, Long lastPosition, String lastEventId, String headHash) {

        static Digest of(org.bson.Document stored) {
            return new Digest(stored.getString("_id"), position(stored.get("firstPosition")),
                    position(stored.get("lastPosition")), stored.getString("lastEventId"),
                    stored.getString("headHash"));
        }

        private static Long position(Object value) {
            return value instanceof Number n ? n.longValue() : null;
        }
    }
}
