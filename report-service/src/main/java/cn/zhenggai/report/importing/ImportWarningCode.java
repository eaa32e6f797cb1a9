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
            + "但本人{previousYear}年度已审核通过的发言提纲查摆问题{ledgerProblems}个，请核对");

    private final String template;

    ImportWarningCode(String template) {
        this.template = template;
    }

    /** The Chinese template with {@code {name}} placeholders. */
    public String template() {
        return template;
    }
}
