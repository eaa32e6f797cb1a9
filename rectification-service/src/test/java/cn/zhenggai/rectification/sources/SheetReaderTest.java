package cn.zhenggai.rectification.sources;

import cn.zhenggai.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading findings sheets: CSV quoting, encodings, row numbers, dates as people write them. */
class SheetReaderTest {

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        List<List<String>> rows = SheetReader.csv("来源,问题\r\n审计,\"一是台账不全，二是\"\"验收\"\"缺失,\n需整改\"\n");
        assertThat(rows).containsExactly(List.of("来源", "问题"), List.of("审计", "一是台账不全，二是\"验收\"缺失,\n需整改"));
    }

    @Test
    void blankLinesKeepTheSheetsRowNumbers() {
        List<List<String>> rows = SheetReader.csv("来源,问题\n\n巡察,问题。\n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).isEmpty();
        assertThat(rows.get(2)).containsExactly("巡察", "问题。");
    }

    @Test
    void utf8WithBomAndGb18030AreBothRead() {
        byte[] bom = ("\uFEFF来源,问题\n巡察,问题。\n").getBytes(StandardCharsets.UTF_8);
        assertThat(SheetReader.read("a.csv", bom).get(0)).containsExactly("来源", "问题");
        byte[] gbk = "来源,问题\n巡察,问题。\n".getBytes(Charset.forName("GB18030"));
        assertThat(SheetReader.read("a.CSV", gbk).get(1)).containsExactly("巡察", "问题。");
    }

    @Test
    void otherFilesAreRefused() {
        assertThatThrownBy(() -> SheetReader.read("a.pdf", new byte[]{1}))
                .isInstanceOf(Refusal.class).hasMessageContaining("仅支持");
        assertThatThrownBy(() -> SheetReader.read("a.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Refusal.class).hasMessageContaining("无法读取Excel文件");
    }

    @Test
    void datesAreReadAsPeopleWriteThem() {
        assertThat(FindingsImport.date("2024-06-30")).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(FindingsImport.date("2024年6月30日")).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(FindingsImport.date("2024/6/30")).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(FindingsImport.date("2024年2月30日")).isNull();
        assertThat(FindingsImport.date("年底前")).isNull();
    }
}
