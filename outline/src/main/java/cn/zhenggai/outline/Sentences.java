package cn.zhenggai.outline;

import java.util.ArrayList;
import java.util.List;

/** Sentence-level helpers that respect quotes and brackets (a 。 inside “…” ends nothing). */
final class Sentences {

    private static final String OPENERS = "“‘《（(「『【〔[";
    private static final String CLOSERS = "”’》）)」』】〕]";
    private static final String SENTENCE_END = "。！？!?";
    private static final String HEAD_END = "。！？!?：:；;";

    private Sentences() {
    }

    /**
     * Splits off the first sentence (ended by 。！？：；outside quotes and brackets).
     *
     * @return {head without its terminator, rest trimmed}; the rest is empty when there is none
     */
    static String[] splitHead(String text) {
        int end = indexOfTerminator(text, HEAD_END, 0);
        if (end < 0) {
            return new String[] {stripEndPunctuation(text), ""};
        }
        return new String[] {stripEndPunctuation(text.substring(0, end)), text.substring(end + 1).strip()};
    }

    /** Splits text into sentences, each keeping its terminator. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = indexOfTerminator(text, SENTENCE_END, start);
            if (end < 0) {
                String tail = text.substring(start).strip();
                if (!tail.isEmpty()) {
                    out.add(tail);
                }
                break;
            }
            // keep a closing quote that directly follows the terminator (。” ends the sentence)
            int stop = end + 1;
            while (stop < text.length() && CLOSERS.indexOf(text.charAt(stop)) >= 0) {
                stop++;
            }
            String sentence = text.substring(start, stop).strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
            start = stop;
        }
        return out;
    }

    /** Index of the first terminator outside quotes and brackets at or after {@code from}, or -1. */
    static int indexOfTerminator(String text, String terminators, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                continue; // ambiguous straight quote: ignore
            }
            if (OPENERS.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSERS.indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && terminators.indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the text ends a sentence (。！？；：…, possibly followed by a closing quote). */
    static boolean endsSentence(String text) {
        int i = text.length() - 1;
        while (i >= 0 && "”’」』".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && "。！？!?；;：:…".indexOf(text.charAt(i)) >= 0;
    }

    /** Whether a quotation (“…”) or book title (《…》) opened in the text is still open at its end. */
    static boolean hasOpenQuote(String text) {
        int quotes = 0;
        int titles = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '“' -> quotes++;
                case '”' -> quotes = Math.max(0, quotes - 1);
                case '《' -> titles++;
                case '》' -> titles = Math.max(0, titles - 1);
                default -> { }
            }
        }
        return quotes > 0 || titles > 0;
    }

    /** Removes trailing sentence punctuation and spaces. */
    static String stripEndPunctuation(String text) {
        int end = text.length();
        while (end > 0 && "。！？!?；;：:，,、 ".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end).strip();
    }

    /** Removes leading separators left after a marker (，：、 and spaces). */
    static String stripLeadingSeparators(String text) {
        int start = 0;
        while (start < text.length() && "，,：:、；; ".indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return text.substring(start);
    }

    /** Splits a list written with 、 (or ，；) outside quotes and brackets. */
    static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '、';
            if (i < text.length() && OPENERS.indexOf(c) >= 0) {
                depth++;
            } else if (i < text.length() && CLOSERS.indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (c == '、' || c == '，' || c == ',' || c == '；' || c == ';')) {
                String part = text.substring(start, Math.min(i, text.length())).strip();
                if (!part.isEmpty()) {
                    out.add(part);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** Display width: 2 for CJK and full-width characters, 1 otherwise. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) < 0x1100 ? 1 : 2;
        }
        return w;
    }
}
