package cn.zhenggai.rectification.sources;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MigrationOutcome;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.rectification.DepartmentDirectory;
import cn.zhenggai.rectification.measure.Actor;
import cn.zhenggai.rectification.measure.MeasureIds;
import cn.zhenggai.rectification.measure.Migration.Extension;
import cn.zhenggai.rectification.measure.Migration.MigrateItem;
import cn.zhenggai.rectification.measure.Migration.Progress;
import cn.zhenggai.rectification.measure.Migration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migrates a historical ledger (历史台账, ADR 0093): one row per item with its source, problem, measure, departments,
 * owner, deadline and the dates of its steps. Every row is checked first — missing columns, unknown departments, bad
 * dates, steps out of order or in the future (the rules of {@link Migration}), duplicate rows — and a sheet with any
 * error is refused whole with row-numbered Chinese messages. Each item's id is derived from the row's content, not
 * from the file, so the same sheet imported again finds every item already there and changes nothing.
 */
@Component
public class HistoryImport {

    static final String LONG_TERM = "长期坚持";
    static final int DEFAULT_REVIEW_MONTHS = 6;
    private static final int MAX_TEXT = 4000;
    /** How many rows' commands are in flight at once. */
    static final int SENDERS = 8;
    private static final String DATE = "(\\d{4}\\s*[年/.-]\\s*\\d{1,2}\\s*[月/.-]\\s*\\d{1,2}\\s*日?)";
    private static final Pattern PROGRESS = Pattern.compile("^" + DATE + "\\s*[:：，,、]?\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern EXTENSION = Pattern.compile("^(?:" + DATE + "\\s*(?:批准)?\\s*)?(?:延至|延期至|延期到|至)?\\s*"
            + DATE + "$");

