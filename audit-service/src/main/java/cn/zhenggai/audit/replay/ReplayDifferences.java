package cn.zhenggai.audit.replay;

import org.bson.Document;

import java.util.List;

/**
 * The answer of {@code GET /api/audit/replays/{id}/differences}: the replay's state, how many differences it
 * recorded ({@code total}, null until compared) and the first of them by key.
 */
public record ReplayDifferences(String id, String state, Long total, int count, List<Difference> differences) {

    /**
     * One document that differs: its key, {@code DIFFERENT}, {@code ONLY_IN_LIVE} or {@code ONLY_IN_SHADOW}, and the
     * fields that differ ({@code field}, {@code live}, {@code shadow}: the stored BSON values, kept as documents).
     */
    public record Difference(String key, String kind, List<Document> fields) {
    }
}
