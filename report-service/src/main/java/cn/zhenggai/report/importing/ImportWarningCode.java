package cn.zhenggai.report.importing;

/**
 * What report-service notices about an outline beyond what the parser can (the parser's codes are
 * {@code cn.zhenggai.outline.WarningCode}). Same public shape in the preview's {@code warningCodes}: {@code {code,
 * params}}, with a Chinese template whose {@code {name}} placeholders are filled from the params. Add, never rename:
 * the UI translates these codes.
 */
public enum ImportWarningCode {
    /**
     * The carry-over's summary sentence counts other problems than the cadre's earlier accepted report identified.
     * Params: {@code summaryProblems}, {@code ledgerProblems}, {@code previousYear}; {@code summaryCompleted} and
     * {@code summaryLongTerm} when the sentence states them (ADR 0089).
     */
    CARRY_OVER_LEDGER_MISMATCH("上年度整改落实情况写明查摆问题{summaryProblems}个，"
            + "但本人{previousYear}年度已审核通过的发言提纲查摆问题{ledgerProblems}个，请核对"),

    // --- what the import settles (OutlineToReport); in the import's answer ---
    /** The outline's year is out of range and was left out. Params: {@code year}. */
    YEAR_IGNORED("年度“{year}”不合理，已忽略"),
    /** No title was found; a default was used. Params: {@code title}. */
    TITLE_DEFAULTED("未识别出标题，已使用“{title}”"),
    /** A carry-over group without items was left out. Params: {@code heading}. */
    CARRY_OVER_GROUP_EMPTY("整改落实情况“{heading}”下没有具体条目，未导入"),
    /** A problem's number was repeated or skipped within its theme. Params: {@code theme}, {@code ordinal}, {@code renumbered}. */
    PROBLEM_RENUMBERED("“{theme}”下第{ordinal}个问题的序号重复或跳号，已按顺序编为第{renumbered}个"),
    /** Problems without a theme went under the default theme. Params: {@code theme}. */
    PROBLEMS_UNDER_DEFAULT_THEME("部分问题未归入任何方面，已归入“{theme}”"),
    /** The outline does not say which problems a root cause explains. */
    ROOT_CAUSES_NOT_LINKED("根源与问题的对应关系未写明，请在报告中关联"),
    /** Measures and root causes differ in number, so measures were not linked to root causes. */
    MEASURES_NOT_LINKED("整改措施与根源数量不同，措施未关联根源，请在报告中关联"),
    /** A problem theme is not among the meeting's themes. Params: {@code theme}. */
    THEME_OUTSIDE_MEETING("问题所属方面“{theme}”不在本次民主生活会的主题中");

    private final String template;

    ImportWarningCode(String template) {
        this.template = template;
    }

    /** The Chinese template with {@code {name}} placeholders. */
    public String template() {
        return template;
    }
}
