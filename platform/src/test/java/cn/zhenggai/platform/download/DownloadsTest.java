package cn.zhenggai.platform.download;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadsTest {

    @Test
    void aChineseFileNameIsSentAsAnAttachmentAndReadBackIntact() {
        ResponseEntity<byte[]> answer = Downloads.file("行政审批局整改台账-2025-03-01.xlsx", MediaType.TEXT_PLAIN,
                "x".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
        String header = answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(header).startsWith("attachment").contains("filename*=UTF-8''");
        ContentDisposition parsed = ContentDisposition.parse(header);
        assertThat(parsed.isAttachment()).isTrue();
        assertThat(parsed.getFilename()).isEqualTo("行政审批局整改台账-2025-03-01.xlsx");
        assertThat(answer.getBody()).containsExactly('x');
    }

    @Test
    void aFileShownInTheBrowserIsInlineWithItsChineseNameIntact() {
        String header = Downloads.inline("长效机制制度文件.pdf");

        assertThat(header).startsWith("inline").contains("filename*=UTF-8''");
        ContentDisposition parsed = ContentDisposition.parse(header);
        assertThat(parsed.isInline()).isTrue();
        assertThat(parsed.getFilename()).isEqualTo("长效机制制度文件.pdf");
    }

    @Test
    void anAsciiNameIsQuotedAsItIs() {
        assertThat(Downloads.attachment("audit-r1-2025-03-01.csv"))
                .startsWith("attachment; filename=\"audit-r1-2025-03-01.csv\"");
    }
}
