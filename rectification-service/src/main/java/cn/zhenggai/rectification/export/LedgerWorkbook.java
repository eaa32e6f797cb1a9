package cn.zhenggai.rectification.export;

import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerRow;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes ledger rows as the usual 整改台账 sheet (.xlsx, Apache POI, streaming): a title row, a styled and frozen
 * header row, one row per item in the usual columns, readable column widths, an auto-filter on the header.
 */
public final class LedgerWorkbook {

    /** The columns, in order; widths below in Excel character units (a Chinese character takes about two). */
    public static final List<String> HEADERS = List.of("序号", "问题来源", "存在问题", "整改措施", "牵头单位", "配合单位",
            "责任人", "完成时限", "整改进展", "完成情况", "预警", "佐证材料", "年年提", "备注");
    private static final int[] WIDTHS = {6, 12, 48, 40, 14, 16, 10, 14, 44, 12, 8, 10, 30, 30};

    private LedgerWorkbook() {
    }

    /** Writes {@code rows} (as the ledger query returns them) under {@code title}, owners as they are stored. */
    public static void write(String title, List<LedgerRow> rows, Function<String, String> departmentName,
                             OutputStream out) throws IOException {
        write(title, rows, departmentName, Function.identity(), out);
    }

    /**
     * Writes {@code rows} under {@code title}: departments by {@code departmentName}, the owner (责任人, a user name when
     * picked from the directory, else a typed name) by {@code personName}.
     */
    public static void write(String title, List<LedgerRow> rows, Function<String, String> departmentName,
                             Function<String, String> personName, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("整改台账");
            CellStyle titleStyle = workbook.createCellStyle();
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            titleStyle.setFont(titleFont);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            titleStyle.setVerticalAlignment(VerticalAlignment.CENTER);

            CellStyle header = workbook.createCellStyle();
            Font headerFont = workbook.createFont();
            headerFont.setBold(true);
            header.setFont(headerFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            borders(header);

            CellStyle body = workbook.createCellStyle();
            body.setWrapText(true);
            body.setVerticalAlignment(VerticalAlignment.TOP);
            borders(body);

            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(28);
            Cell titleCell = titleRow.createCell(0);
            titleCell.setCellValue(title);
            titleCell.setCellStyle(titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));

            Row headerRow = sheet.createRow(1);
            headerRow.setHeightInPoints(22);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = headerRow.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            sheet.createFreezePane(0, 2);
            sheet.setAutoFilter(new CellRangeAddress(1, 1, 0, HEADERS.size() - 1));

            int r = 2;
            for (LedgerRow row : rows) {
                Row line = sheet.createRow(r);
                List<String> values = values(r - 1, row, departmentName, personName);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = line.createCell(c);
                    if (c == 0) {
                        cell.setCellValue(r - 1);
                    } else {
                        cell.setCellValue(values.get(c));
                    }
                    cell.setCellStyle(body);
                }
                r++;
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    static List<String> values(int ordinal, LedgerRow row, Function<String, String> departmentName,
                               Function<String, String> personName) {
        List<String> values = new ArrayList<>();
        values.add(String.valueOf(ordinal));
        values.add(sources(row));
        values.add(text(row.problem()));
        String title = text(row.title());
        String content = text(row.content());
        values.add(content.isEmpty() ? title : title + "\n" + content);
        values.add(departmentName.apply(text(row.leadDepartment())));
        List<String> cooperating = new ArrayList<>();
        row.cooperatingDepartments().forEach(c -> cooperating.add(departmentName.apply(String.valueOf(c))));
        values.add(String.join("、", cooperating));
        values.add(row.owner() == null || row.owner().isBlank() ? "" : personName.apply(row.owner()));
        values.add(deadline(row));
        values.add(text(row.lastProgress()));
        values.add(status(text(row.status()), row.overdue()));
        values.add(colour(text(row.colour())));
        values.add(row.evidenceCount() == 0 ? "" : row.evidenceCount() + "份");
        values.add(recurring(row));
        values.add(remarks(row));
        return values;
    }

    static String status(String status, boolean overdue) {
        String label = switch (status) {
            case "PLANNED" -> "待分派";
            case "IN_PROGRESS" -> "正在整改";
            case "COMPLETED" -> "已完成待验收";
            case "VERIFIED" -> "已销号";
            default -> status;
        };
        return overdue && ("PLANNED".equals(status) || "IN_PROGRESS".equals(status)) ? label + "（逾期）" : label;
    }

    static String colour(String colour) {
        return switch (colour) {
            case "RED" -> "红灯";
            case "YELLOW" -> "黄灯";
            case "GREEN", "" -> "绿灯";
            default -> colour;
        };
    }

    static String sourceLabel(String source) {
        return switch (source == null ? "" : source) {
            case "REPORT" -> "民主生活会";
            case "INSPECTION" -> "巡察反馈";
            case "AUDIT" -> "审计发现";
            default -> source == null ? "" : source;
        };
    }

    private static String sources(LedgerRow row) {
        List<String> labels = new ArrayList<>();
        for (LedgerItem.SourceLink link : row.sources()) {
            String label = sourceLabel(link.source() == null ? null : link.source().name());
            if (!labels.contains(label)) {
                labels.add(label);
            }
        }
        if (labels.isEmpty()) {
            labels.add(sourceLabel(row.source() == null ? null : row.source().name()));
        }
        return String.join("、", labels);
    }

    private static String deadline(LedgerRow row) {
        if (row.longTerm()) {
            return "长期坚持";
        }
        String deadline = text(row.deadline());
        if (!deadline.isEmpty()) {
            return deadline;
        }
        String proposed = text(row.deadlineText());
        return proposed.isEmpty() ? text(row.proposedDeadline()) : proposed;
    }

    private static String recurring(LedgerRow row) {
        if (!row.recurring()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (LedgerRow.Recurrence r : row.recurrences()) {
            lines.add(r.earlierYear() + "年曾提出：" + r.earlierStatement());
        }
        return String.join("\n", lines);
    }

    private static String remarks(LedgerRow row) {
        List<String> notes = new ArrayList<>();
        if (row.pendingExtension() != null) {
            notes.add("申请延期至" + row.pendingExtension().deadline());
        }
        if (row.notices() > 0) {
            notes.add("已督办" + row.notices() + "次");
        }
        if (row.lastRejection() != null && !row.lastRejection().isEmpty()) {
            notes.add("验收退回：" + String.join("；", row.lastRejection()));
        }
        return String.join("；", notes);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static void borders(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }
}
