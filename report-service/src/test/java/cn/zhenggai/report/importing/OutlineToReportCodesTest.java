package cn.zhenggai.report.importing;

import cn.zhenggai.outline.Outline;
import cn.zhenggai.outline.Problem;
import cn.zhenggai.outline.WarningCode;
import cn.zhenggai.report.drafting.Editor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the import settles is said as codes with parameters, its Chinese sentences ending {@code warnings}. */
class OutlineToReportCodesTest {

    @Test
    void whatTheImportSettlesComesAsCodesWhoseSentencesEndTheWarnings() {
        Outline messy = new Outline("", 1890, null, List.of(), List.of(new Problem("", 1, "问题一。", null),
                new Problem("", 1, "问题二。", null)), List.of(), List.of(), null, List.of(), List.of("解析提示"));

        OutlineToReport.Mapped mapped = OutlineToReport.map(messy, "r1", null, null, null,
                Editor.member("demo-dept", "XZSPJ"), new AtomicInteger()::toString);

        assertThat(mapped.settled()).extracting(ImportWarning::code).containsExactly(ImportWarningCode.YEAR_IGNORED,
                ImportWarningCode.TITLE_DEFAULTED, ImportWarningCode.PROBLEM_RENUMBERED,
                ImportWarningCode.PROBLEMS_UNDER_DEFAULT_THEME);
        assertThat(mapped.settled().get(2).params()).isEqualTo(Map.of("theme", "未分方面", "ordinal", "1",
                "renumbered", "2"));
        assertThat(mapped.warnings()).containsExactly("解析提示", "年度“1890”不合理，已忽略",
                "未识别出标题，已使用“民主生活会发言提纲”", "“未分方面”下第1个问题的序号重复或跳号，已按顺序编为第2个",
                "部分问题未归入任何方面，已归入“未分方面”");
    }

    /** The UI translates the parser's and this service's codes from one table keyed by name: no name may mean two things. */
    @Test
    void noCodeOfThisServiceHasTheNameOfAParserCode() {
        assertThat(Arrays.stream(ImportWarningCode.values()).map(Enum::name))
                .doesNotContainAnyElementsOf(Arrays.stream(WarningCode.values()).map(Enum::name).toList());
    }

    /**
     * The UI's one table (gateway static/js/warnings.js) holds every code of the parser and of this service, with the
     * same Chinese template as the server's: a code added on one side only, or worded differently, fails here.
     */
    @Test
    void theUiTableTranslatesEveryCodeAsTheServerWordsIt() throws IOException {
        Path table = Path.of("..", "gateway", "src", "main", "resources", "static", "js", "warnings.js");
        Matcher entry = Pattern.compile("^\\s+([A-Z][A-Z0-9_]+): '([^']*)',?\\s*$", Pattern.MULTILINE)
                .matcher(Files.readString(table, StandardCharsets.UTF_8));
        Map<String, String> ui = new LinkedHashMap<>();
        while (entry.find()) {
            ui.put(entry.group(1), entry.group(2));
        }
        Map<String, String> server = new LinkedHashMap<>();
        Arrays.stream(WarningCode.values()).forEach(code -> server.put(code.name(), code.template()));
        Arrays.stream(ImportWarningCode.values()).forEach(code -> server.put(code.name(), code.template()));

        assertThat(ui).containsExactlyInAnyOrderEntriesOf(server);
    }
}
