package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A completion deadline as written into a measure or an action: a YYYY-MM-DD date, or none. */
final class Deadline {

    private Deadline() {
    }

    /** The date as YYYY-MM-DD, or null when blank; refuses anything else ({@code INVALID_DEADLINE}). */
    static String of(String value) {
        String date = Text.blankToNull(value);
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date).toString();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("INVALID_DEADLINE", "完成时限格式应为YYYY-MM-DD：" + date);
        }
    }
}
