package cn.zhenggai.audit.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON {@code zhenggai-cjson-1}, the only form that is ever hashed (README "Verifying an audit bundle"):
 * <ul>
 *   <li>UTF-8, no whitespace outside strings;</li>
 *   <li>object members sorted by key, comparing keys as sequences of UTF-16 code units (Java {@code String.compareTo},
 *       JavaScript's default sort); members whose value is null are kept as {@code null};</li>
 *   <li>strings: {@code "} and {@code \} escaped with a backslash, U+0008/0009/000A/000C/000D as
 *       {@code &#92;b &#92;t &#92;n &#92;f &#92;r}, other characters below U+0020 as {@code \\u00xx} (lowercase hex), everything else
 *       (including non-ASCII and {@code /}) written as is;</li>
 *   <li>integers in plain decimal; other numbers as the shortest plain decimal of their binary64 value without
 *       exponent or trailing zeros ({@code 2.50} → {@code 2.5}, {@code 2.0} → {@code 2}); audit entries never hold
 *       non-integers, payloads rarely do;</li>
 *   <li>timestamps (only in entries, never guessed from strings) as ISO-8601 UTC with exactly three fraction
 *       digits: {@code 2022-12-20T08:00:01.000Z}.</li>
 * </ul>
 */
public final class CanonicalJson {

    /** The genesis "previous hash" of every chain: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalJson() {
    }

    public static String of(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /** The canonical text of a timestamp (millisecond precision, UTC). */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A chain link: SHA-256 over the previous hash (64 lowercase hex characters) followed by the canonical entry. */
    public static String link(String previousHash, String canonicalEntry) {
        return sha256(previousHash + canonicalEntry);
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            out.append(decimal(value));
        } else if (value instanceof Date d) {
            string(timestamp(d.toInstant()), out);
        } else if (value instanceof Instant i) {
            string(timestamp(i), out);
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sorted.put(String.valueOf(e.getKey()), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no canonical JSON for " + value.getClass().getName());
        }
    }

    private static String decimal(Object number) {
        BigDecimal value;
        if (number instanceof BigDecimal bd) {
            value = bd;
        } else {
            double d = ((Number) number).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("no canonical JSON for " + d);
            }
            value = new BigDecimal(Double.toString(d));
        }
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
