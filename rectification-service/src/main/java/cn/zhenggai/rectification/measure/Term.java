package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.refusal.Refusal;

import java.time.LocalDate;

/**
 * The term of an item (整改时限): a deadline, or long-term (长期坚持) with no deadline and a review period of 1 to 12
 * months. Made only through its rules, so a {@code Term} in hand is one of the two; the events keep their fields
 * ({@code deadline}, {@code longTerm}, {@code reviewPeriodMonths}) as they were.
 *
 * @param deadline the deadline, or null (long-term, or an item planned without one yet)
 * @param reviewPeriodMonths the review period of a long-term item, or null
 */
record Term(LocalDate deadline, Integer reviewPeriodMonths) {

    /**
     * The term as an assignment or a historical row states it: long-term without a deadline and with a review period
     * of 1 to 12 months, or a deadline (required when {@code deadlineRequired}).
     */
    static Term of(LocalDate deadline, boolean longTerm, Integer review, boolean deadlineRequired) {
        if (longTerm) {
            if (deadline != null) {
                throw Refusal.invalid("LONG_TERM_WITH_DEADLINE", "长期坚持的事项不设完成时限");
            }
            checkReview(review, "INVALID_REVIEW_PERIOD", "长期坚持的事项须设定1至12个月的评估周期");
            return new Term(null, review);
        }
        if (deadline == null && deadlineRequired) {
            throw Refusal.invalid("MISSING_DEADLINE", "请指定完成时限，或标为长期坚持");
        }
        return new Term(deadline, null);
    }

    /**
     * The term of a finding's row (巡察/审计 findings sheet): a deadline not before {@code today}, or, without one,
     * long-term with a review period of 1 to 12 months.
     */
    static Term ofFinding(LocalDate deadline, Integer review, LocalDate today) {
        if (deadline == null) {
            checkReview(review, "MISSING_DEADLINE", "请指定完成时限，或标为长期坚持并设定1至12个月的评估周期");
            return new Term(null, review);
        }
        if (deadline.isBefore(today)) {
            throw Refusal.invalid("DEADLINE_IN_PAST", "完成时限不能早于今天：" + deadline);
        }
        return new Term(deadline, null);
    }

    boolean longTerm() {
        return reviewPeriodMonths != null;
    }

    /** The deadline as the events carry it ({@code 2023-06-30}), or null. */
    String deadlineText() {
        return deadline == null ? null : deadline.toString();
    }

    private static void checkReview(Integer review, String code, String message) {
        if (review == null || review < 1 || review > 12) {
            throw Refusal.invalid(code, message);
        }
    }
}
