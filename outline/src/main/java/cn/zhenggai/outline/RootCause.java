package cn.zhenggai.outline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One root cause of the problems.
 *
 * @param title    its first sentence, e.g. {@code 学习意识还不够强，理论武装建设的还不够}
 * @param analysis the rest of the text; empty when the cause is a single sentence
 */
@JsonPropertyOrder({"title", "analysis"})
public record RootCause(String title, String analysis) {
}
