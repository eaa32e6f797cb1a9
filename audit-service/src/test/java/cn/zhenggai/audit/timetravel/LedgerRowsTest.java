package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.zhenggai.audit.timetravel.Facts.planned;
import static org.assertj.core.api.Assertions.assertThat;

/** Rows come in report order: planned time (as instants, whatever their fraction digits), report, ordinal. */
class LedgerRowsTest {

    @Test
    void rowsInTheOrderTheyWerePlanned() {
        LedgerItem late = Facts.fold(List.of(planned("late", 0, "2023-01-05T02:00:00.500Z", "XZSPJ")));
        LedgerItem early = Facts.fold(List.of(planned("early", 0, "2023-01-05T02:00:00Z", "XZSPJ")));
        LedgerItem other = Facts.fold(List.of(planned("other", 0, "2023-01-05T01:00:00Z", "CZJ")));
        List<LedgerRow> rows = LedgerRows.rows(List.of(late, other, early), "XZSPJ");
        assertThat(rows).extracting(LedgerRow::measureId).containsExactly("early", "late");
        assertThat(rows.get(0).role()).isEqualTo(LedgerRow.Role.LEAD);
        assertThat(LedgerRows.rows(List.of(late, other, early), "ZZB")).extracting(LedgerRow::role)
                .containsOnly(LedgerRow.Role.COOPERATING);
    }
}
