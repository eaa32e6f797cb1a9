package cn.zhenggai.audit.timetravel;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer of {@code GET /api/audit/ledger/diff}: the department, the range and time asked about, then the
 * {@link LedgerDiff.Changes} (counts and lists) at the same level.
 */
public record LedgerDiffAnswer(String department, String from, String to, String time,
                               @JsonUnwrapped LedgerDiff.Changes changes) {
}
