package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A term is a deadline or long-term with a review period of 1 to 12 months, and nothing else can be made. */
class TermTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-04");

    @Test
    void aDeadlineIsATermWithoutReview() {
        Term term = Term.of(LocalDate.parse("2027-06-30"), false, 6, true);
        assertThat(term.longTerm()).isFalse();
        assertThat(term.reviewPeriodMonths()).as("a review period beside a deadline is dropped").isNull();
        assertThat(term.deadlineText()).isEqualTo("2027-06-30");
    }

    @Test
    void longTermHasAReviewPeriodAndNoDeadline() {
        Term term = Term.of(null, true, 12, true);
        assertThat(term.longTerm()).isTrue();
        assertThat(term.deadline()).isNull();
        assertThat(term.deadlineText()).isNull();
        assertThat(term.reviewPeriodMonths()).isEqualTo(12);
    }

    @Test
    void everyOtherFormIsRefusedWithItsCode() {
        assertCode(() -> Term.of(LocalDate.parse("2027-06-30"), true, 6, true), "LONG_TERM_WITH_DEADLINE");
        assertCode(() -> Term.of(null, true, null, true), "INVALID_REVIEW_PERIOD");
        assertCode(() -> Term.of(null, true, 0, true), "INVALID_REVIEW_PERIOD");
        assertCode(() -> Term.of(null, true, 13, true), "INVALID_REVIEW_PERIOD");
        assertCode(() -> Term.of(null, false, null, true), "MISSING_DEADLINE");
        assertThat(Term.of(null, false, null, false)).as("a historical row not yet assigned")
                .isEqualTo(new Term(null, null));
    }

    @Test
    void aFindingWithoutDeadlineIsLongTermAndADeadlineIsNotInThePast() {
        assertThat(Term.ofFinding(null, 3, TODAY)).isEqualTo(new Term(null, 3));
        assertThat(Term.ofFinding(TODAY, 3, TODAY)).isEqualTo(new Term(TODAY, null));
        assertCode(() -> Term.ofFinding(null, null, TODAY), "MISSING_DEADLINE");
        assertCode(() -> Term.ofFinding(null, 13, TODAY), "MISSING_DEADLINE");
        assertCode(() -> Term.ofFinding(TODAY.minusDays(1), null, TODAY), "DEADLINE_IN_PAST");
    }

    private static void assertCode(Runnable making, String code) {
        assertThatThrownBy(making::run).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.code()).isEqualTo(code));
    }
}
