package cn.zhenggai.audit.integrity;

import cn.zhenggai.audit.chain.CanonicalJson;
import cn.zhenggai.audit.chain.ChainEntry;
import cn.zhenggai.audit.log.AuditLog;
import org.bson.Document;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Recomputes both chains of the whole log from the stored records, in position order, and checks them against the
 * chain head and the daily digests. Every record is checked (a problem does not stop the scan); the first problem
 * in position order is reported by position, event id, a code and a reason.
 */
public class ChainVerifier {

    private final AuditLog log;

    public ChainVerifier(AuditLog log) {
        this.log = log;
    }

    /** The outcome; {@code firstBroken} is null when {@code ok}. */
    public record Result(boolean ok, long checked, long problems, Broken firstBroken, long headPosition,
                         String headHash) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("ok", ok);
            map.put("checked", checked);
            map.put("problems", problems);
            map.put("firstBroken", firstBroken == null ? null : firstBroken.toMap());
            map.put("head", Map.of("position", headPosition, "hash", headHash));
            return map;
        }
    }

    public record Broken(Long position, String eventId, String code, String reason) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("position", position);
            map.put("eventId", eventId);
            map.put("code", code);
            map.put("reason", reason);
            return map;
        }
    }

    private static final class AggregateState {
        long next;
        String lastHash = CanonicalJson.GENESIS;
    }

    public Result verify() {
        Document head = log.head();
        long headPosition = head.getLong("position");
        String headHash = head.getString("hash");
        Map<Long, Document> digestsByLast = new HashMap<>();
        log.digests(null, null).forEach(d -> digestsByLast.put(((Number) d.get("lastPosition")).longValue(), d));

        Scan scan = new Scan();
        Map<String, AggregateState> aggregates = new HashMap<>();
        log.forEachByPosition(record -> {
            scan.checked++;
            String eventId = String.valueOf(record.get("_id"));
            if (!(record.get("position") instanceof Number number)) {
                scan.broken(null, eventId, "NOT_IN_CHAIN", "记录没有链位置，不是由审计日志写入的（伪造插入）");
                return;
            }
            long position = number.longValue();
            if (position > headPosition) {
                scan.beyondHead.add(record); // appended while verifying, or forged: decided against the head at the end
                return;
            }
            if (position < scan.expected) {
                scan.broken(position, eventId, "DUPLICATE_POSITION",
                        "位置 " + position + " 上有两条记录：" + scan.lastEventId + " 和 " + eventId);
                return;
            }
            if (position > scan.expected) {
                scan.broken(scan.expected, null, "MISSING", "位置 " + scan.expected
                        + (position - 1 > scan.expected ? " 至 " + (position - 1) : "") + " 的记录缺失（被删除），链在位置 "
                        + position + "（事件 " + eventId + "）处继续");
                scan.previousHash = record.getString("prevHash");
            }
            String canonical = ChainEntry.canonical(record);
            if (!Objects.equals(record.getString("prevHash"), scan.previousHash)) {
                scan.broken(position, eventId, "UNLINKED", "记录的前一哈希与位置 " + (position - 1)
                        + " 的记录不符（记录被调换顺序或替换）");
            } else if (record.containsKey("payload")
                    && !ChainEntry.payloadHash(record.get("payload")).equals(record.getString("payloadSha256"))) {
                scan.broken(position, eventId, "MODIFIED", "事件内容（payload）被修改，哈希不符");
            } else if (!CanonicalJson.link(String.valueOf(record.getString("prevHash")), canonical)
                    .equals(record.getString("hash"))) {
                scan.broken(position, eventId, "MODIFIED", "记录被修改，哈希不符");
            } else {
                String aggregateId = record.getString("aggregateId");
                AggregateState state = aggregates.computeIfAbsent(aggregateId, id -> new AggregateState());
                long index = record.get("aggregateIndex") instanceof Number n ? n.longValue() : -1;
                if (index != state.next) {
                    scan.broken(position, eventId, "AGGREGATE_GAP", "对象 " + aggregateId + " 的链应为第 " + state.next
                            + " 条，实为第 " + index + " 条（该对象的记录缺失或重复）");
                } else if (!Objects.equals(record.getString("aggregatePrevHash"), state.lastHash)
                        || !CanonicalJson.link(state.lastHash, canonical).equals(record.getString("aggregateHash"))) {
                    scan.broken(position, eventId, "AGGREGATE_UNLINKED", "对象 " + aggregateId + " 的链哈希不符");
                }
                Document digest = digestsByLast.get(position);
                if (digest != null && !Objects.equals(digest.getString("headHash"), record.getString("hash"))) {
                    scan.broken(position, eventId, "DIGEST_MISMATCH",
                            "每日摘要 " + digest.get("_id") + " 的链头哈希与该记录不符");
                }
                state.next = Math.max(state.next, index + 1);
                state.lastHash = record.getString("aggregateHash");
            }
            scan.previousHash = record.getString("hash");
            scan.lastEventId = eventId;
            scan.expected = position + 1;
        });
        Document endHead = log.head();
        long endPosition = endHead.getLong("position");
        Document pending = endHead.get("pending", Document.class);
        if (scan.expected - 1 < headPosition) {
            scan.broken(scan.expected, null, "TRUNCATED",
                    "位置 " + scan.expected + " 至链头 " + headPosition + " 的记录缺失（被删除）");
        } else if (!Objects.equals(scan.previousHash, headHash)) {
            scan.broken(headPosition, scan.lastEventId, "HEAD_MISMATCH", "链头哈希与最后一条记录不符");
        }
        for (Document record : scan.beyondHead) {
            long position = ((Number) record.get("position")).longValue();
            boolean inFlight = pending != null && position == endPosition + 1
                    && Objects.equals(pending.get("_id"), record.get("_id"));
            if (position > endPosition && !inFlight) {
                scan.broken(position, String.valueOf(record.get("_id")), "BEYOND_HEAD",
                        "记录位置 " + position + " 超出链头位置 " + endPosition + "，不是由审计日志写入的（伪造插入）");
            } else {
                scan.checked--; // appended after verification started: checked next time
            }
        }
        digestsByLast.keySet().stream().filter(p -> p > endPosition + 1).min(Long::compare).ifPresent(p ->
                scan.broken(p, null, "DIGEST_MISMATCH", "每日摘要 " + digestsByLast.get(p).get("_id")
                        + " 指向链头之后的位置 " + p));
        return new Result(scan.first == null, scan.checked, scan.problems, scan.first, headPosition, headHash);
    }

    private static final class Scan {
        long checked;
        long problems;
        long expected = 1;
        String previousHash = CanonicalJson.GENESIS;
        String lastEventId;
        Broken first;
        final java.util.List<Document> beyondHead = new java.util.ArrayList<>();

        void broken(Long position, String eventId, String code, String reason) {
            problems++;
            if (first == null) {
                first = new Broken(position, eventId, code, reason);
            }
        }
    }
}
