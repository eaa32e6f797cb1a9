package cn.zhenggai.outline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A problem found in self-examination.
 *
 * @param theme     the theme it was found under (a heading such as {@code 带头…}, without 方面);
 *                  empty when the outline lists problems without themes
 * @param ordinal   position within its theme, starting at 1
 * @param statement the problem itself
 * @param example   the illustration introduced by 比如/例如 (marker removed), or null
 */
@JsonPropertyOrder({"theme", "ordinal", "statement", "example"})
public record Problem(String theme, int ordinal, String statement, String example) {
}
