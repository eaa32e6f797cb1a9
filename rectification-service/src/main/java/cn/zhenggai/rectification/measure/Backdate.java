package cn.zhenggai.rectification.measure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A step of an item entered after it happened (ADR 0090): when it happened, as a day in China ({@code day}) or an
 * instant ({@code at}), exactly one of them, and why it is entered late. The item decides whether it may be
 * recorded so (party committee only, with a reason, not in the future, not before the item existed nor before its
 * latest step) and turns it into the event's {@link cn.zhenggai.contracts.history.Backdating}.
 *
 * @param day    the day it happened (Asia/Shanghai), or null when {@code at} is given
 * @param at     the instant it happened, or null when {@code day} is given
 * @param reason why it is recorded late
 */
public record Backdate(LocalDate day, Instant at, String reason) {

    /** On a day in China. */
    public static Backdate onDay(LocalDate day, String reason) {
        return new Backdate(day, null, reason);
    }

    /** At an instant. */
    public static Backdate at(Instant at, String reason) {
        return new Backdate(null, at, reason);
    }
}
