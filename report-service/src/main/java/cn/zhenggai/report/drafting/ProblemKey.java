package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;

/**
 * Where a problem stands in a report: its aspect (theme) and its number under that aspect. Two live problems of a
 * report never share a key.
 *
 * @param theme   the aspect, stripped
 * @param ordinal the number under the aspect, from 1
 */
record ProblemKey(String theme, int ordinal) {

    /** The key a command asks for; refuses a number below 1. */
    static ProblemKey of(String theme, int ordinal) {
        if (ordinal < 1) {
            throw Refusal.invalid("INVALID_ORDINAL", "问题序号必须从1开始");
        }
        return new ProblemKey(theme, ordinal);
    }

    /** The refusal when another live problem holds this key. */
    Refusal taken() {
        return Refusal.conflict("DUPLICATE_ORDINAL", "“" + theme + "”方面已有第" + ordinal + "个问题");
    }
}
