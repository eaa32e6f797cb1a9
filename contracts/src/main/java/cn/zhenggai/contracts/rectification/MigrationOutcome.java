package cn.zhenggai.contracts.rectification;

/**
 * What migrating one row of a historical ledger did ({@code outcome} of an item of {@code POST
 * /api/rectification/history/import}, written by name).
 */
public enum MigrationOutcome {
    /** The item's history was recorded. */
    MIGRATED,
    /** The item was there already: nothing changed. */
    UNCHANGED
}
