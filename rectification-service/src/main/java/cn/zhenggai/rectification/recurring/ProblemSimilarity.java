package cn.zhenggai.rectification.recurring;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How closely two problem statements say the same thing: the Jaccard index of their character bigrams after
 * normalisation (full-width to half-width, punctuation, spaces, redaction marks and enumeration words such as
 * 一是/比如 removed). Chinese has no spaces between words, and character bigrams are the usual robust unit for
 * near-duplicate detection in it: a statement repeated with a few words changed keeps most of its bigrams, while
 * two different problems share little beyond stock phrases (还不够, 进一步).
 */
public final class ProblemSimilarity {

    /** Enumeration words and stock phrases (还不够, 进一步, 有待) that say nothing about the problem itself. */
    private static final Pattern NOISE = Pattern.compile(
            "(?:[一二三四五六七八九十]+是|比如|例如|主要是|主要表现在|方面|还不够|不够|还需要|还需|需要|进一步|有待于|有待|还有|存在|的|得|地)");
    private static final Pattern NOT_TEXT = Pattern.compile("[^\\p{IsHan}\\p{L}\\p{N}]+");

    private ProblemSimilarity() {
    }

    /** The text as compared: NFKC, lower case, only letters, digits and Han characters, without noise words. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase();
        s = NOISE.matcher(s).replaceAll(" ");
        return NOT_TEXT.matcher(s).replaceAll("");
    }

    /** Character bigrams of the normalized text (a one-character text is its own unigram). */
    public static Set<String> bigrams(String text) {
        String s = normalize(text);
        Set<String> grams = new HashSet<>();
        if (s.length() == 1) {
            grams.add(s);
        }
        for (int i = 0; i + 1 < s.length(); i++) {
            grams.add(s.substring(i, i + 2));
        }
        return grams;
    }

    /** Jaccard similarity of the two statements' bigram sets, 0 (nothing shared) to 1 (same bigrams). */
    public static double similarity(String a, String b) {
        return jaccard(bigrams(a), bigrams(b));
    }

    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String gram : small) {
            if (large.contains(gram)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
    }
}
