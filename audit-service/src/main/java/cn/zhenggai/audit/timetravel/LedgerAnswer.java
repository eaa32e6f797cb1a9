package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.LedgerRow;

import java.util.List;

/** The answer of {@code GET /api/audit/ledger}: a department's ledger rows as of an instant, on a time. */
public record LedgerAnswer(String department, String asOf, String time, int count, List<LedgerRow> rows) {
}
