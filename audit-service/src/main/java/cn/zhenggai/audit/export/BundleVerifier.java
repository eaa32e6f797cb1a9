package cn.zhenggai.audit.export;

import cn.zhenggai.audit.chain.CanonicalJson;
import cn.zhenggai.audit.chain.ChainEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks an audit bundle offline, exactly as the README describes it for third parties: no access to the log is
 * needed. Stops at the first broken record; a file that is not a bundle is {@link MalformedBundleException}.
 */
public final class BundleVerifier {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** A bundle that cannot be checked at all (not JSON, not a bundle, wrong version, missing fields). */
    public static final class MalformedBundleException extends RuntimeException {
        public MalformedBundleException(String message) {
            super(message);
        }
    }

    public record Broken(long position, String eventId, String code, String reason) {
    }

    public record Result(int records, int aggregates, Broken broken) {
        public boolean ok() {
            return broken == null;
        }
    }

    private BundleVerifier() {
    }

    public static Result verify(JsonNode bundle) {
        requireStructure(bundle);
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        bundle.get("aggregates").forEach(a -> declared.put(a.get("aggregateId").asText(), a));
        Map<Long, String> digests = new HashMap<>();
        JsonNode digestList = bundle.get("digests");
        if (digestList != null && digestList.isArray()) {
            digestList.forEach(d -> digests.put(d.path("lastPosition").asLong(), d.path("headHash").asText()));
        }
        Map<String, Long> nextIndex = new HashMap<>();
        Map<String, String> lastAggregateHash = new HashMap<>();
        long previousPosition = 0;
        String previousHash = CanonicalJson.GENESIS; // "position 0"
        int count = 0;
        for (JsonNode record : bundle.get("records")) {
            count++;
            JsonNode entryNode = record.get("entry");
            long position = entryNode.get("position").asLong();
            String eventId = entryNode.path("eventId").asText(null);
            Map<String, Object> entry = asMap(entryNode);
            String canonical = ChainEntry.canonical(entry);
            String aggregateId = entryNode.path("aggregateId").asText(null);
            String hash = record.get("hash").asText();

            if (position <= previousPosition) {
                return broken(count, declared, position, eventId, "ORDER",
                        "记录未按位置递增排列（位置 " + position + " 排在 " + previousPosition + " 之后）");
            }
            if (!declared.containsKey(aggregateId)) {
                return broken(count, declared, position, eventId, "UNDECLARED",
                        "聚合 " + aggregateId + " 不在 \"aggregates\" 清单中");
            }
            boolean redacted = record.path("payloadRedacted").asBoolean(false);
            if (!redacted) {
                JsonNode payload = record.get("payload");
                if (payload == null || payload.isNull()
                        || !ChainEntry.payloadHash(asObject(payload)).equals(entryNode.path("payloadSha256").asText())) {
                    return broken(count, declared, position, eventId, "PAYLOAD_MODIFIED",
                            "事件内容与 entry.payloadSha256 不符：内容被改过");
                }
            }
            if (!CanonicalJson.link(record.get("prevHash").asText(), canonical).equals(hash)) {
                return broken(count, declared, position, eventId, "MODIFIED",
                        "hash 与 SHA-256(prevHash + 规范化条目) 不符：记录被改过");
            }
            if (position == previousPosition + 1 && !record.get("prevHash").asText().equals(previousHash)) {
                return broken(count, declared, position, eventId, "UNLINKED",
                        "prevHash 不是位置 " + previousPosition + " 处记录的哈希：链条断开");
            }
            long index = entryNode.path("aggregateIndex").asLong(-1);
            long expected = nextIndex.getOrDefault(aggregateId, 0L);
            if (index != expected) {
                return broken(count, declared, position, eventId, "MISSING", "聚合 " + aggregateId
                        + "：应为其第 " + expected + " 号记录，实为第 " + index + " 号（有记录缺失或顺序被调换）");
            }
            String aggregatePrev = lastAggregateHash.getOrDefault(aggregateId, CanonicalJson.GENESIS);
            if (!record.get("aggregatePrevHash").asText().equals(aggregatePrev)) {
                return broken(count, declared, position, eventId, "UNLINKED",
                        "aggregatePrevHash 不是该聚合上一条记录的哈希：链条断开");
            }
            if (!CanonicalJson.link(aggregatePrev, canonical).equals(record.get("aggregateHash").asText())) {
                return broken(count, declared, position, eventId, "MODIFIED",
                        "aggregateHash does not match SHA-256(aggregatePrevHash + canonical entry)");
            }
            if (digests.containsKey(position) && !digests.get(position).equals(hash)) {
                return broken(count, declared, position, eventId, "DIGEST_MISMATCH",
                        "位置 " + position + " 的每日摘要记载的是另一个哈希");
            }
            nextIndex.put(aggregateId, index + 1);
            lastAggregateHash.put(aggregateId, record.get("aggregateHash").asText());
            previousPosition = position;
            previousHash = hash;
        }
        for (JsonNode aggregate : declared.values()) {
            String id = aggregate.get("aggregateId").asText();
            long seen = nextIndex.getOrDefault(id, 0L);
            if (seen != aggregate.path("count").asLong(-1)
                    || !Objects.equals(lastAggregateHash.get(id), aggregate.path("headHash").asText(null))) {
                return new Result(count, declared.size(), new Broken(previousPosition, null, "TRUNCATED", "聚合 " + id
                        + "：包中只有其 " + aggregate.path("count").asText() + " 条记录中的 " + seen
                        + " 条，或末条哈希不是其 headHash（记录被截去）"));
            }
        }
        return new Result(count, declared.size(), null);
    }

