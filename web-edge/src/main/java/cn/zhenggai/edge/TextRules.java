package cn.zhenggai.edge;

/**
 * What counts as text in a request: any Unicode except control characters other than tab, line feed and carriage
 * return (C0, DEL, C1) and except UTF-16 surrogates that are not paired. Such characters break what is made from
 * the text later (XML in a Word export, a header, a hash over a re-encoded record) and no one types them.
 */
public final class TextRules {

    private TextRules() {
    }

    /** The index of the first character that is not text, or -1 when all of it is. */
    public static int firstInvalid(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || isRefusedControl(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isText(CharSequence text) {
        return firstInvalid(text) < 0;
    }

    static boolean isRefusedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** How the refused character is named in a message: {@code U+0000}. */
    public static String describe(CharSequence text, int index) {
        return String.format("U+%04X", (int) text.charAt(index));
    }
}
