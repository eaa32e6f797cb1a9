package cn.zhenggai.rectification.carryover;

import cn.zhenggai.contracts.rectification.CarryOverPrepared;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the carry-over section (上年度整改措施落实情况) of a cadre's new report from the ledger read model, which
 * holds the events of their earlier items (progress with dates and evidence, completion, verification):
 * <ul>
 *   <li>the items are those of the cadre's latest meeting before {@code year};</li>
 *   <li>groups follow that report's themes in its order, each headed like the sample's section 一:
 *       {@code 针对…方面查摆出的N个突出问题}, N being the number of problems the report identified under the theme;</li>
 *   <li>each item says what was done and when (progress texts with their dates), the evidence file names, the
 *       completion, and ends with its state: 已完成整改并验收销号, 已完成整改待验收, or — unfinished — 正在整改 or
 *       长期坚持;</li>
 *   <li>items answering no identified problem go to a last group 其他整改措施.</li>
 * </ul>
 */
public class CarryOverGenerator {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String OTHER_HEADING = "其他整改措施落实情况";
    /** Longest item text (report-service takes up to 4,000 characters per item); older progress is cut first. */
    static final int MAX_ITEM = 2000;
    /** Most groups and items per group report-service takes. */
    static final int MAX_ITEMS = 50;

    /** What the generator wrote: the earlier meeting's year, the groups and the items they report on. */
    public record Draft(int previousYear, List<CarryOverPrepared.Group> groups, List<String> measureIds) {
    }

    private final MongoCollection<Document> ledger;
    private final MongoCollection<Document> problems;

    public CarryOverGenerator(MongoDatabase database) {
        this.ledger = database.getCollection("ledger");
        this.problems = database.getCollection("intake_problems");
    }

    /** The draft for {@code author}'s report of {@code year}, or empty when they have no item of an earlier year. */
    public Optional<Draft> generate(String author, int year) {
        if (author == null || author.isBlank()) {
            return Optional.empty();
        }
        Document latest = ledger.find(Filters.and(Filters.eq("author", author), Filters.lt("year", year)))
                .sort(Sorts.descending("year")).first();
        if (latest == null || latest.getInteger("year") == null) {
            return Optional.empty();
        }
        int previousYear = latest.getInteger("year");
        List<Document> items = new ArrayList<>();
        ledger.find(Filters.and(Filters.eq("author", author), Filters.eq("year", previousYear)))
                .sort(Sorts.ascending("reportId", "ordinal")).into(items);
        return Optional.of(generate(previousYear, items, themeCounts(items)));
    }

    /** The departments whose reports the given items came from. */
    public Set<String> departmentsOf(List<String> measureIds) {
        Set<String> departments = new LinkedHashSet<>();
        for (Document d : ledger.find(Filters.in("_id", measureIds))) {
            departments.add(d.getString("reportDepartment"));
        }
        return departments;
    }

    /** The draft from the given items of one earlier meeting and that report's problem count per theme. */
    static Draft generate(int previousYear, List<Document> items, Map<String, Integer> problemsPerTheme) {
        Map<String, List<Document>> byTheme = new LinkedHashMap<>();
        problemsPerTheme.keySet().forEach(theme -> byTheme.put(theme, new ArrayList<>()));
        List<Document> unthemed = new ArrayList<>();
        for (Document item : items) {
            Set<String> themes = new LinkedHashSet<>();
            for (Document problem : problemsOf(item)) {
                if (problem.getString("theme") != null) {
                    themes.add(problem.getString("theme"));
                }
            }
            if (themes.isEmpty()) {
                unthemed.add(item);
            }
            themes.forEach(theme -> byTheme.computeIfAbsent(theme, k -> new ArrayList<>()).add(item));
        }
        List<CarryOverPrepared.Group> groups = new ArrayList<>();
        byTheme.forEach((theme, answering) -> {
            if (answering.isEmpty()) {
                return;
            }
            int count = problemsPerTheme.getOrDefault(theme, distinctProblems(answering, theme));
            groups.add(new CarryOverPrepared.Group(heading(theme, count), theme,
                    answering.stream().limit(MAX_ITEMS).map(CarryOverGenerator::describe).toList()));
        });
        if (!unthemed.isEmpty()) {
            groups.add(new CarryOverPrepared.Group(OTHER_HEADING, null,
                    unthemed.stream().limit(MAX_ITEMS).map(CarryOverGenerator::describe).toList()));
        }
        while (groups.size() > MAX_ITEMS) {
            groups.remove(groups.size() - 1);
        }
        return new Draft(previousYear, groups, items.stream().map(d -> d.getString("_id")).toList());
    }

