package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged outlines either parse or are rejected with a code: never an unchecked exception. */
class RobustnessTest {

    @Test
    void truncatedShuffledAndRewrappedSamplesNeverCrash() {
        String sample = Fixtures.sampleText();
        List<String> lines = List.of(sample.split("\n"));
        Random random = new Random(42);
        int parsed = 0;
        for (int round = 0; round < 300; round++) {
            String text = switch (round % 3) {
                case 0 -> sample.substring(0, random.nextInt(sample.length()));
                case 1 -> {
                    List<String> shuffled = new ArrayList<>(lines);
                    Collections.shuffle(shuffled, random);
                    yield String.join("\n", shuffled.subList(0, 1 + random.nextInt(shuffled.size())));
                }
                default -> rewrap(sample, 5 + random.nextInt(60));
            };
            try {
                Outline outline = OutlineParser.parse(text.getBytes(StandardCharsets.UTF_8), "x.txt");
                OutlineAssertions.assertNoSiteNoise(OutlineJson.toPrettyJson(outline));
                parsed++;
            } catch (OutlineParseException e) {
                assertThat(e.code()).isIn(OutlineParseException.Code.EMPTY, OutlineParseException.Code.NO_STRUCTURE);
            }
        }
        assertThat(parsed).isGreaterThan(200);
    }

    @Test
    void rewrappedSampleKeepsItsStructure() throws Exception {
        Outline expected = OutlineParser.parseText(Fixtures.sampleText());
        Outline rewrapped = OutlineParser.parseText(rewrap(Fixtures.sampleText(), 32));
        assertThat(rewrapped.problems()).isEqualTo(expected.problems());
        assertThat(rewrapped.carryOver()).isEqualTo(expected.carryOver());
        assertThat(rewrapped.measures()).isEqualTo(expected.measures());
        assertThat(rewrapped.cleanAreas()).isEqualTo(expected.cleanAreas());
        assertThat(rewrapped.personalMatters()).isEqualTo(expected.personalMatters());
    }

    /** Breaks every line after {@code width} characters, as a PDF copy does. */
    private static String rewrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            for (int i = 0; i < line.length(); i += width) {
                out.append(line, i, Math.min(line.length(), i + width)).append('\n');
            }
            if (line.isEmpty()) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
