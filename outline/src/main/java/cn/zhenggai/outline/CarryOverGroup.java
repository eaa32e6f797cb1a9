package cn.zhenggai.outline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One group of the carry-over section: how the measures for one of last meeting's themes were
 * implemented.
 *
 * @param heading the group heading as written, without its numbering, e.g.
 *                {@code 针对带头…方面查摆出的3个突出问题}
 * @param items   one entry per reported item (一是…, 二是…), numbering removed
 * @param theme   last meeting's theme named in the heading ({@code 针对…方面}), or null
 */
@JsonPropertyOrder({"heading", "items", "theme"})
public record CarryOverGroup(String heading, List<String> items, String theme) {

    public CarryOverGroup {
        items = List.copyOf(items);
    }
}
