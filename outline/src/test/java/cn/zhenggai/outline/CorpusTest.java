package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus: outlines written for these tests in the styles real ones take (other bureaus, years 2019–2025 and
 * their themes, members' and teams' reports, every numbering and example style, renamed and reordered sections,
 * template-site noise). Each {@code NAME.txt}/{@code NAME.md} has {@code NAME.expected.json}: the counts the
 * parser must find, the summary numbers, the warning codes, and noise strings that must appear in no field.
 */
class CorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> outlines() throws Exception {
        try (Stream<Path> files = Files.list(corpusDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt") || n.endsWith(".md"))
                    .sorted().toList().stream();
        }
    }

    private static Path corpusDir() throws Exception {
        return Paths.get(CorpusTest.class.getResource("/corpus").toURI());
    }

    @Test
    void theCorpusHoldsAtLeastThirtyOutlinesEachWithItsExpectations() throws Exception {
        List<String> names = outlines().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(30);
        for (String name : names) {
            assertThat(corpusDir().resolve(expectationName(name))).as(name).exists();
            int chars = Files.readString(corpusDir().resolve(name)).length();
            assertThat(chars).as(name + " length").isBetween(700, 3000);
        }
    }

    @Test
    void theCorpusSpansTheYearsAndBothKindsOfReport() throws Exception {
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        int team = 0;
        int member = 0;
        for (String name : outlines().toList()) {
            Outline outline = OutlineParser.parse(corpusDir().resolve(name));
            years.add(outline.year());
            if (outline.title().contains("班子") || outline.title().contains("部务会")) {
                team++;
            } else {
                member++;
            }
        }
        assertThat(years).containsAll(List.of(2019, 2020, 2021, 2022, 2023, 2024, 2025));
        assertThat(team).as("team reports").isGreaterThanOrEqualTo(8);
        assertThat(member).as("members' reports").isGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outlines")
    void parsesAsExpected(String name) throws Exception {
        Path dir = corpusDir();
        JsonNode expected = JSON.readTree(dir.resolve(expectationName(name)).toFile());
        Outline outline = OutlineParser.parse(Files.readAllBytes(dir.resolve(name)), name);
        String json = OutlineJson.toPrettyJson(outline);
        String described = name + "\n" + json;

        assertThat(outline.year()).as(described).isEqualTo(expected.get("year").asInt());
        assertThat(outline.carryOver()).as("carry-over groups of " + described).hasSize(expected.get("carryOverGroups").asInt());
        assertThat(outline.carryOver().stream().mapToInt(g -> g.items().size()).sum()).as("carry-over items of " + described)
                .isEqualTo(expected.get("carryOverItems").asInt());
        assertThat(outline.problems()).as("problems of " + described).hasSize(expected.get("problems").asInt());
        assertThat(outline.problems().stream().filter(p -> p.example() != null).count()).as("examples of " + described)
                .isEqualTo(expected.get("examples").asLong());
        assertThat(outline.cleanAreas()).as("clean areas of " + described).hasSize(expected.get("cleanAreas").asInt());
        assertThat(outline.rootCauses()).as("root causes of " + described).hasSize(expected.get("rootCauses").asInt());
        assertThat(outline.measures()).as("measures of " + described).hasSize(expected.get("measures").asInt());
        assertThat(outline.measures().stream().filter(m -> m.deadline() != null).count()).as("deadlines of " + described)
                .isEqualTo(expected.get("deadlines").asLong());
        assertThat(outline.personalMatters() != null).as("personal matters of " + described)
                .isEqualTo(expected.get("personalMatters").asBoolean());

        JsonNode summary = expected.get("carryOverSummary");
        if (summary == null || summary.isNull()) {
            assertThat(outline.carryOverSummary()).as(described).isNull();
        } else {
            assertThat(outline.carryOverSummary()).as(described).isEqualTo(new CarryOverSummary(
                    intOrNull(summary.get("problems")), intOrNull(summary.get("completed")), intOrNull(summary.get("longTerm"))));
        }

        List<String> codes = new ArrayList<>();
        expected.get("warningCodes").forEach(c -> codes.add(c.asText()));
        assertThat(outline.warningCodes()).extracting(w -> w.code().name()).as("warning codes of " + described)
                .containsExactlyInAnyOrderElementsOf(codes);
        OutlineAssertions.assertWarningsMatchCodes(outline);

        OutlineAssertions.assertNoSiteNoise(json);
        for (JsonNode noise : expected.get("noise")) {
            assertThat(json).as("noise in " + name).doesNotContain(noise.asText());
        }
        // every problem has its text; no example marker is left at the start of an example
        assertThat(outline.problems()).allSatisfy(p -> {
            assertThat(p.statement()).as(name).isNotBlank();
            if (p.example() != null) {
                assertThat(p.example()).as(name).doesNotStartWith("比如").doesNotStartWith("例如").doesNotStartWith("：");
            }
        });
    }

    /** warnings[i] equals warningCodes[i].text() on every fixture of the module, not only the corpus. */
    @Test
    void everyFixtureCarriesItsWarningsAsCodesIndexForIndex() throws Exception {
        Path outlines = Paths.get(CorpusTest.class.getResource("/outlines").toURI());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(outlines)) {
            s.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(files::add);
        }
        try (Stream<Path> s = Files.list(corpusDir())) {
            s.filter(p -> !p.getFileName().toString().endsWith(".json")).forEach(files::add);
        }
        int warned = 0;
        for (Path file : files) {
            Outline outline = OutlineParser.parse(file);
            OutlineAssertions.assertWarningsMatchCodes(outline);
            warned += outline.warnings().isEmpty() ? 0 : 1;
        }
        Outline docx = OutlineParser.parse(Fixtures.docxOutline(), "a.docx");
        OutlineAssertions.assertWarningsMatchCodes(docx);
        assertThat(warned).as("fixtures with warnings").isPositive();
    }

    private static Integer intOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }

    private static String expectationName(String name) {
        return name.substring(0, name.lastIndexOf('.')) + ".expected.json";
    }

}
