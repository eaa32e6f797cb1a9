package cn.zhenggai.rectification.sources;

import cn.zhenggai.contracts.rectification.FindingOutcome;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.rectification.DepartmentDirectory;
import cn.zhenggai.rectification.measure.Commands.LinkSource;
import cn.zhenggai.rectification.measure.Commands.PlanFinding;
import cn.zhenggai.rectification.measure.MeasureIds;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports 巡察反馈 and 审计 findings from a sheet (ADR 0032): every row is checked first — a missing column, an unknown
 * department, a date in the past or unreadable, an unknown item — and a sheet with any error is refused whole with
 * row-numbered Chinese messages; only a clean sheet is applied. A row naming an existing item (事项编号), or stating a
 * finding already imported, links its source to that item instead of planning a new one.
 */
@Component
public class FindingsImport {

    static final String LONG_TERM = "长期坚持";
    static final int DEFAULT_REVIEW_MONTHS = 6;
    private static final int MAX_TEXT = 4000;
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*[年/.-]\\s*(\\d{1,2})\\s*[月/.-]\\s*(\\d{1,2})\\s*日?");

    /** Column → the header names it may have (first match wins). */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("source", List.of("来源"));
        COLUMNS.put("reference", List.of("文号/批次", "文号", "批次", "文号批次"));
        COLUMNS.put("finding", List.of("问题", "问题描述", "发现问题"));
        COLUMNS.put("measure", List.of("整改措施", "措施"));
        COLUMNS.put("lead", List.of("牵头单位", "牵头部门"));
        COLUMNS.put("cooperating", List.of("配合单位", "配合部门"));
        COLUMNS.put("owner", List.of("责任人"));
        COLUMNS.put("deadline", List.of("完成时限", "整改时限"));
        COLUMNS.put("review", List.of("评估周期", "评估周期（月）", "评估周期(月)"));
        COLUMNS.put("measureId", List.of("事项编号", "measureId"));
    }

    private static final List<String> REQUIRED = List.of("source", "finding", "measure", "lead", "owner", "deadline");

    private final DepartmentDirectory departments;
    private final EventStore eventStore;
    private final CommandSender commands;
    private final Clock clock;

    public FindingsImport(DepartmentDirectory departments, EventStore eventStore, CommandSender commands, Clock clock) {
        this.departments = departments;
        this.eventStore = eventStore;
        this.commands = commands;
        this.clock = clock;
    }

    /** A sheet row checked: what it will do, or its errors. */
    public record Row(int row, String source, String reference, String finding, String measure, String lead,
                      List<String> cooperating, String owner, LocalDate deadline, Integer reviewMonths,
                      String measureId, String action) {
    }

    /** A refused row (行号 as in the sheet, header = row 1). */
    public record RowError(int row, String message) {
    }

    public record Checked(List<Row> rows, List<RowError> errors) {
    }

    /** Checks every row of {@code sheet} (header first); changes nothing. */
    public Checked check(List<List<String>> sheet) {
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (sheet.isEmpty() || sheet.get(0).stream().allMatch(String::isBlank)) {
            errors.add(new RowError(1, "第1行：缺少表头"));
            return new Checked(rows, errors);
        }
        Map<String, Integer> index = header(sheet.get(0));
        List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c))
                .map(c -> COLUMNS.get(c).get(0)).toList();
        if (!missing.isEmpty()) {
            errors.add(new RowError(1, "第1行：缺少列：" + String.join("、", missing)));
            return new Checked(rows, errors);
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, String> plannedInSheet = new HashMap<>();
        for (int r = 1; r < sheet.size(); r++) {
            List<String> cells = sheet.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            int rowNo = r + 1;
            List<String> rowErrors = new ArrayList<>();
            String sourceText = cell(cells, index, "source");
            String source = switch (sourceText) {
                case "巡察", "巡察反馈" -> MeasurePlanned.SOURCE_INSPECTION;
                case "审计", "审计发现", "审计整改" -> MeasurePlanned.SOURCE_AUDIT;
                default -> null;
            };
            if (source == null) {
                rowErrors.add(sourceText.isEmpty() ? "缺少“来源”" : "来源须为“巡察”或“审计”：" + sourceText);
            }
            String reference = blankToNull(cell(cells, index, "reference"));
            String finding = cell(cells, index, "finding");
            if (finding.isEmpty()) {
                rowErrors.add("缺少“问题”");
            }
            String measureId = blankToNull(cell(cells, index, "measureId"));
            String existing = measureId;
            if (measureId != null && (!measureId.matches("[A-Za-z0-9-]{1,80}") || !exists(measureId))) {
                rowErrors.add("事项编号不存在：" + measureId);
            }
            String measure = cell(cells, index, "measure");
            String leadText = cell(cells, index, "lead");
            String owner = cell(cells, index, "owner");
            String deadlineText = cell(cells, index, "deadline");
            String lead = null;
            List<String> cooperating = new ArrayList<>();
            LocalDate deadline = null;
            Integer review = null;
            String findingId = finding.isEmpty() ? null : MeasureIds.fromFinding(finding);
            boolean linking = existing != null || (findingId != null
                    && (plannedInSheet.containsKey(findingId) || exists(findingId)));
            if (!linking) {
                if (measure.isEmpty()) {
                    rowErrors.add("缺少“整改措施”");
                }
                if (leadText.isEmpty()) {
                    rowErrors.add("缺少“牵头单位”");
                } else {
                    lead = department(leadText);
                    if (lead == null) {
                        rowErrors.add("牵头单位不存在：" + leadText);
                    }
                }
                for (String part : cell(cells, index, "cooperating").split("[、,，;；\\s]+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String code = department(part.strip());
                    if (code == null) {
                        rowErrors.add("配合单位不存在：" + part.strip());
                    } else if (!cooperating.contains(code)) {
                        cooperating.add(code);
                    }
                }
                if (owner.isEmpty()) {
                    rowErrors.add("缺少“责任人”");
                }
                if (deadlineText.isEmpty()) {
                    rowErrors.add("缺少“完成时限”");
                } else if (deadlineText.contains(LONG_TERM)) {
                    String reviewText = cell(cells, index, "review");
                    try {
                        review = reviewText.isEmpty() ? DEFAULT_REVIEW_MONTHS
                                : Integer.parseInt(reviewText.replaceAll("[个月\\s]", ""));
                        if (review < 1 || review > 12) {
                            rowErrors.add("评估周期须为1至12个月：" + reviewText);
                        }
                    } catch (NumberFormatException e) {
                        rowErrors.add("评估周期无法识别：" + reviewText);
                    }
                } else {
                    deadline = date(deadlineText);
                    if (deadline == null) {
                        rowErrors.add("完成时限无法识别（应为YYYY-MM-DD或“长期坚持”）：" + deadlineText);
                    } else if (deadline.isBefore(today)) {
                        rowErrors.add("完成时限早于今天：" + deadline);
                    }
                }
            }
            for (String text : List.of(finding, measure)) {
                if (text.length() > MAX_TEXT) {
                    rowErrors.add("内容过长（最多" + MAX_TEXT + "字）");
                }
            }
            if (!rowErrors.isEmpty()) {
                rowErrors.forEach(m -> errors.add(new RowError(rowNo, "第" + rowNo + "行：" + m)));
                continue;
            }
            String target = existing != null ? existing : findingId;
            if (!linking) {
                plannedInSheet.put(findingId, target);
            }
            rows.add(new Row(rowNo, source, reference, finding, measure, lead, List.copyOf(cooperating), owner,
                    deadline, review, target, linking ? "LINK" : "PLAN"));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(2, "第2行：没有可导入的数据行"));
        }
        return new Checked(rows, errors);
    }

    /** What importing one row did: {@code outcome} PLANNED, LINKED or UNCHANGED. */
    public record Outcome(int row, String measureId, FindingOutcome outcome) {
    }

    /** Applies checked rows in sheet order; answers each row's outcome (PLANNED, LINKED, UNCHANGED). */
    public List<Outcome> apply(List<Row> rows, String importedBy, String importerDepartment) {
        LocalDate today = LocalDate.now(clock);
        List<Outcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
            Object command = row.action().equals("PLAN") || !exists(row.measureId())
                    ? new PlanFinding(row.measureId(), row.source(), row.reference(), null, row.finding(),
                    title(row.measure()), row.measure(), row.lead(), row.cooperating(), row.owner(), row.deadline(),
                    row.reviewMonths(), today, importedBy)
                    : new LinkSource(row.measureId(), row.source(), row.reference(), row.finding());
            FindingOutcome outcome = FindingOutcome.valueOf(commands.send(command, importedBy, importerDepartment));
            outcomes.add(new Outcome(row.row(), row.measureId(), outcome));
        }
        return outcomes;
    }

    private boolean exists(String measureId) {
        return eventStore.lastSequenceNumberFor(measureId).isPresent();
    }

    private static Map<String, Integer> header(List<String> header) {
        return SheetRows.columns(header, COLUMNS);
    }

    private static String cell(List<String> cells, Map<String, Integer> index, String column) {
        Integer c = index.get(column);
        return c == null || c >= cells.size() || cells.get(c) == null ? "" : cells.get(c).strip();
    }

    /** A department by code or by its Chinese name. */
    private String department(String text) {
        return SheetRows.department(departments, text);
    }

    static LocalDate date(String text) {
        String t = text.strip();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            Matcher m = CHINESE_DATE.matcher(t);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (java.time.DateTimeException invalid) {
                    return null;
                }
            }
            return null;
        }
    }

    private static String title(String measure) {
        return SheetRows.title(measure);
    }

    private static String blankToNull(String value) {
        return SheetRows.blankToNull(value);
    }
}
