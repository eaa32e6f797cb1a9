package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;

import java.util.List;
import java.util.Set;

/** The rules every text and every list of links in a report follows (one place for the limits). */
final class Text {

    /** Longest free text (statement, example, analysis, content ...). */
    static final int MAX = 4000;
    /** Most entries in one list (areas, groups, actions, links ...). */
    static final int MAX_ITEMS = 200;

    private Text() {
    }

    /** The stripped value; refuses a blank one ({@code MISSING_FIELD}) and a too long one. */
    static String require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("MISSING_" + field.toUpperCase(), message);
        }
        checkLength(value, field);
        return value.strip();
    }

    /** Refuses a value longer than {@link #MAX} ({@code TOO_LONG_FIELD}); null is fine. */
    static void checkLength(String value, String field) {
        if (value != null && value.length() > MAX) {
            throw Refusal.invalid("TOO_LONG_" + field.toUpperCase(), "内容过长（最多" + MAX + "字）");
        }
    }

    /** The stripped value, or null when blank. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The stripped value, or "" when null. */
    static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    /** The links (null is none), each one of {@code known}; refuses too many and an unknown one. */
    static List<String> links(List<String> links, Set<String> known, String code, String message) {
        if (links == null) {
            return List.of();
        }
        if (links.size() > MAX_ITEMS) {
            throw Refusal.invalid("TOO_MANY_ITEMS", "关联条目过多");
        }
        for (String link : links) {
            if (!known.contains(link)) {
                throw Refusal.invalid(code, message + link);
            }
        }
        return List.copyOf(links);
    }
}
