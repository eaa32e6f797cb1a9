package cn.zhenggai.report.exporting;

import cn.zhenggai.report.viewing.ReportView;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The export never fails on what the record holds, whatever characters older events carry. */
class DocxExporterTest {

    @Test
    void aTitleWithLineBreaksControlCharactersAndALoneSurrogateIsExported() throws IOException {
        ReportView report = new ReportView();
        report.reportId = "rpt-1";
        report.title = "2022年度民主生活会\n个人发言\u0000提纲\ud800";
        report.year = 2022;
        report.cleanAreas = java.util.List.of("廉洁\u0007自律");

        byte[] docx = DocxExporter.export(report, null);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String title = doc.getParagraphs().get(0).getText();
            assertThat(title).startsWith("2022年度民主生活会").contains("个人发言").contains("提纲");
            assertThat(title).doesNotContain("\u0000");
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
            assertThat(text).contains("廉洁\uFFFD自律");
        }
    }

    @Test
    void theFileNameIsOneLineWithoutCharactersFileSystemsRefuse() {
        assertThat(DocxExporter.fileName("2022年度\r\n民主生活会/发言:提纲\u0000")).isEqualTo("2022年度 民主生活会 发言 提纲.docx");
        assertThat(DocxExporter.fileName("\n\t")).isEqualTo("发言提纲.docx");
        assertThat(DocxExporter.fileName(null)).isEqualTo("发言提纲.docx");
        String header = ContentDisposition.attachment()
                .filename(DocxExporter.fileName("标题\n第二行\ud800"), StandardCharsets.UTF_8).build().toString();
        assertThat(header).doesNotContain("\n").doesNotContain("\r");
    }
}
