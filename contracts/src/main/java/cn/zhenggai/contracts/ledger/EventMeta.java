package cn.zhenggai.contracts.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * What a fold needs to know of an event besides its payload: its id, its place in the aggregate, when it was
 * recorded and when it took effect (ADR 0090), and who caused it.
 *
 * @param eventId     the event id
 * @param sequence    its sequence within the aggregate, from 0
 * @param recordedAt  when its service stored it
 * @param effectiveAt when it took effect (= recordedAt unless backdated)
 * @param actor       user name of whoever caused it, or {@code system}
 */
public record EventMeta(String eventId, long sequence, Instant recordedAt, Instant effectiveAt, String actor) {

    public EventMeta {
        Objects.requireNonNull(recordedAt, "recordedAt is required");
        effectiveAt = effectiveAt == null ? recordedAt : effectiveAt;
    }

    /** Whether the event states a past fact (recorded after it took effect). */
    public boolean backdated() {
        return effectiveAt.isBefore(recordedAt);
    }
}