    /** Column → the header names it may have. */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("source", List.of("来源"));
        COLUMNS.put("reference", List.of("文号/批次", "文号", "批次", "文号批次"));
        COLUMNS.put("reportId", List.of("报告编号"));
        COLUMNS.put("reportMeasureId", List.of("措施编号"));
        COLUMNS.put("author", List.of("发言人"));
        COLUMNS.put("year", List.of("年度"));
        COLUMNS.put("ordinal", List.of("序号"));
        COLUMNS.put("finding", List.of("问题", "问题描述", "发现问题"));
        COLUMNS.put("theme", List.of("问题主题", "主题"));
        COLUMNS.put("measure", List.of("整改措施", "措施"));
        COLUMNS.put("lead", List.of("牵头单位", "牵头部门"));
        COLUMNS.put("cooperating", List.of("配合单位", "配合部门"));
        COLUMNS.put("owner", List.of("责任人"));
        COLUMNS.put("deadline", List.of("完成时限", "整改时限"));
        COLUMNS.put("review", List.of("评估周期", "评估周期（月）", "评估周期(月)"));
        COLUMNS.put("planned", List.of("下达日期"));
        COLUMNS.put("assigned", List.of("分派日期"));
        COLUMNS.put("progress", List.of("进展", "进展情况", "整改进展"));
        COLUMNS.put("extensions", List.of("延期", "延期至", "延期情况"));
        COLUMNS.put("completed", List.of("完成日期"));
        COLUMNS.put("summary", List.of("完成情况"));
        COLUMNS.put("verified", List.of("销号日期", "验收日期"));
        COLUMNS.put("opinion", List.of("验收意见"));
        COLUMNS.put("rejected", List.of("退回日期"));
        COLUMNS.put("rejection", List.of("退回理由"));
    }

    private static final List<String> REQUIRED = List.of("source", "finding", "measure", "lead", "owner", "deadline",
            "assigned");

    private final DepartmentDirectory departments;
    private final EventStore eventStore;
    private final CommandSender commands;
    private final Clock clock;

    public HistoryImport(DepartmentDirectory departments, EventStore eventStore, CommandSender commands, Clock clock) {
        this.departments = departments;
        this.eventStore = eventStore;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * A row checked: the item it migrates, its state today as the migrated history folds ({@code status},
     * {@code overdue}), how many events it records, and whether the item is NEW or already there (EXISTING).
     */
    public record Row(int row, String measureId, String title, String leadDepartment, String status,
                      boolean overdue, int events, String firstEffectiveAt, String lastEffectiveAt, String action,
                      @com.fasterxml.jackson.annotation.JsonIgnore MigrateItem command) {
    }

    /** A refused row (行号 as in the sheet, header = row 1). */
    public record RowError(int row, String code, String message) {
    }

    public record Checked(List<Row> rows, List<RowError> errors) {

        public long newItems() {
            return rows.stream().filter(r -> "NEW".equals(r.action())).count();
        }

        public long existing() {
            return rows.size() - newItems();
        }

        public long events() {
            return rows.stream().filter(r -> "NEW".equals(r.action())).mapToLong(Row::events).sum();
        }
    }

    /** Checks every row of {@code sheet} (header first) as migrated by {@code actor}; changes nothing. */
    public Checked check(List<List<String>> sheet, String fileName, String sha256, Actor actor) {
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (sheet.isEmpty() || sheet.get(0).stream().allMatch(String::isBlank)) {
            errors.add(new RowError(1, "MISSING_HEADER", "第1行：缺少表头"));
            return new Checked(rows, errors);
        }
        Map<String, Integer> index = header(sheet.get(0));
        List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c))
                .map(c -> COLUMNS.get(c).get(0)).toList();
        if (!missing.isEmpty()) {
            errors.add(new RowError(1, "MISSING_COLUMNS", "第1行：缺少列：" + String.join("、", missing)));
            return new Checked(rows, errors);
        }
        Instant now = clock.instant();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r < sheet.size(); r++) {
            List<String> cells = sheet.get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            int rowNo = r + 1;
            Parsed parsed = new Parsed(cells, index);
            MigrateItem command = parsed.command(rowNo, fileName, sha256, now, actor);
            if (command != null) {
                Integer earlier = seen.putIfAbsent(command.measureId(), rowNo);
                if (earlier != null) {
                    parsed.error("DUPLICATE_ROW", "与第" + earlier + "行是同一事项（来源、问题、整改措施、牵头单位相同）");
                }
            }
            List<Object> events = List.of();
            if (command != null && parsed.errors.isEmpty()) {
                try {
                    events = Migration.events(command, departments);
                } catch (Refusal refused) {
                    parsed.error(refused.code(), refused.getMessage());
                }
            }
            if (!parsed.errors.isEmpty()) {
                parsed.errors.forEach(e -> errors.add(new RowError(rowNo, e.code(), "第" + rowNo + "行：" + e.message())));
                continue;
            }
            rows.add(row(rowNo, command, events, now));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(2, "EMPTY_SHEET", "第2行：没有可导入的数据行"));
        }
        return new Checked(rows, errors);
    }

    /**
     * What migrating one row did: the item, its state today, how many events were recorded (0 when it was there
     * already) and {@code outcome} MIGRATED or UNCHANGED.
     */
    public record Outcome(int row, String measureId, String title, String leadDepartment, String status,
                          boolean overdue, int events, String firstEffectiveAt, String lastEffectiveAt,
                          MigrationOutcome outcome) {
    }

    /**
     * Migrates checked rows; answers each row's outcome (MIGRATED or UNCHANGED) in sheet order. The rows are distinct
     * items (a sheet naming one item twice is refused by {@link #check}), so their commands go out from
     * {@link #SENDERS} threads at once: each waits for its own transaction's commit, and a 2,000-row sheet is not
     * 2,000 commits one after the other. A failure stops the rows not yet sent and is thrown once the others are
     * done; the rows already migrated stay, and importing the sheet again migrates the rest and changes nothing else.
     */
    public List<Outcome> apply(List<Row> rows, String importedBy, String importerDepartment) {
        String[] outcomes = new String[rows.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable sender = () -> {
            for (int i = next.getAndIncrement(); i < rows.size() && failure.get() == null;
                 i = next.getAndIncrement()) {
                try {
                    outcomes[i] = commands.send(rows.get(i).command(), importedBy, importerDepartment);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int threads = Math.min(SENDERS, rows.size());
        List<Thread> started = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread thread = new Thread(sender, "history-import-" + t);
            thread.start();
            started.add(thread);
        }
        sender.run();
        for (Thread thread : started) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("历史台账导入被中断", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<Outcome> answers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            MigrationOutcome outcome = MigrationOutcome.valueOf(outcomes[i]);
            answers.add(new Outcome(row.row(), row.measureId(), row.title(), row.leadDepartment(), row.status(),
                    row.overdue(), outcome == MigrationOutcome.MIGRATED ? row.events() : 0, row.firstEffectiveAt(),
                    row.lastEffectiveAt(), outcome));
        }
        return answers;
    }

    /** The id of a migrated item: a report's measure keeps the report's id, anything else one from its content. */
    static String idOf(String source, String reference, String reportId, String reportMeasureId, String lead,
                       String finding, String measure) {
        if (reportId != null && reportMeasureId != null) {
            return MeasureIds.fromReport(reportId, reportMeasureId);
        }
        String key = String.join("\u0000", "history", source, reference == null ? "" : reference, lead,
                MeasureIds.normalise(finding), MeasureIds.normalise(measure));
        return "mea-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private Row row(int rowNo, MigrateItem command, List<Object> events, Instant now) {
        LedgerItem item = null;
        for (int i = 0; i < events.size(); i++) {
            Object event = events.get(i);
            Instant at = EffectiveDated.effectiveAt(event, now);
            item = LedgerItems.apply(item, event, new EventMeta("preview-" + i, i, now, at, "preview"));
        }
        Backdating first = ((EffectiveDated) events.get(0)).backdating();
        Backdating last = ((EffectiveDated) events.get(events.size() - 1)).backdating();
        return new Row(rowNo, command.measureId(), command.title(), command.leadDepartment(),
                item == null ? null : item.status().name(), item != null && item.overdue(), events.size(),
                first.effectiveAt().toString(), last.effectiveAt().toString(),
                exists(command.measureId()) ? "EXISTING" : "NEW", command);
    }

    private boolean exists(String measureId) {
        return eventStore.lastSequenceNumberFor(measureId).isPresent();
    }

    /** One row's cells read and parsed, with the errors found. */
    private final class Parsed {

        private final List<String> cells;
        private final Map<String, Integer> index;
        private final List<RowError> errors = new ArrayList<>();

        Parsed(List<String> cells, Map<String, Integer> index) {
            this.cells = cells;
            this.index = index;
        }

        void error(String code, String message) {
            errors.add(new RowError(0, code, message));
        }

        String cell(String column) {
            Integer c = index.get(column);
            return c == null || c >= cells.size() || cells.get(c) == null ? "" : cells.get(c).strip();
        }

        MigrateItem command(int rowNo, String fileName, String sha256, Instant now, Actor actor) {
            String sourceText = cell("source");
            String source = switch (sourceText) {
                case "巡察", "巡察反馈" -> MeasurePlanned.SOURCE_INSPECTION;
                case "审计", "审计发现", "审计整改" -> MeasurePlanned.SOURCE_AUDIT;
                case "民主生活会", "专题民主生活会", "组织生活会", "发言提纲", "报告" -> MeasurePlanned.SOURCE_REPORT;
                default -> null;
            };
            if (source == null) {
                error("INVALID_SOURCE", sourceText.isEmpty() ? "缺少“来源”"
                        : "来源须为“民主生活会”“巡察”或“审计”：" + sourceText);
            }
            String reference = blankToNull(cell("reference"));
            String reportId = blankToNull(cell("reportId"));
            String reportMeasureId = blankToNull(cell("reportMeasureId"));
            if ((reportId == null) != (reportMeasureId == null)) {
                error("INCOMPLETE_REPORT_REFERENCE", "“报告编号”和“措施编号”须同时填写");
            }
            for (String id : new String[]{reportId, reportMeasureId}) {
                if (id != null && !id.matches("[A-Za-z0-9-]{1,80}")) {
                    error("INVALID_REPORT_REFERENCE", "报告编号或措施编号无法识别：" + id);
                }
            }
            String finding = cell("finding");
            if (finding.isEmpty()) {
                error("MISSING_FINDING", "缺少“问题”");
            }
            String measure = cell("measure");
            if (measure.isEmpty()) {
                error("MISSING_MEASURE", "缺少“整改措施”");
            }
            for (String text : List.of(finding, measure, cell("progress"), cell("summary"))) {
                if (text.length() > MAX_TEXT) {
                    error("TOO_LONG_TEXT", "内容过长（最多" + MAX_TEXT + "字）");
                }
            }
            String lead = null;
            String leadText = cell("lead");
            if (leadText.isEmpty()) {
                error("MISSING_LEAD_DEPARTMENT", "缺少“牵头单位”");
            } else {
                lead = department(leadText);
                if (lead == null) {
                    error("UNKNOWN_DEPARTMENT", "牵头单位不存在：" + leadText);
                }
            }
            List<String> cooperating = new ArrayList<>();
            for (String part : cell("cooperating").split("[、,，;；\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                String code = department(part.strip());
                if (code == null) {
                    error("UNKNOWN_DEPARTMENT", "配合单位不存在：" + part.strip());
                } else if (!cooperating.contains(code)) {
                    cooperating.add(code);
                }
            }
            String owner = cell("owner");
            if (owner.isEmpty()) {
                error("MISSING_OWNER", "缺少“责任人”");
            }
            LocalDate deadline = null;
            boolean longTerm = false;
            Integer review = null;
            String deadlineText = cell("deadline");
            if (deadlineText.isEmpty()) {
                error("MISSING_DEADLINE", "缺少“完成时限”");
            } else if (deadlineText.contains(LONG_TERM)) {
                longTerm = true;
                String reviewText = cell("review");
                try {
                    review = reviewText.isEmpty() ? DEFAULT_REVIEW_MONTHS
                            : Integer.parseInt(reviewText.replaceAll("[个月\\s]", ""));
                } catch (NumberFormatException e) {
                    error("INVALID_REVIEW_PERIOD", "评估周期无法识别：" + reviewText);
                }
            } else {
                deadline = date(deadlineText, "完成时限");
            }
            Integer year = integer("year", "年度");
            Integer ordinal = integer("ordinal", "序号");
            LocalDate planned = optionalDate("planned", "下达日期");
            LocalDate assigned = optionalDate("assigned", "分派日期");
            if (planned == null && assigned == null && cell("planned").isEmpty() && cell("assigned").isEmpty()) {
                error("MISSING_PLANNED_DATE", "缺少“分派日期”（未分派的事项填写“下达日期”）");
            }
            List<Progress> progress = new ArrayList<>();
            for (String entry : entries(cell("progress"))) {
                Matcher m = PROGRESS.matcher(entry);
                LocalDate at = m.matches() ? FindingsImport.date(m.group(1)) : null;
                if (at == null || m.group(2).isBlank()) {
                    error("INVALID_PROGRESS", "进展应写作“日期 内容”，多条以“；”分隔：" + entry);
                } else {
                    progress.add(new Progress(at, m.group(2).strip()));
                }
            }
            List<Extension> extensions = new ArrayList<>();
            LocalDate current = deadline;
            for (String entry : entries(cell("extensions"))) {
                Matcher m = EXTENSION.matcher(entry);
                LocalDate to = m.matches() ? FindingsImport.date(m.group(2)) : null;
                LocalDate approved = m.matches() && m.group(1) != null ? FindingsImport.date(m.group(1)) : current;
                if (to == null || approved == null) {
                    error("INVALID_EXTENSION", "延期应写作“批准日期 延至 新时限”，多条以“；”分隔：" + entry);
                } else {
                    extensions.add(new Extension(approved, to));
                    current = to;
                }
            }
            LocalDate completed = optionalDate("completed", "完成日期");
            LocalDate verified = optionalDate("verified", "销号日期");
            LocalDate rejected = optionalDate("rejected", "退回日期");
            if (!errors.isEmpty()) {
                return source == null || lead == null || finding.isEmpty() || measure.isEmpty() ? null
                        : new MigrateItem(idOf(source, reference, reportId, reportMeasureId, lead, finding, measure),
                        source, reference, reportId, reportMeasureId, null, null, 1, measure, measure, List.of(),
                        lead, cooperating, owner, deadline, longTerm, review, planned, assigned, progress,
                        extensions, completed, null, verified, null, rejected, List.of(),
                        new Backdating.Migration(fileName, sha256, rowNo), now, actor);
            }
            String id = idOf(source, reference, reportId, reportMeasureId, lead, finding, measure);
            // the problems one a line; 问题主题, when given, names each one's theme on the same line
            List<String> themes = lines(cell("theme"));
            List<MeasurePlanned.Problem> problems = new ArrayList<>();
            for (String statement : lines(finding)) {
                int p = problems.size() + 1;
                String theme = themes.isEmpty() ? reference : themes.get(Math.min(p, themes.size()) - 1);
                problems.add(new MeasurePlanned.Problem("prb-" + UUID.nameUUIDFromBytes((id + "\u0000" + p)
                        .getBytes(StandardCharsets.UTF_8)), theme, p, statement));
            }
            List<String> reasons = entries(cell("rejection"));
            return new MigrateItem(id, source, reference, reportId, reportMeasureId, blankToNull(cell("author")),
                    year, ordinal == null ? 1 : ordinal, title(measure), measure, problems, lead, cooperating, owner,
                    deadline, longTerm, review, planned, assigned, progress, extensions, completed,
                    blankToNull(cell("summary")), verified, blankToNull(cell("opinion")), rejected, reasons,
                    new Backdating.Migration(fileName, sha256, rowNo), now, actor);
        }

        private LocalDate optionalDate(String column, String name) {
            String text = cell(column);
            return text.isEmpty() ? null : date(text, name);
        }

        private LocalDate date(String text, String name) {
            LocalDate d = FindingsImport.date(text);
            if (d == null) {
                error("INVALID_DATE", name + "无法识别（应为YYYY-MM-DD）：" + text);
            }
            return d;
        }

        private Integer integer(String column, String name) {
            String text = cell(column);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Integer.parseInt(text.replaceAll("[年\\s]", ""));
            } catch (NumberFormatException e) {
                error("INVALID_NUMBER", name + "无法识别：" + text);
                return null;
            }
        }
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R+")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static List<String> entries(String text) {
        List<String> entries = new ArrayList<>();
        for (String e : text.split("[；;\\n]+")) {
            if (!e.isBlank()) {
                entries.add(e.strip());
            }
        }
        return entries;
    }

    private static Map<String, Integer> header(List<String> header) {
        return SheetRows.columns(header, COLUMNS);
    }

    /** A department by code or by its Chinese name. */
    private String department(String text) {
        return SheetRows.department(departments, text);
    }

    private static String title(String measure) {
        return SheetRows.title(measure);
    }

    private static String blankToNull(String value) {
        return SheetRows.blankToNull(value);
    }
}
