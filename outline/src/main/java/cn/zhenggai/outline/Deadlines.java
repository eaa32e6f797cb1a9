package cn.zhenggai.outline;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds written deadlines and turns them into dates.
 *
 * <ul>
 *   <li>{@code 2024年6月30日前}, {@code 2024.6.30}, {@code 2024-06-30} → that day;</li>
 *   <li>{@code 2024年6月底前}, {@code 6月前}, {@code 2024年6月} → the last day of the month;
 *       上旬 → the 10th, 中旬 → the 20th, 下旬 → the last day;</li>
 *   <li>{@code 2024年上半年} → June 30, {@code 下半年} → December 31,
 *       {@code 第一季度} → the last day of the quarter;</li>
 *   <li>{@code 2025年底前}, {@code 2025年内} → December 31; {@code 年底前}, {@code 年内} → December 31
 *       of the context year;</li>
 *   <li>{@code 长期坚持}, {@code 持续推进}, {@code 常态化} → no date, but the text is kept.</li>
 * </ul>
 *
 * A date without a year takes the context year given by the caller (see {@link OutlineAssembler}:
 * the last year written in an earlier deadline of the same outline, else the meeting year + 1,
 * since a 年度 meeting is held early in the following year). A date only counts as a deadline when
 * a cue says so: 前/之前/以前/完成/内/止 after it, 时限/期限/截至/到/至/于 before it, or brackets
 * around it; so {@code 自2023年3月以来} is not a deadline. Half-years, quarters and year ends
 * ({@code 上半年}, {@code 第一季度}, {@code 年底}) need no cue.
 */
final class Deadlines {

    /** A deadline found in text. {@code date} is null for open-ended ones or when no year is known. */
    record Found(LocalDate date, String text, Integer explicitYear, int end) {
    }

    private static final String MONTH = "(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
    private static final String DAY = "(?:3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
    private static final String YEAR = "(?:(?<y>\\d{4})\\s*年\\s*)?";

    private static final Pattern DATE = Pattern.compile(
            "(?<iy>\\d{4})[-./](?<im>\\d{1,2})[-./](?<id>\\d{1,2})(?!\\d)"
                    + "|" + YEAR + "(?<m>" + MONTH + ")\\s*月\\s*(?:(?<d>" + DAY + ")\\s*[日号]|份?\\s*(?<part>底|末|上旬|中旬|下旬|中)?)"
                    + "|(?<hy>\\d{4})?\\s*年?(?<half>上半年|下半年)"
                    + "|(?:(?<qy>\\d{4})\\s*年\\s*)?第?(?<q>[一二三四1-4])季度"
                    + "|(?<ey>\\d{4})\\s*年\\s*(?<end>底|末|内|年底|年末)"
                    + "|(?<rel>今年底|今年年底|本年底|年底|年末|年内|本年度内|今年内)");
    private static final Pattern CUE_AFTER = Pattern.compile("^\\s*(?:前|之前|以前|完成|内|止|为止|结束|截止|[）)]|$)");
    private static final Pattern CUE_BEFORE = Pattern.compile(
            "(?:时限|时间|期限|截止|截至|于|到|至|[（(])\\s*[:：]?\\s*(?:在|于)?\\s*$");
    /** An open-ended deadline closes its clause: "…，长期坚持。" (not "持续推进某工程"). */
    private static final Pattern OPEN_ENDED = Pattern.compile(
            "(?:长期坚持|长期推进|长期|持续推进|持续开展|持续抓好|常态化推进|常态化)(?=\\s*(?:[。；;，,）)]|$))");
    private static final Pattern TRAILING_CUE = Pattern.compile("^\\s*(?:前|之前|以前)");

    private Deadlines() {
    }

    /** All deadlines in the text, in order. */
    static List<Found> findAll(String text, Integer contextYear) {
        List<Found> found = new ArrayList<>();
        if (!mayHoldDate(text)) {
            return found;
        }
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            if (m.end() == m.start() || (needsCue(m) && !hasCue(text, m.start(), m.end()))) {
                continue;
            }
            Integer explicitYear = explicitYear(m);
            Integer year = explicitYear != null ? explicitYear : contextYear;
            LocalDate date = year == null ? null : resolve(m, year);
            int end = m.end();
            Matcher cue = TRAILING_CUE.matcher(text).region(end, text.length());
            if (cue.lookingAt()) {
                end = cue.end();
            }
            found.add(new Found(date, text.substring(m.start(), end).strip(), explicitYear, end));
        }
        return found;
    }

    /** Cheap pre-check: every date form has 月, 季, 半年, 年底/年末/年内 or a digit-separator-digit. */
    private static boolean mayHoldDate(String text) {
        if (text.indexOf('月') >= 0 || text.indexOf('季') >= 0 || text.contains("半年") || text.contains("年底")
                || text.contains("年末") || text.contains("年内") || text.contains("年度内")) {
            return true;
        }
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '-' || c == '.' || c == '/') && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The last open-ended deadline phrase (长期坚持 …) in the text, or null. */
    static String openEnded(String text) {
        if (!text.contains("长期") && !text.contains("持续") && !text.contains("常态化")) {
            return null;
        }
        Matcher m = OPEN_ENDED.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last;
    }

    /** Days and months need a cue; 上半年, 第一季度, 年底 and 年内 read as deadlines on their own. */
    private static boolean needsCue(Matcher m) {
        return m.group("half") == null && m.group("q") == null && m.group("end") == null && m.group("rel") == null;
    }

    private static boolean hasCue(String text, int start, int end) {
        if (CUE_AFTER.matcher(text).region(end, text.length()).lookingAt()) {
            return true;
        }
        int from = Math.max(0, start - 8);
        return CUE_BEFORE.matcher(text.substring(from, start)).find();
    }

    private static Integer explicitYear(Matcher m) {
        for (String group : new String[] {"iy", "y", "hy", "qy", "ey"}) {
            String y = m.group(group);
            if (y != null) {
                return Integer.parseInt(y);
            }
        }
        return null;
    }

    private static LocalDate resolve(Matcher m, int year) {
        try {
            if (m.group("iy") != null) {
                return LocalDate.of(year, Integer.parseInt(m.group("im")), Integer.parseInt(m.group("id")));
            }
            if (m.group("m") != null) {
                int month = number(m.group("m"));
                if (m.group("d") != null) {
                    return LocalDate.of(year, month, number(m.group("d")));
                }
                YearMonth ym = YearMonth.of(year, month);
                String part = m.group("part");
                if ("上旬".equals(part)) {
                    return ym.atDay(10);
                }
                if ("中旬".equals(part) || "中".equals(part)) {
                    return ym.atDay(20);
                }
                return ym.atEndOfMonth();
            }
            if (m.group("half") != null) {
                return m.group("half").startsWith("上") ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
            }
            if (m.group("q") != null) {
                int quarter = number(m.group("q"));
                return YearMonth.of(year, quarter * 3).atEndOfMonth();
            }
            return LocalDate.of(year, 12, 31); // 年底, 年末, 年内
        } catch (DateTimeException | IllegalArgumentException e) {
            return null; // 2月30日 and the like
        }
    }

    private static int number(String s) {
        int n = ChineseNumerals.parseAny(s.startsWith("0") && s.length() > 1 ? s.substring(1) : s);
        if (n < 0) {
            throw new IllegalArgumentException("not a number: " + s);
        }
        return n;
    }
}
