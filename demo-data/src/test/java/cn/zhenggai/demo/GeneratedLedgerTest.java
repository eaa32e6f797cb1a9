package cn.zhenggai.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generated ledger sheets (ADR 0093): one department or all in turn, items numbered on across sheets, steps past. */
class GeneratedLedgerTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-04");

    private static String cell(List<String> row, String column) {
        return row.get(GeneratedLedger.HEADER.indexOf(column));
    }

    @Test
    void everyItemOfASheetForOneDepartmentIsLedByIt() {
        List<List<String>> sheet = GeneratedLedger.sheet(1, 500, List.of("CZJ"), TODAY);

        assertThat(sheet).hasSize(501);
        assertThat(sheet.get(0)).isEqualTo(GeneratedLedger.HEADER);
        for (List<String> row : sheet.subList(1, sheet.size())) {
            assertThat(row).hasSize(GeneratedLedger.HEADER.size());
            assertThat(cell(row, "牵头单位")).isEqualTo("CZJ");
            assertThat(LocalDate.parse(cell(row, "分派日期"))).isBefore(TODAY);
            assertThat(LocalDate.parse(cell(row, "下达日期"))).isBefore(LocalDate.parse(cell(row, "分派日期")));
            if (!cell(row, "销号日期").isEmpty()) {
                assertThat(LocalDate.parse(cell(row, "销号日期"))).isBefore(TODAY);
            }
        }
        assertThat(cell(sheet.get(1), "问题")).startsWith("第501项问题");
        assertThat(cell(sheet.get(500), "问题")).startsWith("第1000项问题");
    }

    @Test
    void departmentsLeadInTurnAndSheetsNeverRepeatAnItem() {
        Set<String> problems = new HashSet<>();
        Set<String> leads = new HashSet<>();
        for (int s = 0; s < 3; s++) {
            List<List<String>> sheet = GeneratedLedger.sheet(s, 100, List.of("XZSPJ", "CZJ"), TODAY);
            sheet.subList(1, sheet.size()).forEach(row -> {
                problems.add(cell(row, "问题"));
                leads.add(cell(row, "牵头单位"));
            });
        }
        assertThat(problems).hasSize(300);
        assertThat(leads).containsExactlyInAnyOrder("XZSPJ", "CZJ");
    }

    @Test
    void aSheetHasOneToTwoThousandRowsAndADepartment() {
        assertThatThrownBy(() -> GeneratedLedger.sheet(0, 0, List.of("CZJ"), TODAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratedLedger.sheet(0, 2001, List.of("CZJ"), TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000");
        assertThatThrownBy(() -> GeneratedLedger.sheet(0, 10, List.of(), TODAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GeneratedLedger.sheet(0, 2000, List.of("CZJ"), TODAY)).hasSize(2001);
    }
}
