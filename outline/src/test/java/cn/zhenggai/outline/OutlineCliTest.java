package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract of DESIGN §7: JSON on stdout and exit 0, or one line on stderr and exit 2. */
class OutlineCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return OutlineCli.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void parsePrintsPrettyUtf8JsonWithTheFixedFieldNames() throws IOException {
        int code = run("parse", Fixtures.resourcePath(Fixtures.SAMPLE).toString());

        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\n").contains("\"title\" : \"行政审批局2022年度民主生活会个人发言提纲\"");
        JsonNode root = new ObjectMapper().readTree(json);
        // DESIGN §7's fields first and in order; fields added later come after them
        assertThat(iterable(root.fieldNames())).containsExactly("title", "year", "notice", "carryOver", "problems",
                "cleanAreas", "rootCauses", "personalMatters", "measures", "warnings", "carryOverSummary",
                "warningCodes", "source");
        assertThat(root.get("source").get("kind").asText()).isEqualTo("TEXT");
        assertThat(iterable(root.get("problems").get(0).fieldNames())).startsWith("theme", "ordinal", "statement", "example");
        assertThat(iterable(root.get("carryOver").get(0).fieldNames())).startsWith("heading", "items");
        assertThat(iterable(root.get("rootCauses").get(0).fieldNames())).startsWith("title", "analysis");
        assertThat(iterable(root.get("personalMatters").fieldNames())).startsWith("text", "secretary", "officialCar",
                "sideIncome", "travelAbroad", "familyBusiness", "properties");
        assertThat(iterable(root.get("personalMatters").get("properties").get(0).fieldNames()))
                .startsWith("kind", "location", "areaM2");
        assertThat(iterable(root.get("measures").get(0).fieldNames())).startsWith("title", "content", "deadline", "actions");
        assertThat(root.get("year").asInt()).isEqualTo(2022);
        assertThat(root.get("personalMatters").get("properties").get(0).get("areaM2").asText()).isEqualTo("*");
        assertThat(root.get("measures").get(0).get("deadline").isNull()).isTrue();
        // warnings[i] is the Chinese text of warningCodes[i], index for index
        JsonNode warnings = root.get("warnings");
        JsonNode codes = root.get("warningCodes");
        assertThat(warnings.size()).isEqualTo(codes.size()).isPositive();
        for (int i = 0; i < warnings.size(); i++) {
            JsonNode warningCode = codes.get(i);
            assertThat(iterable(warningCode.fieldNames())).containsExactly("code", "params");
            java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
            warningCode.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            String text = new OutlineWarning(WarningCode.valueOf(warningCode.get("code").asText()), params).text();
            assertThat(warnings.get(i).asText()).isEqualTo(text);
        }
        assertThat(codes.get(0).get("code").asText()).isEqualTo("SECTION_NUMERAL_REPEATED");
        assertThat(warnings.get(0).asText()).startsWith("章节序号“二”重复使用");
    }

    @Test
    void datesAreIsoStrings() throws IOException {
        Path file = dir.resolve("outline.txt");
        Files.write(file, Fixtures.resource("2023-jiaoyu-ju-banzi-gbk.txt"));
        assertThat(run("parse", file.toString())).isZero();
        JsonNode measure = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("measures").get(0);
        assertThat(measure.get("deadline").asText()).isEqualTo("2024-12-31");
        assertThat(measure.get("actions").get(0).get("deadline").asText()).isEqualTo("2024-03-31");
    }

    @Test
    void docxParses() throws IOException {
        Path file = dir.resolve("outline.docx");
        Files.write(file, Fixtures.docxOutline());
        assertThat(run("parse", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"notice\" : \"区委发〔2023〕28号\"");
    }

    @Test
    void badInputExitsTwoWithOneLineAndCreatesNothing() throws IOException {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.write(dir.resolve("junk.txt"), junk);
        Files.write(dir.resolve("fake.docx"), "not a zip".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("bomb.docx"), Fixtures.zipBomb(120));
        Files.write(dir.resolve("notes.txt"), "今天召开例会。\n会议通报了工作进展。\n".getBytes(StandardCharsets.UTF_8));
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[20 * 1024 * 1024]);
        List<Path> before = list(dir);

        assertFails("empty.txt", "EMPTY");
        assertFails("junk.txt", "BINARY");
        assertFails("fake.docx", "NOT_DOCX");
        assertFails("bomb.docx", "ZIP_BOMB");
        assertFails("notes.txt", "NO_STRUCTURE");
        assertFails("big.txt", "TOO_LARGE");
        assertFails("missing.txt", "UNREADABLE");

        assertThat(list(dir)).isEqualTo(before);
    }

    @Test
    void docAndWpsParse() throws IOException {
        Path doc = dir.resolve("提纲.doc");
        Files.write(doc, LegacyWordTest.legacy("sample-2022.doc"));
        assertThat(run("parse", doc.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"kind\" : \"DOC\"").contains("行政审批局");
    }

    @Test
    void badInputOfTheNewKindsExitsTwoWithItsCode() throws IOException {
        byte[] printed = PdfFixtures.outline(Fixtures.sampleText(), 0).pdf();
        Files.write(dir.resolve("locked.pdf"), PdfFixtures.encrypted(printed, "owner", "user", true));
        Files.write(dir.resolve("long.pdf"), PdfFixtures.pages(PdfReader.MAX_PAGES + 1));
        Files.write(dir.resolve("bomb.pdf"), PdfFixtures.streamBomb(1, false));
        Files.write(dir.resolve("locked.doc"), LegacyWordTest.encryptedDoc(LegacyWordTest.legacy("sample-2022.doc"), "pw"));
        Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("outline.rtf"), "{\\rtf1 x}".getBytes(StandardCharsets.US_ASCII));
        List<Path> before = list(dir);

        assertFails("locked.pdf", "ENCRYPTED");
        assertFails("long.pdf", "TOO_MANY_PAGES");
        assertFails("bomb.pdf", "STREAM_BOMB");
        assertFails("locked.doc", "ENCRYPTED");
        assertFails("broken.pdf", "CORRUPT");
        assertFails("outline.rtf", "UNSUPPORTED_TYPE");

        assertThat(list(dir)).isEqualTo(before);
    }

    @Test
    void wrongUsageExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("convert", "x.txt")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: outline parse FILE");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(run("--help")).isZero();
    }

    private void assertFails(String fileName, String code) {
        out.reset();
        err.reset();
        int exit = run("parse", dir.resolve(fileName).toString());
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(fileName).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).as(fileName).isEmpty();
        assertThat(stderr.lines().count()).as(stderr).isEqualTo(1);
        assertThat(stderr).as(fileName).startsWith("outline: " + code + ": ");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
