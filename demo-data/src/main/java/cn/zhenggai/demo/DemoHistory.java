package cn.zhenggai.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo's 2021 and 2022 items as a historical ledger (ADR 0094): for a submitted report, one row per measure with
 * the dates of its steps from the meeting's January to today, so that {@code ./zhenggai up} migrates them through
 * {@code POST /api/rectification/history/import} before the report is accepted (its acceptance then finds the items
 * there). Each state the demo shows today has its own history: verified in the meeting's year (some after an
 * overdue and an extension), completed recently after two extensions, in progress or due soon or due today after an
 * overdue and an extension, long term with a progress report every half year, never assigned, and still overdue
 * after an extension that passed too. Pure: dates only from the report's year and {@code today}.
 */
public final class DemoHistory {

    static final List<String> HEADER = List.of("来源", "文号/批次", "报告编号", "措施编号", "发言人", "年度", "序号",
            "问题", "问题主题", "整改措施", "牵头单位", "配合单位", "责任人", "完成时限", "评估周期", "下达日期", "分派日期",
            "进展", "延期", "完成日期", "完成情况", "销号日期", "验收意见");

    private DemoHistory() {
    }

    /** The rows of {@code report}'s measures in the order of their ordinals, the i-th in state {@code states[i]}. */
    static List<List<String>> rows(JsonNode report, String lead, String owner, List<DemoLedger.State> states,
                                   LocalDate today) {
        int year = report.path("year").asInt();
        List<JsonNode> measures = new ArrayList<>();
        report.path("measures").forEach(measures::add);
        measures.sort(Comparator.comparingInt(m -> m.path("ordinal").asInt()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i < measures.size(); i++) {
            JsonNode m = measures.get(i);
            rows.add(row(report, m, year, lead, owner, states.get(i), i, today));
        }
        return rows;
    }

    private static List<String> row(JsonNode report, JsonNode m, int year, String lead, String owner,
                                    DemoLedger.State state, int i, LocalDate today) {
        LocalDate planned = LocalDate.of(year, 1, 8 + i);
        LocalDate assigned = LocalDate.of(year, 1, 18 + i);
        LocalDate firstDeadline = i % 2 == 0 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        String deadline = firstDeadline.toString();
        String review = "";
        List<String> progress = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        String completed = "";
        String summary = "";
        String verified = "";
        String opinion = "";
        String assignedText = assigned.toString();
        String[] texts = DemoLedger.PROGRESS;
        switch (state) {
            case VERIFIED -> {
                progress.add(entry(LocalDate.of(year, 3, 15), texts[i % texts.length]));
                if (i % 2 == 0) {
                    progress.add(entry(LocalDate.of(year, 5, 20), texts[(i + 1) % texts.length]));
                    completed = LocalDate.of(year, 6, 20).toString();
                    verified = LocalDate.of(year, 7, 12).toString();
                } else {
                    // overdue at the end of the year, extended in January, completed in spring, verified
                    extensions.add(LocalDate.of(year + 1, 1, 12) + " 延至 " + LocalDate.of(year + 1, 4, 30));
                    progress.add(entry(LocalDate.of(year + 1, 2, 20), texts[(i + 1) % texts.length]));
                    completed = LocalDate.of(year + 1, 4, 25).toString();
                    verified = LocalDate.of(year + 1, 5, 18).toString();
                }
                summary = "各项整改任务已完成，建立长效机制并持续抓好落实。";
                opinion = "整改到位，佐证材料齐全，同意销号。";
            }
            case COMPLETED -> {
                progress.add(entry(LocalDate.of(year, 4, 10), texts[i % texts.length]));
                LocalDate second = firstDeadline.plusMonths(12);
                extensions.add(firstDeadline.plusDays(20) + " 延至 " + second);
                progress.add(entry(firstDeadline.plusMonths(3), texts[(i + 1) % texts.length]));
                extensions.add(today.minusDays(75) + " 延至 " + today.plusDays(30));
                progress.add(entry(today.minusDays(40), texts[(i + 2) % texts.length]));
                completed = today.minusDays(12).toString();
                summary = "各项整改任务已完成，建立长效机制并持续抓好落实。";
            }
            case IN_PROGRESS, DUE_SOON, DUE_TODAY -> {
                progress.add(entry(LocalDate.of(year, 4, 10), texts[i % texts.length]));
                progress.add(entry(firstDeadline.minusMonths(1), texts[(i + 1) % texts.length]));
                LocalDate to = switch (state) {
                    case DUE_SOON -> today.plusDays(3 + i % 4);
                    case DUE_TODAY -> today;
                    default -> today.plusDays(60 + 30 * i);
                };
                extensions.add(today.minusDays(50) + " 延至 " + to);
                progress.add(entry(today.minusDays(20), texts[(i + 2) % texts.length]));
            }
            case LONG_TERM -> {
                deadline = "长期坚持";
                review = "6";
                for (LocalDate d = assigned.plusMonths(6); !d.isAfter(today); d = d.plusMonths(6)) {
                    progress.add(entry(d, "半年评估：" + texts[(d.getYear() + d.getMonthValue()) % texts.length]));
                }
            }
            case PLANNED -> {
                assignedText = "";
                deadline = today.plusMonths(6).withDayOfMonth(1).minusDays(1).toString();
            }
            case OVERDUE -> {
                progress.add(entry(LocalDate.of(year, 5, 10), texts[i % texts.length]));
                extensions.add(firstDeadline.plusDays(15) + " 延至 " + today.minusMonths(2 + i));
                progress.add(entry(today.minusMonths(3 + i), texts[(i + 1) % texts.length]));
            }
            default -> throw new IllegalArgumentException(state.name());
        }
        String content = m.path("content").asText("");
        String measure = m.path("title").asText() + (content.isBlank() ? "" : "。" + content);
        return List.of("民主生活会", year + "年度民主生活会", report.path("reportId").asText(), m.path("measureId").asText(),
                report.path("author").asText(""), String.valueOf(year), String.valueOf(m.path("ordinal").asInt(i + 1)),
                problems(report, m, "statement"), problems(report, m, "theme"), measure, lead, "", owner, deadline, review, planned.toString(), assignedText,
                String.join("；", progress), String.join("；", extensions), completed, summary, verified, opinion);
    }

    /** The {@code field} (statement, theme) of each problem the measure answers (through its root causes), a line each. */
    static String problems(JsonNode report, JsonNode measure, String field) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> causes = new LinkedHashSet<>();
        measure.path("rootCauseIds").forEach(c -> causes.add(c.asText()));
        report.path("rootCauses").forEach(c -> {
            if (causes.contains(c.path("rootCauseId").asText())) {
                c.path("problemIds").forEach(p -> ids.add(p.asText()));
            }
        });
        List<String> statements = new ArrayList<>();
        report.path("problems").forEach(p -> {
            if (ids.contains(p.path("problemId").asText())) {
                statements.add(p.path(field).asText().replaceAll("[；;\\r\\n]+", "，"));
            }
        });
        if (statements.isEmpty()) {
            statements.add("theme".equals(field) ? report.path("year").asText() + "年度民主生活会"
                    : measure.path("title").asText());
        }
        return String.join("\n", statements);
    }

    private static String entry(LocalDate date, String text) {
        return date + " " + text.replaceAll("[；;\\r\\n]+", "，");
    }

    /** The rows as a UTF-8 CSV (RFC 4180, every field quoted), as a historical ledger is uploaded. */
    public static byte[] csv(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(","))).collect(Collectors.joining("\r\n", "", "\r\n"))
                .getBytes(StandardCharsets.UTF_8);
    }
}
