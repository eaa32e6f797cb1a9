package cn.zhenggai.outline;

import java.util.Arrays;
import java.util.Locale;

/**
 * Times {@link OutlineParser#parse(byte[], String)} on one file of any kind (.txt, .docx, .doc, .pdf …): warm-up,
 * then N timed runs; mean, p50, p95 and max in milliseconds. Test code shared (test-jar) with the bench module's
 * {@code parse} scenario, which also runs {@link KindsBenchmark} ({@code --scenario parse-kinds}).
 */
public final class ParseTiming {

    private ParseTiming() {
    }

    /**
     * Times {@code runs} parses of the bytes after {@code warmup} untimed ones; returns the two lines
     * the scenarios print (kind, size, runs; mean, p50, p95, max in milliseconds).
     */
    public static String run(byte[] content, String name, int runs, int warmup) throws OutlineParseException {
        int sink = 0;
        FileKind kind = null;
        for (int i = 0; i < warmup; i++) {
            Outline outline = OutlineParser.parse(content, name);
            sink += outline.problems().size();
            kind = outline.source() == null ? null : outline.source().kind();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Outline outline = OutlineParser.parse(content, name);
            nanos[i] = System.nanoTime() - start;
            sink += outline.problems().size();
            kind = outline.source() == null ? null : outline.source().kind();
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        return String.format(Locale.ROOT, "outline parse %s (%s, %d bytes): %d runs after %d warm-up%n", name, kind,
                content.length, runs, warmup)
                + String.format(Locale.ROOT, "mean %.3f ms  p50 %.3f ms  p95 %.3f ms  max %.3f ms  (checksum %d)",
                mean, percentile(nanos, 0.50), percentile(nanos, 0.95), nanos[runs - 1] / 1e6, sink);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
