package cn.zhenggai.audit.access;

import cn.zhenggai.contracts.refusal.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Parsing of query parameters into 400 answers with a code. */
public final class Params {

    private Params() {
    }

    /** The calendar of the users: a day given without a time means that day in this zone (ADR 0050). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * An instant: ISO-8601 with offset ({@code 2022-12-20T08:00:00Z}, {@code …+08:00}), {@code now}, or a day
     * ({@code 2022-12-20}, meaning the end of that day in Asia/Shanghai: {@code 2022-12-20T23:59:59.999+08:00}).
     * Null or blank: null.
     */
    public static Instant asOf(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // an unencoded "+08:00" in a query string arrives as " 08:00"
        String text = value.trim().replace(' ', '+');
        if (text.equalsIgnoreCase("now")) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZONE).toInstant().minusMillis(1);
            } catch (DateTimeParseException e2) {
                throw Refusal.invalid("BAD_DATE", name
                        + " 不是有效的日期或时间（ISO-8601，例如 2022-12-20 或 2022-12-20T08:00:00+08:00）：" + value);
            }
        }
    }

    public static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("BAD_DATE", name + " 不是有效的日期（YYYY-MM-DD）：" + value);
        }
    }

    public static void range(Comparable<?> from, Comparable<?> to) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean reversed = from != null && to != null && ((Comparable) from).compareTo(to) > 0;
        if (reversed) {
            throw Refusal.invalid("BAD_RANGE", "起始日期晚于结束日期：" + from + " > " + to);
        }
    }

    public static String format(String value, String... known) {
        String format = value == null || value.isBlank() ? known[0] : value.trim().toLowerCase();
        for (String k : known) {
            if (k.equals(format)) {
                return format;
            }
        }
        throw Refusal.invalid("UNKNOWN_FORMAT",
                "不支持的格式：" + value + "（可选：" + String.join("、", known) + "）");
    }
}
