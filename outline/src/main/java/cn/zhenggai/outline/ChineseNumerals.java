package cn.zhenggai.outline;

/** Chinese numerals from 1 to 99 (一 … 九十九), the range outline numbering uses. */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** Parses 一, 十, 十二, 二十, 二十三, 两; returns -1 when the text is not such a numeral. */
    static int parse(String s) {
        if (s == null || s.isEmpty() || s.length() > 3) {
            return -1;
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? digit(s.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : (ten == 1 ? digit(s.charAt(0)) : -1);
        if (tens <= 0) {
            return -1;
        }
        String rest = s.substring(ten + 1);
        if (rest.isEmpty()) {
            return tens * 10;
        }
        int units = rest.length() == 1 ? digit(rest.charAt(0)) : -1;
        return units <= 0 ? -1 : tens * 10 + units;
    }

    /** Parses a Chinese numeral, ASCII digits or a circled number (①–⑳); -1 otherwise. */
    static int parseAny(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        char c = s.charAt(0);
        if (s.length() == 1 && c >= '①' && c <= '⑳') {
            return c - '①' + 1;
        }
        if (c >= '0' && c <= '9') {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return parse(s);
    }

    /** Formats 1–99 as a Chinese numeral. */
    static String format(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
    }

    private static int digit(char c) {
        if (c == '两') {
            return 2;
        }
        int i = DIGITS.indexOf(c);
        return i <= 0 ? -1 : i;
    }
}
