package cn.zhenggai.contracts.rectification;

/**
 * What importing one 巡察/审计 finding did ({@code outcome} of a row of {@code POST
 * /api/rectification/findings/import}, written by name).
 */
public enum FindingOutcome {
    /** A new item was planned (and assigned as the sheet says). */
    PLANNED,
    /** The finding was linked as a further source of an existing item. */
    LINKED,
    /** The item already answers that source: nothing changed. */
    UNCHANGED
}
