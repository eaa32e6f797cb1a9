package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.LedgerItem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.zhenggai.audit.timetravel.Facts.planned;
import static org.assertj.core.api.Assertions.assertThat;

/** Rows come in report order: planned time (as instants, whatever their fraction digits), report, ordinal. */
class LedgerRowsTest {

    @Test
    void rowsInTheOrderTheyWerePlanned() {
        LedgerItem late = Facts.fold(List.of(planned("late", 0, "2023-01-05T02:00:00.500Z", "XZSPJ")));
        LedgerItem early = Facts.fold(List.of(planned("early", 0, "2023-01-05T02:00:00Z", "XZSPJ")));
        LedgerItem other = Facts.fold(List.of(planned("other", 0, "2023-01-05T01:00:00Z", "CZJ")));
        List<Map<String, Object>> rows = LedgerRows.rows(List.of(late, other, early), "XZSPJ");
        assertThat(rows).extracting(r -> r.get("measureId")).containsExactly("early", "late");
        assertThat(rows.get(0).get("role")).isEqualTo("LEAD");
        assertThat(LedgerRows.rows(List.of(late, other, early), "ZZB")).extracting(r -> r.get("role"))
                .containsOnly("COOPERATING");
    }
}
