package cn.zhenggai.contracts.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The overview of the ledger (整改总览) counted from items (ADR 0091): figures per lead department, per theme, theme ×
 * department (heat map) and per month. Pure. A month counts what took effect in it (the item's times are effective
 * times, ADR 0090): planned, completed (of a closed item), verified (of a verified item), overdue (of an item
 * still marked overdue). Overdue, yellow and red count open items only.
 *
 * @param departments figures per lead department, by department code
 * @param themes figures per theme (未分方面 for an item without one), the largest first
 * @param heatmap items per theme and department
 * @param trend figures per month up to today's, in order
 */
public record LedgerOverview(List<DepartmentFigures> departments, List<ThemeFigures> themes, Heatmap heatmap,
                             List<MonthFigures> trend) {

    /** Months are China's. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The theme of an item whose problems name none. */
    public static final String NO_THEME = "未分方面";

    /** One department's figures. */
    public record DepartmentFigures(String department, String name, long total, long completed, long verified,
                                    long overdue, double completionRate, long recurring, long yellow, long red) {
    }

    /** One theme's figures. */
    public record ThemeFigures(String theme, long total, long completed, long verified, long overdue, long recurring,
                               double completionRate) {
    }

    /** Items per theme × department: {@code values} are {@code [department index, theme index, items]}. */
    public record Heatmap(List<String> departments, List<String> departmentNames, List<String> themes,
                          List<List<Long>> values) {
    }

    /** What took effect in one month. */
    public record MonthFigures(YearMonth month, long planned, long completed, long verified, long overdue) {
    }

    /**
     * The overview of {@code items}. {@code onlyDepartment}, when not null, is the one department the overview is
     * of: it has a line even without items. {@code names} names departments (the code when unknown); {@code
     * recurring} holds the ids of items with a recurring problem; months after {@code today}'s are not shown.
     */
    public static LedgerOverview of(Collection<LedgerItem> items, String onlyDepartment, Map<String, String> names,
                                    Set<String> recurring, LocalDate today) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, long[]> themes = new LinkedHashMap<>();
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        Map<YearMonth, long[]> months = new TreeMap<>();
        List<LedgerItem> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparing(LedgerItem::plannedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(LedgerItem::measureId));
        for (LedgerItem item : ordered) {
            String code = item.leadDepartment();
            long[] c = counts.computeIfAbsent(code, k -> new long[7]);
            boolean closed = item.status() == ItemStatus.COMPLETED || item.status() == ItemStatus.VERIFIED;
            boolean verified = item.status() == ItemStatus.VERIFIED;
            boolean overdue = !closed && item.overdue();
            boolean repeats = recurring.contains(item.measureId());
            c[0]++;
            c[1] += closed ? 1 : 0;
            c[2] += verified ? 1 : 0;
            c[3] += overdue ? 1 : 0;
            c[4] += repeats ? 1 : 0;
            c[5] += item.colour() == Colour.YELLOW && !closed ? 1 : 0;
            c[6] += item.colour() == Colour.RED && !closed ? 1 : 0;
            for (String theme : item.themes().isEmpty() ? List.of(NO_THEME) : item.themes()) {
                long[] tc = themes.computeIfAbsent(theme, k -> new long[5]);
                tc[0]++;
                tc[1] += closed ? 1 : 0;
                tc[2] += verified ? 1 : 0;
                tc[3] += overdue ? 1 : 0;
                tc[4] += repeats ? 1 : 0;
                cells.computeIfAbsent(theme, k -> new TreeMap<>()).merge(code, 1L, Long::sum);
            }
            month(months, item.plannedAt(), 0);
            if (closed) {
                month(months, item.completedAt(), 1);
            }
            if (verified) {
                month(months, item.verifiedAt(), 2);
            }
            if (item.overdue()) {
                month(months, item.overdueAt(), 3);
            }
        }
        if (onlyDepartment != null && counts.isEmpty()) {
            counts.put(onlyDepartment, new long[7]);
        }
        List<DepartmentFigures> figures = new ArrayList<>();
        counts.forEach((code, c) -> figures.add(new DepartmentFigures(code, names.getOrDefault(code, code), c[0],
                c[1], c[2], c[3], rate(c[1], c[0]), c[4], c[5], c[6])));

        List<ThemeFigures> themeList = new ArrayList<>();
        themes.forEach((theme, c) -> themeList.add(new ThemeFigures(theme, c[0], c[1], c[2], c[3], c[4],
                rate(c[1], c[0]))));
        themeList.sort(Comparator.comparingLong(ThemeFigures::total).reversed());

        List<String> themeAxis = themeList.stream().map(ThemeFigures::theme).toList();
        List<String> departmentAxis = new ArrayList<>(counts.keySet());
        List<List<Long>> values = new ArrayList<>();
        for (int y = 0; y < themeAxis.size(); y++) {
            Map<String, Long> row = cells.getOrDefault(themeAxis.get(y), Map.of());
            for (int x = 0; x < departmentAxis.size(); x++) {
                Long n = row.get(departmentAxis.get(x));
                if (n != null) {
                    values.add(List.of((long) x, (long) y, n));
                }
            }
        }
        Heatmap heatmap = new Heatmap(departmentAxis, departmentAxis.stream().map(c -> names.getOrDefault(c, c))
                .toList(), themeAxis, values);

        YearMonth last = today == null ? null : YearMonth.from(today);
        List<MonthFigures> trend = new ArrayList<>();
        months.forEach((m, c) -> {
            if (last == null || !m.isAfter(last)) {
                trend.add(new MonthFigures(m, c[0], c[1], c[2], c[3]));
            }
        });
        return new LedgerOverview(List.copyOf(figures), List.copyOf(themeList), heatmap, List.copyOf(trend));
    }

    /** {@code part / whole} to four decimals; 0 when {@code whole} is 0. */
    public static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(10000.0 * part / whole) / 10000.0;
    }

    private static void month(Map<YearMonth, long[]> months, Instant at, int index) {
        if (at != null) {
            months.computeIfAbsent(YearMonth.from(at.atZone(ZONE)), k -> new long[4])[index]++;
        }
    }
}