    private static Result broken(int count, Map<String, JsonNode> declared, long position, String eventId, String code,
                                 String reason) {
        return new Result(count, declared.size(), new Broken(position, eventId, code, reason));
    }

    private static void requireStructure(JsonNode bundle) {
        if (bundle == null || !bundle.isObject()) {
            throw new MalformedBundleException("不是 JSON 对象");
        }
        if (!Bundles.FORMAT.equals(bundle.path("format").asText())) {
            throw new MalformedBundleException("不是 " + Bundles.FORMAT + "（format 为 " + bundle.path("format") + "）");
        }
        if (bundle.path("version").asInt(-1) != Bundles.VERSION) {
            throw new MalformedBundleException("不支持的审计包版本 " + bundle.path("version"));
        }
        if (!"SHA-256".equals(bundle.path("hashAlgorithm").asText())
                || !"zhenggai-cjson-1".equals(bundle.path("canonicalization").asText())) {
            throw new MalformedBundleException("不支持的 hashAlgorithm/canonicalization");
        }
        if (!bundle.path("aggregates").isArray() || !bundle.path("records").isArray()) {
            throw new MalformedBundleException("\"aggregates\" 和 \"records\" 必须是数组");
        }
        for (JsonNode aggregate : bundle.get("aggregates")) {
            if (!aggregate.path("aggregateId").isTextual()) {
                throw new MalformedBundleException("有聚合缺少 aggregateId");
            }
        }
        int i = 0;
        for (JsonNode record : bundle.get("records")) {
            i++;
            JsonNode entry = record.get("entry");
            if (entry == null || !entry.isObject() || !entry.path("position").canConvertToLong()
                    || !entry.path("position").isIntegralNumber()) {
                throw new MalformedBundleException("第 " + i + " 条记录缺少带整数 position 的 entry");
            }
            for (String field : new String[] {"prevHash", "hash", "aggregatePrevHash", "aggregateHash"}) {
                if (!record.path(field).isTextual() || !HASH.matcher(record.get(field).asText()).matches()) {
                    throw new MalformedBundleException("第 " + i + " 条记录：" + field + " 不是 64 位小写十六进制数");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(JsonNode node) {
        return MAPPER.convertValue(node, Map.class);
    }

    private static Object asObject(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }
}