    /** 针对{theme}方面查摆出的{n}个突出问题 (without a doubled 方面). */
    static String heading(String theme, int count) {
        String t = theme.strip();
        String area = t.endsWith("方面") ? t : t + "方面";
        return "针对" + area + "查摆出的" + count + "个突出问题";
    }

    /** One item: what it is, what was done and when, evidence, completion, and its state. */
    static String describe(Document item) {
        StringBuilder text = new StringBuilder(sentence(item.getString("title")));
        List<String> done = new ArrayList<>();
        Set<String> evidence = new LinkedHashSet<>();
        for (Document progress : progressOf(item)) {
            String when = date(progress.getDate("at"));
            done.add((when == null ? "" : when + "，") + clause(progress.getString("text")));
            if (progress.get("evidence") instanceof List<?> files) {
                for (Object f : files) {
                    if (f instanceof Document file && file.getString("fileName") != null) {
                        evidence.add(file.getString("fileName"));
                    }
                }
            }
        }
        while (done.size() > 1 && String.join("；", done).length() > MAX_ITEM / 2) {
            done.remove(0);
        }
        if (!done.isEmpty()) {
            text.append(String.join("；", done)).append("。");
        }
        if (!evidence.isEmpty()) {
            text.append("佐证材料：").append(String.join("、", evidence)).append("。");
        }
        String status = item.getString("status");
        if ("COMPLETED".equals(status) || "VERIFIED".equals(status)) {
            String summary = item.getString("completionSummary");
            if (summary != null && !summary.isBlank()) {
                text.append(sentence(summary));
            }
        }
        String state = state(item);
        if (text.length() + state.length() > MAX_ITEM) {
            text.setLength(MAX_ITEM - state.length() - 1);
            text.append("…");
        }
        return text.append(state).toString();
    }

    /** The state an item ends with: closed, awaiting verification, long-term or being rectified. */
    static String state(Document item) {
        String status = item.getString("status");
        if ("VERIFIED".equals(status)) {
            String when = date(item.getDate("verifiedAt"));
            return when == null ? "已完成整改并验收销号。" : "已完成整改，" + when + "验收销号。";
        }
        if ("COMPLETED".equals(status)) {
            String when = date(item.getDate("completedAt"));
            return when == null ? "已完成整改，待验收。" : "已于" + when + "完成整改，待验收。";
        }
        if (Boolean.TRUE.equals(item.getBoolean("longTerm")) || "长期坚持".equals(item.getString("deadlineText"))) {
            return "长期坚持。";
        }
        return "正在整改。";
    }

    private Map<String, Integer> themeCounts(List<Document> items) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> reports = new LinkedHashSet<>();
        items.forEach(i -> {
            if (i.getString("reportId") != null) {
                reports.add(i.getString("reportId"));
            }
        });
        if (!reports.isEmpty()) {
            for (Document p : problems.find(Filters.in("reportId", new ArrayList<>(reports)))
                    .sort(Sorts.ascending("identifiedAt", "ordinal"))) {
                if (p.getString("theme") != null) {
                    counts.merge(p.getString("theme"), 1, Integer::sum);
                }
            }
        }
        if (counts.isEmpty()) {
            // the intake did not see the report's problems: count those the items answer, in item order
            for (Document item : items) {
                for (Document problem : problemsOf(item)) {
                    counts.putIfAbsent(problem.getString("theme"), 0);
                }
            }
            counts.replaceAll((theme, n) -> distinctProblems(items, theme));
        }
        return counts;
    }

    private static int distinctProblems(List<Document> items, String theme) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document item : items) {
            for (Document problem : problemsOf(item)) {
                if (theme.equals(problem.getString("theme"))) {
                    ids.add(problem.getString("problemId"));
                }
            }
        }
        return ids.size();
    }

    private static String date(Date at) {
        if (at == null) {
            return null;
        }
        LocalDate d = at.toInstant().atZone(ZONE).toLocalDate();
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** The text as a clause: without its closing full stop. */
    private static String clause(String text) {
        String t = text == null ? "" : text.strip();
        while (!t.isEmpty() && "。；;.，,".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** The text as a sentence: ending with exactly one full stop. */
    private static String sentence(String text) {
        String t = clause(text);
        return t.isEmpty() ? "" : t + "。";
    }

    @SuppressWarnings("unchecked")
    private static List<Document> problemsOf(Document item) {
        return item.get("problems") instanceof List<?> l ? (List<Document>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Document> progressOf(Document item) {
        return item.get("progress") instanceof List<?> l ? (List<Document>) l : List.of();
    }
}
