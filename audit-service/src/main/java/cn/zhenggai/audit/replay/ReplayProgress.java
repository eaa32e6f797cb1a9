package cn.zhenggai.audit.replay;

/**
 * A replay's progress, the answer of {@code POST /api/audit/replays}, {@code GET /api/audit/replays/{id}} and its
 * switch-over: records done of total, percent, records per second, seconds left, the positions it folded up to and
 * compared at, how many differences it found (null until compared), its collections, times and error.
 */
public record ReplayProgress(String id, String projection, String state, long done, long total, double percent,
                             long eventsPerSecond, long secondsLeft, Long upToPosition, Long comparedAtPosition,
                             Long differences, String shadowCollection, String liveCollection, String startedAt,
                             String finishedAt, String switchedOverAt, String error) {
}
