package cn.zhenggai.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated historical ledger sheets for measurements (ADR 0093): {@code ./zhenggai bench --scenario history}
 * migrates them over all departments, the UI timing ({@code cn.zhenggai.uitests.UiTiming}) into one department. Each
 * sheet is what {@code POST /api/rectification/history/import} accepts (at most 2,000 rows); upload it as
 * {@link DemoHistory#csv}. Pure: dates only from {@code today}.
 */
public final class GeneratedLedger {

    /** The most rows one sheet may have. */
    public static final int MAX_ROWS = 2000;

    static final List<String> HEADER = List.of("来源", "文号/批次", "问题", "问题主题", "整改措施", "牵头单位", "配合单位",
            "责任人", "完成时限", "评估周期", "下达日期", "分派日期", "进展", "延期", "完成日期", "完成情况", "销号日期",
            "验收意见");
    private static final String[] THEMES = {"理论学习", "政治素质", "能力本领", "担当作为", "作风建设", "廉洁自律"};

    private GeneratedLedger() {
    }

    /**
     * Sheet {@code s} (from 0) with its header and {@code rows} inspection and audit findings over the last three
     * years, led by the departments in turn (all by one when {@code departments} has one), each with its assignment,
     * one to three progress entries, and for one in three an extension; two in five completed, of those three in four
     * verified; one in ten long term. Steps in order, all in the past. Item {@code n} of the whole run is row
     * {@code n - s * rows} of sheet {@code s}, so sheets of one run never repeat an item.
     */
    public static List<List<String>> sheet(int s, int rows, List<String> departments, LocalDate today) {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("a sheet has 1 to " + MAX_ROWS + " rows, not " + rows);
        }
        if (departments.isEmpty()) {
            throw new IllegalArgumentException("no department to lead the items");
        }
        List<List<String>> sheet = new ArrayList<>();
        sheet.add(HEADER);
        for (int i = 0; i < rows; i++) {
            int n = s * rows + i;
            LocalDate planned = today.minusDays(1095 - (n * 7L) % 900);
            LocalDate assigned = planned.plusDays(5 + n % 10);
            boolean longTerm = n % 10 == 9;
            boolean completed = !longTerm && n % 5 < 2;
            boolean verified = completed && n % 4 != 3;
            LocalDate deadline = assigned.plusMonths(6);
            List<String> progress = new ArrayList<>();
            for (int p = 0; p <= n % 3; p++) {
                progress.add(assigned.plusDays(20L + 25L * p) + " 第" + (p + 1) + "次进展：已制定方案并推进落实");
            }
            String extension = !longTerm && n % 3 == 0
                    ? assigned.plusDays(100) + " 延至 " + deadline.plusMonths(3) : "";
            LocalDate done = assigned.plusDays(120);
            sheet.add(List.of(n % 2 == 0 ? "巡察" : "审计", (today.getYear() - 3 + n % 3) + "年第" + (1 + s) + "批",
                    "第" + (n + 1) + "项问题：制度执行不到位，台账记录不完整（迁移基准）",
                    THEMES[n % THEMES.length], "完善第" + (n + 1) + "项制度并逐项整改落实",
                    departments.get(n % departments.size()), "", "责任人" + (n % 50),
                    longTerm ? "长期坚持" : deadline.toString(), longTerm ? "6" : "", planned.toString(),
                    assigned.toString(), String.join("；", progress), extension,
                    completed ? done.toString() : "", completed ? "已按期完成整改" : "",
                    verified ? done.plusDays(14).toString() : "", verified ? "整改到位，同意销号" : ""));
        }
        return sheet;
    }
}
