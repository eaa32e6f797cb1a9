package cn.zhenggai.contracts.history;

import java.time.Instant;
import java.util.Objects;

/**
 * An event that states a past fact (ADR 0090): when it happened ({@code effectiveAt}), who recorded it that late and
 * why. The event's own timestamp stays the time it was recorded. {@code migratedFrom} names the historical ledger it
 * came from when it was migrated from one, else null. The Measure aggregate decides who may backdate and how far:
 * the party committee, with a reason, never in the future, before the item or before its latest step (ADR 0090).
 *
 * @param effectiveAt  when the fact happened; never after the time it is recorded
 * @param by           user name of whoever recorded it
 * @param reason       why it is recorded late (Chinese as written)
 * @param migratedFrom the historical ledger file and row, or null when entered by hand
 */
public record Backdating(Instant effectiveAt, String by, String reason, Migration migratedFrom) {

    public Backdating {
        Objects.requireNonNull(effectiveAt, "effectiveAt is required");
    }

    /** The historical ledger an event was migrated from: file name, SHA-256 of its bytes (hex), 1-based row. */
    public record Migration(String fileName, String sha256, int row) {
    }
}
