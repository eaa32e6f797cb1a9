package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** Shared assertions on parse results. */
final class OutlineAssertions {

    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9-]+\\.(?:com|cn|net|org)(?![a-z])");

    private OutlineAssertions() {
    }

    /** No watermark site name, no www., no domain anywhere in the JSON. */
    static void assertNoSiteNoise(String json) {
        assertThat(json).doesNotContain("笔杆儿网").doesNotContain("www.").doesNotContainIgnoringCase("http");
        assertThat(DOMAIN.matcher(json).find()).as("a domain name in %s", json).isFalse();
    }
}
