package cn.zhenggai.report.importing;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.outline.OutlineParseException.Code;
import cn.zhenggai.outline.OutlineParseException;
import cn.zhenggai.platform.web.ApiExceptionHandler;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reason the parser refuses an upload has its HTTP status, its code and a Chinese message. */
class OutlineRefusalTest {

    @Test
    void everyParserCodeIsAFourHundredWithItsCodeAndAChineseMessage() {
        Map<Code, Integer> statuses = new EnumMap<>(Code.class);
        statuses.put(Code.UNREADABLE, 400);
        statuses.put(Code.EMPTY, 400);
        statuses.put(Code.BINARY, 400);
        statuses.put(Code.TOO_LARGE, 413);
        statuses.put(Code.NOT_DOCX, 400);
        statuses.put(Code.ZIP_BOMB, 400);
        statuses.put(Code.NO_STRUCTURE, 400);
        statuses.put(Code.UNSUPPORTED_TYPE, 415);
        statuses.put(Code.ENCRYPTED, 400);
        statuses.put(Code.CORRUPT, 400);
        statuses.put(Code.NO_TEXT, 400);
        statuses.put(Code.OCR_UNAVAILABLE, 422);
        statuses.put(Code.TOO_MANY_PAGES, 413);
        statuses.put(Code.IMAGE_TOO_LARGE, 413);
        statuses.put(Code.STREAM_BOMB, 400);
        assertThat(statuses.keySet()).as("a status decided for every code").containsExactlyInAnyOrder(Code.values());

        for (Code code : Code.values()) {
            Refusal refusal = OutlineController.refusal(
                    new OutlineParseException(code, "an English log line: offset 1234 in /tmp/x"));
            assertThat(ApiExceptionHandler.status(refusal.kind()).value()).as(code.name()).isEqualTo(statuses.get(code));
            assertThat(refusal.code()).isEqualTo(code.name());
            assertThat(refusal.getMessage()).as(code.name()).containsPattern("[\\u4e00-\\u9fff]")
                    .doesNotContain("English").doesNotContain("/tmp");
        }
    }

    @Test
    void theUnsupportedTypeMessageNamesEveryKindTheParserReads() {
        String message = OutlineController.refusal(new OutlineParseException(Code.UNSUPPORTED_TYPE, "x")).getMessage();

        assertThat(message).contains(".txt", ".md", ".docx", ".doc", ".wps", ".pdf", ".png", ".jpg", ".tif");
    }
}
