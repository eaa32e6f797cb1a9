package cn.zhenggai.outline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds enumerations written inside running text: {@code 一是…二是…}, {@code 其一，…},
 * {@code 第一，…}, {@code （1）…（2）…}, {@code ①…②…}, {@code 1.…2.…}, {@code （一）…（二）…},
 * {@code 首先，…其次，…最后，…}. Markers are searched in sequence (2 after
 * 1, 3 after 2 …) and only at a clause boundary, so the 一是 of 统一是 is not a marker. A skipped
 * numeral (一是 then 三是) is tolerated; the item keeps the numeral written, so callers can report it.
 */
final class InlineEnumeration {

    /** Text before the first marker, where the first marker starts, and the items (markers removed). */
    record Split(String prefix, int start, List<Item> items) {

        boolean isEmpty() {
            return items.isEmpty();
        }
    }

    /** One item: its numeral as written and its text without the marker. */
    record Item(int ordinal, String text) {
    }

    /** Enumerations longer than this are not expected (and ⑳ is the last circled number). */
    private static final int MAX_ITEMS = 20;

    /** Characters after which a marker may start a new item. */
    private static final String BOUNDARY = "。；;：:！？!?，,\n ”’）)";

    /** Numbering families; a list is read in one family (2 after 1 in the same style). */
    enum Family {
        SHI(n -> "(?:其?" + ChineseNumerals.format(n) + "是|[第其]" + ChineseNumerals.format(n) + "[，,、：:])"),
        PAREN_NUMBER(n -> "[（(]" + n + "[）)]"),
        CIRCLED(n -> String.valueOf((char) ('①' + n - 1))),
        /** 1. 1、 1． inside running text; not 1.5 (a decimal) and not 12. read as 2. */
        NUMBER(n -> n + "\\s*[.．、](?!\\d)"),
        /** （一）（二） inside running text. */
        PAREN_CN(n -> "[（(]" + ChineseNumerals.format(n) + "[）)]"),
        /** 首先/其次/再次/最后 (第一/第二 mixed in), always followed by a separator. */
        ORDER(n -> (switch (n) {
            case 1 -> "(?:首先|第一)";
            case 2 -> "(?:其次|第二)";
            case 3 -> "(?:再次|第三|最后)";
            default -> "(?:第" + ChineseNumerals.format(n) + "|再次|最后)";
        }) + "(?:是|要)?[，,、：:]");

        /** Patterns for items 1 to {@link #MAX_ITEMS}, compiled once (index = item number). */
        private final Pattern[] patterns = new Pattern[MAX_ITEMS + 1];

        Family(IntFunction<String> regexFor) {
            for (int n = 1; n <= MAX_ITEMS; n++) {
                patterns[n] = Pattern.compile(regexFor.apply(n) + "[，,：:、]?\\s*");
            }
        }

        /** The literal text every marker for item n contains, or null when markers differ (ORDER). */
        String key(int n) {
            return switch (this) {
                case SHI, PAREN_CN -> ChineseNumerals.format(n);
                case PAREN_NUMBER, NUMBER -> String.valueOf(n);
                case CIRCLED -> String.valueOf((char) ('①' + n - 1));
                case ORDER -> null;
            };
        }

        Pattern pattern(int n) {
            return patterns[n];
        }

        /** The spellings a marker of a family without a single key may start with (ORDER). */
        String[] spellings(int n) {
            return switch (n) {
                case 1 -> new String[] {"首先", "第一"};
                case 2 -> new String[] {"其次", "第二"};
                case 3 -> new String[] {"再次", "第三", "最后"};
                default -> new String[] {"第" + ChineseNumerals.format(n), "再次", "最后"};
            };
        }

        /** The family a paragraph marker belongs to, or null (section numerals are not listed inline). */
        static Family of(Marker.Kind kind) {
            return switch (kind) {
                case INLINE -> SHI;
                case NUMBER -> NUMBER;
                case PAREN_NUMBER -> PAREN_NUMBER;
                case CIRCLED -> CIRCLED;
                case PAREN_CN -> PAREN_CN;
                case SECTION -> null;
            };
        }
    }

    private InlineEnumeration() {
    }

    /** Splits text at the enumeration that starts earliest; an empty split when there is none. */
    static Split split(String text) {
        return split(text, 1);
    }

