package cn.zhenggai.contracts.ledger;

/** Where a rectification item (整改事项) stands in its lifecycle. */
public enum ItemStatus {
    /** 待交办: planned from an accepted report or a finding, not yet assigned. */
    PLANNED,
    /** 整改中: assigned (or reopened after a rejected completion). */
    IN_PROGRESS,
    /** 待验收: the lead department declared it complete. */
    COMPLETED,
    /** 已销号: the party committee verified it. */
    VERIFIED
}
