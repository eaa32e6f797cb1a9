package cn.zhenggai.contracts.ledger;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Given ledger items, when the overview is counted from them, then figures, themes, heat map and trend agree. */
class LedgerOverviewTest {

    private static final Instant NOV = Instant.parse("2026-11-10T02:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-03T02:00:00Z");
    private static final Map<String, String> NAMES = Map.of("XZSPJ", "行政审批局", "CZJ", "财政局");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    private static EventMeta at(long seq, Instant recorded, Instant effective) {
        return new EventMeta("e" + seq, seq, recorded, effective, "u");
    }

    private static LedgerItem planned(String id, String department, String theme) {
        return LedgerItems.apply(null, new MeasurePlanned(id, department, "REPORT", "rpt", "m" + id, department,
                "cadre", 2026, 1, "措施", "内容", List.of(), null, null, null, null, List.of(), List.of(),
                theme == null ? List.of() : List.of(new MeasurePlanned.Problem(id + "p", theme, 1, "问题"))),
                at(0, NOV, null));
    }

    private static LedgerItem assigned(LedgerItem item) {
        return LedgerItems.apply(item, new MeasureAssigned(item.measureId(), item.leadDepartment(),
                item.leadDepartment(), List.of(), "张*", "2026-11-30", false, null, "liaison"), at(1, NOV, null));
    }

    private static List<LedgerItem> items() {
        LedgerItem late = LedgerItems.apply(assigned(planned("late", "XZSPJ", "作风建设")),
                new MeasureOverdue("late", "XZSPJ", "2026-11-30", "张*"), at(2, DEC, null));
        late = LedgerItems.apply(late, new MeasureColourChanged("late", "XZSPJ", "RED", "GREEN", "2026-11-30", "张*"),
                at(3, DEC, null));
        Instant novEffective = Instant.parse("2026-11-28T02:00:00Z");
        LedgerItem done = LedgerItems.apply(assigned(planned("done", "XZSPJ", "作风建设")),
                new MeasureCompleted("done", "XZSPJ", "完成", "u", "2026-11-30", false,
                        new Backdating(novEffective, "u", "补录", null)), at(2, DEC, novEffective));
        done = LedgerItems.apply(done, new MeasureVerified("done", "XZSPJ", "party", null), at(3, DEC, null));
        LedgerItem yellowDone = LedgerItems.apply(assigned(planned("quiet", "XZSPJ", "理论学习")),
                new MeasureColourChanged("quiet", "XZSPJ", "YELLOW", "GREEN", "2026-11-30", "张*"), at(2, NOV, null));
        return List.of(late, done, yellowDone, planned("czj", "CZJ", null));
    }

    @Test
    void departmentsAreCountedByLeadDepartmentWithOpenColoursAndRecurringItems() {
        LedgerOverview o = LedgerOverview.of(items(), null, NAMES, Set.of("late"), TODAY);

        assertThat(o.departments()).containsExactly(
                new LedgerOverview.DepartmentFigures("CZJ", "财政局", 1, 0, 0, 0, 0.0, 0, 0, 0),
                new LedgerOverview.DepartmentFigures("XZSPJ", "行政审批局", 3, 1, 1, 1, 0.3333, 1, 1, 1));
        assertThat(LedgerOverview.of(List.of(), "ZZB", NAMES, Set.of(), TODAY).departments())
                .containsExactly(new LedgerOverview.DepartmentFigures("ZZB", "ZZB", 0, 0, 0, 0, 0.0, 0, 0, 0));
    }

    @Test
    void themesAndTheHeatMapCountEachThemeOnceAndItemsWithoutOneUnderNoTheme() {
        LedgerOverview o = LedgerOverview.of(items(), null, NAMES, Set.of("late"), TODAY);

        assertThat(o.themes()).extracting(LedgerOverview.ThemeFigures::theme)
                .as("the largest first, ties in planning order")
                .containsExactly("作风建设", LedgerOverview.NO_THEME, "理论学习");
        assertThat(o.themes().get(0)).isEqualTo(new LedgerOverview.ThemeFigures("作风建设", 2, 1, 1, 1, 1, 0.5));
        assertThat(o.heatmap().departments()).containsExactly("CZJ", "XZSPJ");
        assertThat(o.heatmap().departmentNames()).containsExactly("财政局", "行政审批局");
        assertThat(o.heatmap().values()).containsExactly(List.of(1L, 0L, 2L), List.of(0L, 1L, 1L),
                List.of(1L, 2L, 1L));
    }

    @Test
    void theTrendCountsEachFactInTheMonthItTookEffect() {
        LedgerOverview o = LedgerOverview.of(items(), null, NAMES, Set.of(), TODAY);

        assertThat(o.trend()).containsExactly(
                new LedgerOverview.MonthFigures(YearMonth.of(2026, 11), 4, 1, 0, 0),
                new LedgerOverview.MonthFigures(YearMonth.of(2026, 12), 0, 0, 1, 1));
        assertThat(LedgerOverview.of(items(), null, NAMES, Set.of(), LocalDate.parse("2026-11-30")).trend())
                .as("nothing after today's month").hasSize(1);
    }
}
