package cn.zhenggai.contracts.history;

import java.time.Instant;

/**
 * An event that may state a past fact: it carries a {@link Backdating} when it was recorded after it happened, null
 * when it happened as it was recorded (ADR 0090).
 */
public interface EffectiveDated {

    /** The backdating, or null when the event took effect when it was recorded. */
    Backdating backdating();

    /** When {@code event} took effect: its backdating's time, else {@code recordedAt}. */
    static Instant effectiveAt(Object event, Instant recordedAt) {
        if (event instanceof EffectiveDated dated && dated.backdating() != null) {
            return dated.backdating().effectiveAt();
        }
        return recordedAt;
    }
}
