package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.refusal.Refusal;

import java.util.Locale;

/**
 * Which time an "as of" question is about (ADR 0090): {@link #EFFECTIVE}, the item's events that had taken effect
 * by then (the best current knowledge of that day), or {@link #RECORDED}, the events recorded by then (what the
 * system showed that day). Either way the chosen events are folded in sequence order.
 */
public enum TimeAxis {
    EFFECTIVE, RECORDED;

    /** The name on the wire: {@code effective} or {@code recorded}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The axis of query parameter {@code time}: absent or blank is effective; anything else but the two is 400. */
    public static TimeAxis parse(String value) {
        if (value == null || value.isBlank()) {
            return EFFECTIVE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "effective" -> EFFECTIVE;
            case "recorded" -> RECORDED;
            default -> throw Refusal.invalid("BAD_TIME",
                    "time 只能是 effective（按生效时间）或 recorded（按记录时间）");
        };
    }
}
