package cn.zhenggai.outline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the carry-over's summary sentence into numbers: {@code 上年度查摆的问题共12个，目前已整改完成10个，需长期坚持2个},
 * {@code 共查摆问题十二条，已整改到位十条、基本完成一条，持续整改一条}. The sentence is cut into clauses (at ，；、 and 其中)
 * and each clause counted by what it says: a total (共/合计/查摆…N个), completed (已整改/完成/销号/整改到位, and
 * 基本完成, which counts as completed), or long-term (长期/持续/逐步/正在). A sentence is a summary only when
 * it has a total and at least one of the other two.
 */
final class CarryOverSummaries {

    private static final String NUM = "(\\d{1,3}|[一二三四五六七八九十两]{1,3})";
    private static final Pattern COUNT = Pattern.compile(NUM + "\\s*(?:个|条|项|件)");
    private static final Pattern TOTAL = Pattern.compile("共|合计|总计|累计|梳理|查摆|查找|检视|对照|反馈");
    private static final Pattern LONG_TERM = Pattern.compile("长期|持续|逐步|正在|推进中|需常抓|未完成|尚未");
    private static final Pattern COMPLETED = Pattern.compile("完成|整改到位|已整改|销号|办结|解决");
    private static final Pattern ALL = Pattern.compile("全部|均已|都已");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,；;、]|其中");

    private CarryOverSummaries() {
    }

    /** The summary a sentence states, or null when it is not a summary sentence. */
    static CarryOverSummary parse(String sentence) {
        if (!mentionsProgress(sentence) || !COUNT.matcher(sentence).find()) {
            return null;
        }
        Integer total = null;
        Integer completed = null;
        Integer longTerm = null;
        for (String clause : CLAUSE_BREAK.split(sentence)) {
            java.util.List<int[]> counts = new java.util.ArrayList<>(); // {start, end, n}
            Matcher count = COUNT.matcher(clause);
            while (count.find()) {
                counts.add(new int[] {count.start(), count.end(), ChineseNumerals.parseAny(count.group(1))});
            }
            if (counts.isEmpty()) {
                if (total != null && completed == null && ALL.matcher(clause).find() && COMPLETED.matcher(clause).find()) {
                    completed = total; // 已全部整改完成
                }
                continue;
            }
            for (int i = 0; i < counts.size(); i++) {
                int[] c = counts.get(i);
                if (c[2] < 0) {
                    continue;
                }
                String before = clause.substring(i == 0 ? 0 : counts.get(i - 1)[1], c[0]);
                String after = clause.substring(c[1], i + 1 < counts.size() ? counts.get(i + 1)[0] : clause.length());
                if (LONG_TERM.matcher(before).find()) {
                    longTerm = add(longTerm, c[2]);
                } else if (COMPLETED.matcher(before).find()) {
                    completed = add(completed, c[2]);
                } else if (total == null && (TOTAL.matcher(before).find() || after.startsWith("问题"))) {
                    total = c[2];
                } else if (LONG_TERM.matcher(after).find()) {
                    longTerm = add(longTerm, c[2]);
                } else if (COMPLETED.matcher(after).find()) {
                    completed = add(completed, c[2]);
                }
            }
        }
        if (total == null || (completed == null && longTerm == null)) {
            return null;
        }
        return new CarryOverSummary(total, completed, longTerm);
    }

    /** Every summary says how far the work got (完成, 整改, 长期 …): a cheap test before the patterns. */
    private static boolean mentionsProgress(String sentence) {
        for (String word : PROGRESS_WORDS) {
            if (sentence.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] PROGRESS_WORDS = {"完成", "整改", "销号", "办结", "解决", "长期", "持续", "逐步", "正在"};

    private static Integer add(Integer sum, int n) {
        return sum == null ? n : sum + n;
    }
}
