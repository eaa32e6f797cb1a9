package cn.zhenggai.outline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * One concrete action of a measure.
 *
 * @param text         the action, numbering removed
 * @param deadline     its deadline, or null when none is written or it has no resolvable date
 * @param deadlineText the deadline as written, or null
 */
@JsonPropertyOrder({"text", "deadline", "deadlineText"})
public record Action(String text, LocalDate deadline, String deadlineText) {
}
