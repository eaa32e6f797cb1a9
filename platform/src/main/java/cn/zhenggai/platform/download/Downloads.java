package cn.zhenggai.platform.download;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * A file the browser saves instead of showing: {@code Content-Disposition: attachment} with the file name in
 * ASCII-safe and UTF-8 ({@code filename*}) form, so a Chinese name such as {@code 行政审批局整改台账-2025-03-01.xlsx}
 * arrives intact. The one way the services' export endpoints (ledger .xlsx, report .docx, audit bundle and CSV)
 * and the evidence download name what they send.
 */
public final class Downloads {

    private Downloads() {
    }

    /** The {@code Content-Disposition} value of an attachment named {@code fileName}. */
    public static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

    /** The {@code Content-Disposition} value of a file the browser shows itself (PDF, image), named {@code fileName}. */
    public static String inline(String fileName) {
        return ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

    /** 200 with the bytes as an attachment named {@code fileName} of the given type. */
    public static ResponseEntity<byte[]> file(String fileName, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
                .body(content);
    }
}