    /**
     * Like {@link #split(String)}, for text whose first item carries {@code firstOrdinal} (a
     * paragraph starting with 二是 continues a list begun in an earlier paragraph).
     */
    static Split split(String text, int firstOrdinal) {
        Split best = null;
        int bestStart = Integer.MAX_VALUE;
        for (Family family : Family.values()) {
            Split candidate = split(text, family, firstOrdinal);
            if (candidate.isEmpty()) {
                continue;
            }
            int start = candidate.start();
            boolean better = best == null
                    || (candidate.items().size() >= 2 && best.items().size() < 2)
                    || (candidate.items().size() >= 2 == best.items().size() >= 2 && start < bestStart);
            if (better) {
                best = candidate;
                bestStart = start;
            }
        }
        return best != null ? best : new Split(text, text.length(), List.of());
    }

    /**
     * Splits a paragraph that starts with a marker of {@code kind} numbered {@code ordinal} into its items, in
     * that marker's family only: "1.建立…；2.修订…；3.…" gives three items, "1.学习不深。一是…" one.
     */
    static Split splitFrom(String text, Marker.Kind kind, int ordinal) {
        Family family = Family.of(kind);
        if (family != null) {
            Split split = split(text, family, ordinal);
            if (!split.isEmpty() && split.start() == 0) {
                return split;
            }
        }
        Marker m = Marker.at(text);
        return new Split("", 0, List.of(new Item(ordinal, finish(text.substring(m == null ? 0 : m.length())))));
    }

    /** An item's text, trimmed, with a trailing ；or ， (the list separator) made a full stop. */
    static String finish(String itemText) {
        String t = Sentences.stripLeadingSeparators(itemText.strip());
        int end = t.length();
        while (end > 0 && "；;，,、 ".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return end < t.length() && end > 0 ? t.substring(0, end) + "。" : t;
    }

    private static Split split(String text, Family family, int firstOrdinal) {
        List<int[]> found = new ArrayList<>(); // {start, end, ordinal}
        int pos = 0;
        int expected = Math.max(1, Math.min(firstOrdinal, MAX_ITEMS));
        while (expected <= MAX_ITEMS) {
            int[] hit = find(text, family, expected, pos);
            if (hit == null && expected + 1 <= MAX_ITEMS && !found.isEmpty()) {
                hit = find(text, family, expected + 1, pos);
                if (hit != null) {
                    expected++;
                }
            }
            if (hit == null) {
                break;
            }
            found.add(new int[] {hit[0], hit[1], expected});
            pos = hit[1];
            expected++;
        }
        if (found.isEmpty()) {
            return new Split(text, text.length(), List.of());
        }
        List<Item> items = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            int end = i + 1 < found.size() ? found.get(i + 1)[0] : text.length();
            items.add(new Item(found.get(i)[2], finish(text.substring(found.get(i)[1], end))));
        }
        int start = found.get(0)[0];
        return new Split(text.substring(0, start).strip(), start, items);
    }

    /**
     * The first marker for item {@code n} at or after {@code from} that starts at a boundary.
     * Candidates are found by the numeral's literal text (一, 12, ①) and then checked with the
     * family's pattern, which may start one character earlier (其一是, 第一，, （1）).
     */
    private static int[] find(String text, Family family, int n, int from) {
        String key = family.key(n);
        Matcher m = family.pattern(n).matcher(text);
        if (key == null) {
            // markers with several spellings (首先/第一): try each spelling's occurrences, keep the earliest
            int[] best = null;
            for (String spelling : family.spellings(n)) {
                for (int idx = text.indexOf(spelling, from); idx >= 0 && (best == null || idx < best[0]);
                        idx = text.indexOf(spelling, idx + 1)) {
                    m.region(idx, text.length());
                    if (m.lookingAt() && (idx == 0 || BOUNDARY.indexOf(text.charAt(idx - 1)) >= 0)) {
                        best = new int[] {idx, m.end()};
                        break;
                    }
                }
            }
            return best;
        }
        for (int idx = text.indexOf(key, from); idx >= 0; idx = text.indexOf(key, idx + 1)) {
            for (int start = Math.max(from, idx - 1); start <= idx; start++) {
                m.region(start, text.length());
                if (m.lookingAt() && (start == 0 || BOUNDARY.indexOf(text.charAt(start - 1)) >= 0)) {
                    return new int[] {start, m.end()};
                }
            }
        }
        return null;
    }
}
