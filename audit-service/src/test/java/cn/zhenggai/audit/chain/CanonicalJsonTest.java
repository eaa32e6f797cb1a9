package cn.zhenggai.audit.chain;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fixed vectors of zhenggai-cjson-1: a third-party verifier must produce the same bytes. */
class CanonicalJsonTest {

    @Test
    void keysAreSortedByUtf16CodeUnitsAtEveryLevelAndNullsAreKept() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", Map.of("z", true, "y", false));
        value.put("中", "文");
        value.put("B", null);
        value.put("aa", List.of(3, 2, 1));
        assertThat(CanonicalJson.of(value)).isEqualTo("{\"B\":null,\"a\":{\"y\":false,\"z\":true},\"aa\":[3,2,1],\"b\":1,\"中\":\"文\"}");
    }

    @Test
    void stringsEscapeOnlyQuotesBackslashesAndControlCharacters() {
        assertThat(CanonicalJson.of("引号\"反斜杠\\/换行\n制表\t\u0001\u001f€"))
                .isEqualTo("\"引号\\\"反斜杠\\\\/换行\\n制表\\t\\u0001\\u001f€\"");
    }

    @Test
    void numbersArePlainDecimalsWithoutTrailingZeros() {
        assertThat(CanonicalJson.of(Arrays.asList(0, -7, 9_007_199_254_740_993L, new BigInteger("123456789012345678901234567890"),
                2.50, 2.0, 1e21, 0.0001, -0.0)))
                .isEqualTo("[0,-7,9007199254740993,123456789012345678901234567890,2.5,2,1000000000000000000000,0.0001,0]");
    }

    @Test
    void timestampsAreUtcWithMilliseconds() {
        assertThat(CanonicalJson.of(Date.from(Instant.parse("2022-12-20T08:00:01Z")))).isEqualTo("\"2022-12-20T08:00:01.000Z\"");
        assertThat(CanonicalJson.timestamp(Instant.parse("2022-12-20T16:00:01.123+08:00"))).isEqualTo("2022-12-20T08:00:01.123Z");
    }

    @Test
    void linksAreSha256OfThePreviousHashFollowedByTheCanonicalEntry() {
        assertThat(CanonicalJson.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(CanonicalJson.link(CanonicalJson.GENESIS, "{}"))
                .isEqualTo(CanonicalJson.sha256("0000000000000000000000000000000000000000000000000000000000000000{}"));
    }

    /** The worked example of the README ("Verifying an audit bundle"): if this changes, so must the README. */
    @Test
    void theReadmeExampleHoldsByteForByte() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reportId", "r1");
        payload.put("title", "2022年度民主生活会个人发言提纲");
        payload.put("year", 2022);
        payload.put("author", "cadre-1");
        payload.put("department", "XZSPJ");
        assertThat(ChainEntry.payloadHash(payload))
                .isEqualTo("99d0bdc4f3dd8b9072b00225190ebbe5cfe4588246c6039869d792441c74a891");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("_id", "d1");
        record.put("type", "ReportDrafted");
        record.put("revision", "1");
        record.put("aggregateType", "Report");
        record.put("aggregateId", "r1");
        record.put("sequence", 0L);
        record.put("timestamp", Date.from(Instant.parse("2022-12-20T08:00:00Z")));
        record.put("actor", "cadre-1");
        record.put("department", "XZSPJ");
        record.put("source", Map.of("topic", "zhenggai.report.events", "partition", 0, "offset", 0L));
        record.put("loggedAt", Date.from(Instant.parse("2026-11-28T06:02:14.509Z")));
        record.put("position", 1L);
        record.put("aggregateIndex", 0L);
        record.put("payloadSha256", "99d0bdc4f3dd8b9072b00225190ebbe5cfe4588246c6039869d792441c74a891");
        String canonical = ChainEntry.canonical(record);
        assertThat(canonical).isEqualTo("{\"actor\":\"cadre-1\",\"aggregateId\":\"r1\",\"aggregateIndex\":0,"
                + "\"aggregateType\":\"Report\",\"department\":\"XZSPJ\",\"eventId\":\"d1\","
                + "\"loggedAt\":\"2026-11-28T06:02:14.509Z\","
                + "\"payloadSha256\":\"99d0bdc4f3dd8b9072b00225190ebbe5cfe4588246c6039869d792441c74a891\",\"position\":1,"
                + "\"revision\":\"1\",\"sequence\":0,\"source\":{\"offset\":0,\"partition\":0,\"topic\":\"zhenggai.report.events\"},"
                + "\"timestamp\":\"2022-12-20T08:00:00.000Z\",\"type\":\"ReportDrafted\"}");
        assertThat(CanonicalJson.link(CanonicalJson.GENESIS, canonical))
                .isEqualTo("7d75fb08563977196e723a0363cd024c10af7c9964744d8a9e871b165b14d729");
    }

    @Test
    void valuesWithoutACanonicalFormAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
