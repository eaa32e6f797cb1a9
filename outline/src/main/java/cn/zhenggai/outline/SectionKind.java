package cn.zhenggai.outline;

import java.util.regex.Pattern;

/**
 * The parts of an outline, recognised from their headings by keywords rather than by position, so that sections
 * may come in any order and under other names: 对照检查/查摆问题/存在的不足, 原因剖析/根源分析,
 * 整改措施/努力方向/下一步打算, 上年度…落实情况/回头看.
 */
enum SectionKind {
    PERSONAL_MATTERS("个人有关事项|有关事项|个人事项|个人重大事项"),
    CARRY_OVER("落实情况|整改情况|整改落实|完成情况|上年度|上一年度|上次|上一次|去年|回头看"),
    ROOT_CAUSES("根源|原因|根子|剖析|溯源"),
    MEASURES("努力方向|整改措施|整改方向|改进措施|整改打算|下一步|今后|措施|打算|举措|整改思路|改进方向"),
    PROBLEMS("问题|查摆|差距|不足|对照检查|检视|短板");

    /** A heading without numbering longer than this is not taken for a section heading. */
    private static final int MAX_BARE_HEADING_WIDTH = 40;

    private final Pattern keywords;

    SectionKind(String keywords) {
        this.keywords = Pattern.compile(keywords);
    }

    /** The kind a section heading names, or null; checked in declaration order (the most specific first). */
    static SectionKind of(String heading) {
        for (SectionKind kind : values()) {
            if (kind.keywords.matcher(heading).find()) {
                return kind;
            }
        }
        return null;
    }

    /**
     * The kind of a short un-numbered line that reads as a section heading (e.g. 个人有关事项说明),
     * or null. Such a line has no sentence punctuation.
     */
    static SectionKind ofBareHeading(String text) {
        if (text.isEmpty() || Sentences.width(text) > MAX_BARE_HEADING_WIDTH
                || text.indexOf('。') >= 0 || text.indexOf('，') >= 0 || Marker.at(text) != null) {
            return null;
        }
        return of(text);
    }
}
