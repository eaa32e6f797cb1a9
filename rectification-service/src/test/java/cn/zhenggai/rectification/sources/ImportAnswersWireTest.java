package cn.zhenggai.rectification.sources;

import cn.zhenggai.contracts.rectification.FindingOutcome;
import cn.zhenggai.contracts.rectification.MigrationOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import answers as records write the JSON the maps they replaced wrote (ADR 0105): same keys, same order, the
 * 400 answer's {@code code} and {@code message} only when refused; in the service's JSON (Jackson 3).
 */
class ImportAnswersWireTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static final FindingsImport.Row FINDING = new FindingsImport.Row(2, "AUDIT", "审计〔2024〕1号", "问题。",
            "措施。", "XZSPJ", List.of("ZZB"), "张*", LocalDate.of(2030, 6, 30), null, "mea-1", "PLAN");
    private static final FindingsImport.RowError FINDING_ERROR = new FindingsImport.RowError(3, "第3行：缺少“问题”");
    private static final HistoryImport.RowError HISTORY_ERROR = new HistoryImport.RowError(3, "MISSING_FINDING",
            "第3行：缺少“问题”");
    private static final HistoryImport.Row HISTORY = new HistoryImport.Row(2, "mea-2", "措施", "XZSPJ", "VERIFIED",
            false, 5, "2023-01-01T01:00:00Z", "2023-06-01T01:00:00Z", "NEW", null);

    @Test
    void theFindingsImportAnswersAreTheMapsJson() throws Exception {
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("valid", false);
        preview.put("rows", List.of(FINDING));
        preview.put("errors", List.of(FINDING_ERROR));
        assertSameJson(new FindingsImportController.Preview(false, List.of(FINDING), List.of(FINDING_ERROR)),
                preview);

        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("code", "INVALID_SHEET");
        refused.put("message", "导入文件有1处错误");
        refused.put("errors", List.of(FINDING_ERROR));
        assertSameJson(new FindingsImportController.Refused("INVALID_SHEET", "导入文件有1处错误",
                List.of(FINDING_ERROR)), refused);

        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("row", 2);
        outcome.put("measureId", "mea-1");
        outcome.put("outcome", "PLANNED");
        Map<String, Object> imported = new LinkedHashMap<>();
        imported.put("planned", 1L);
        imported.put("linked", 0L);
        imported.put("unchanged", 0L);
        imported.put("rows", List.of(outcome));
        assertSameJson(new FindingsImportController.Imported(1, 0, 0,
                List.of(new FindingsImport.Outcome(2, "mea-1", FindingOutcome.PLANNED))), imported);
    }

    @Test
    void theHistoryImportAnswersAreTheMapsJson() throws Exception {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rows", 1L);
        counts.put("new", 1L);
        counts.put("existing", 0L);
        counts.put("events", 5L);
        HistoryImportController.Counts typedCounts = new HistoryImportController.Counts(1, 1, 0, 5);

        Map<String, Object> dry = new LinkedHashMap<>();
        dry.put("fileName", "历史台账.xlsx");
        dry.put("sha256", "ab");
        dry.put("dryRun", true);
        dry.put("valid", true);
        dry.put("counts", counts);
        dry.put("items", List.of(HISTORY));
        dry.put("errors", List.of());
        assertSameJson(new HistoryImportController.Checked(null, null, "历史台账.xlsx", "ab", true, true, typedCounts,
                List.of(HISTORY), List.of()), dry);

        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("code", "INVALID_SHEET");
        refused.put("message", "历史台账有1处错误");
        refused.put("fileName", "历史台账.xlsx");
        refused.put("sha256", "ab");
        refused.put("dryRun", false);
        refused.put("valid", false);
        refused.put("counts", counts);
        refused.put("items", List.of(HISTORY));
        refused.put("errors", List.of(HISTORY_ERROR));
        assertSameJson(new HistoryImportController.Checked("INVALID_SHEET", "历史台账有1处错误", "历史台账.xlsx", "ab",
                false, false, typedCounts, List.of(HISTORY), List.of(HISTORY_ERROR)), refused);

        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("row", 2);
        outcome.put("measureId", "mea-2");
        outcome.put("title", "措施");
        outcome.put("leadDepartment", "XZSPJ");
        outcome.put("status", null);
        outcome.put("overdue", false);
        outcome.put("events", 5);
        outcome.put("firstEffectiveAt", "2023-01-01T01:00:00Z");
        outcome.put("lastEffectiveAt", "2023-06-01T01:00:00Z");
        outcome.put("outcome", "MIGRATED");
        Map<String, Object> migrated = new LinkedHashMap<>();
        migrated.put("fileName", "历史台账.xlsx");
        migrated.put("sha256", "ab");
        migrated.put("dryRun", false);
        migrated.put("counts", counts);
        migrated.put("items", List.of(outcome));
        migrated.put("errors", List.of());
        assertSameJson(new HistoryImportController.Migrated("历史台账.xlsx", "ab", false, typedCounts,
                List.of(new HistoryImport.Outcome(2, "mea-2", "措施", "XZSPJ", null, false, 5, "2023-01-01T01:00:00Z",
                        "2023-06-01T01:00:00Z", MigrationOutcome.MIGRATED)), List.of()), migrated);
    }

    private void assertSameJson(Object typed, Map<String, Object> map) throws Exception {
        assertThat(json.writeValueAsString(typed)).isEqualTo(json.writeValueAsString(map));
    }
}
