package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

/** Shared assertions on parse results. */
final class OutlineAssertions {

    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9-]+\\.(?:com|cn|net|org)(?![a-z])");

    private OutlineAssertions() {
    }

    /**
     * The outline carries a warning with this code whose params include the given names and values (values
     * compared by {@code contains}); its Chinese text is the one at the same index of {@code warnings}.
     */
    static void assertWarning(Outline outline, WarningCode code, String... namesAndValues) {
        assertWarningsMatchCodes(outline);
        assertThat(outline.warningCodes()).as("warning codes").anySatisfy(w -> {
            assertThat(w.code()).isEqualTo(code);
            for (int i = 0; i < namesAndValues.length; i += 2) {
                assertThat(w.params()).containsKey(namesAndValues[i]);
                assertThat(w.params().get(namesAndValues[i])).contains(namesAndValues[i + 1]);
            }
        });
    }

    /** warnings[i] is warningCodes[i].text(), index for index. */
    static void assertWarningsMatchCodes(Outline outline) {
        assertThat(outline.warnings()).hasSameSizeAs(outline.warningCodes());
        for (int i = 0; i < outline.warnings().size(); i++) {
            assertThat(outline.warnings().get(i)).isEqualTo(outline.warningCodes().get(i).text());
        }
    }

    /** The params of the first warning with this code. */
    static Map<String, String> params(Outline outline, WarningCode code) {
        return outline.warningCodes().stream().filter(w -> w.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("no warning " + code + " in " + outline.warningCodes()))
                .params();
    }

    /** No watermark site name, no www., no domain anywhere in the JSON. */
    static void assertNoSiteNoise(String json) {
        assertThat(json).doesNotContain("笔杆儿网").doesNotContain("www.").doesNotContainIgnoringCase("http");
        assertThat(DOMAIN.matcher(json).find()).as("a domain name in %s", json).isFalse();
    }
}
