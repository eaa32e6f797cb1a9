package cn.zhenggai.rectification.export;

import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.rectification.ReadModelStore;
import cn.zhenggai.rectification.ledger.Ledger;
import cn.zhenggai.rectification.ledger.LedgerProjection;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger written as .xlsx and read back with POI: columns, header style, frozen header, widths, values. */
class LedgerWorkbookTest {

    private static final Instant AT = Instant.parse("2026-11-10T02:00:00Z");
    private static final Map<String, String> NAMES = Map.of("XZSPJ", "行政审批局", "ZZB", "组织部");
    private final ReadModelStore store = new ReadModelStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anOwnerPickedFromTheDirectoryIsWrittenByNameAndATypedOneAsTyped() throws Exception {
        LedgerProjection projection = new LedgerProjection(store.database());
        for (String id : List.of("o1", "o2")) {
            projection.on(new MeasurePlanned(id, "XZSPJ", "REPORT", "rpt-1", "msr-" + id, "XZSPJ", "demo-dept", 2026,
                    id.equals("o1") ? 1 : 2, "措施" + id, "", List.of(), null, null, null, null, List.of(), List.of(),
                    List.of()), 0, AT);
        }
        projection.on(new MeasureAssigned("o1", "XZSPJ", "XZSPJ", List.of(), "demo-cadre", "2026-11-30", false, null,
                "demo-dept"), 1, AT);
        projection.on(new MeasureAssigned("o2", "XZSPJ", "XZSPJ", List.of(), "张*", "2026-11-30", false, null,
                "demo-dept"), 1, AT);
        List<LedgerRow> rows = new Ledger(store.database(), ReadModelStore.on("2026-12-03")).rows("XZSPJ");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> people = Map.of("demo-cadre", "行政审批局干部（演示）");
        LedgerWorkbook.write("行政审批局整改台账", rows, c -> NAMES.getOrDefault(c, c), u -> people.getOrDefault(u, u), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("整改台账");
            int owner = LedgerWorkbook.HEADERS.indexOf("责任人");
            assertThat(sheet.getRow(2).getCell(owner).getStringCellValue()).isEqualTo("行政审批局干部（演示）");
            assertThat(sheet.getRow(3).getCell(owner).getStringCellValue()).isEqualTo("张*");
        }
    }

    @Test
    void theLedgerIsExportedInTheUsualColumnsAndReadsBack() throws Exception {
        LedgerProjection projection = new LedgerProjection(store.database());
        projection.on(new MeasurePlanned("m1", "XZSPJ", "REPORT", "rpt-1", "msr-1", "XZSPJ", "demo-dept", 2026, 1,
                "强化理论武装建设，增强学习意识", "认认真真读原著、学原文、悟原理。", List.of(), null, null, null, null,
                List.of(), List.of(), List.of(new MeasurePlanned.Problem("p1", "理论学习", 1, "理论学习的系统性还不够。"))), 0,
                AT);
        projection.on(new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of("ZZB"), "张*", "2026-11-30", false, null,
                "demo-dept"), 1, AT);
        projection.on(new ProgressReported("m1", "XZSPJ", "已开展三次集中学习。", "demo-dept", "XZSPJ",
                List.of(new ProgressReported.Evidence("f1", "学习记录.pdf", "application/pdf", 10, "ab"))), 2, AT);
        projection.on(new MeasureOverdue("m1", "XZSPJ", "2026-11-30", "张*"), 3, AT);
        projection.on(new MeasureColourChanged("m1", "XZSPJ", "RED", "YELLOW", "2026-11-30", "张*"), 4, AT);
        projection.on(new MeasurePlanned("m2", "XZSPJ", "REPORT", "rpt-1", "msr-2", "XZSPJ", "demo-dept", 2026, 2,
                "强化党性修养锤炼", "", List.of(), null, "长期坚持", null, null, List.of(), List.of(), List.of()), 0, AT);

        List<LedgerRow> rows = new Ledger(store.database(), ReadModelStore.on("2026-12-03")).rows("XZSPJ");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerWorkbook.write("行政审批局整改台账", rows, c -> NAMES.getOrDefault(c, c), out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("整改台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("行政审批局整改台账");
            Row header = sheet.getRow(1);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(LedgerWorkbook.HEADERS);
            assertThat(headers).startsWith("序号", "问题来源", "存在问题", "整改措施", "牵头单位", "配合单位", "责任人",
                    "完成时限", "整改进展", "完成情况", "预警");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(sheet.getColumnWidth(0) * 4);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);

            Row first = sheet.getRow(2);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("民主生活会");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("理论学习的系统性还不够。");
            assertThat(first.getCell(3).getStringCellValue()).startsWith("强化理论武装建设，增强学习意识\n认认真真");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("行政审批局");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("组织部");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("张*");
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("2026-11-30");
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo("已开展三次集中学习。");
            assertThat(first.getCell(9).getStringCellValue()).isEqualTo("正在整改（逾期）");
            assertThat(first.getCell(10).getStringCellValue()).isEqualTo("红灯");
            assertThat(first.getCell(11).getStringCellValue()).isEqualTo("1份");
            Row second = sheet.getRow(3);
            assertThat(second.getCell(7).getStringCellValue()).isEqualTo("长期坚持");
            assertThat(second.getCell(9).getStringCellValue()).isEqualTo("待分派");
            assertThat(second.getCell(10).getStringCellValue()).isEqualTo("绿灯");
        }
    }
}
