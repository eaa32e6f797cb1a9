package cn.zhenggai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times {@link OutlineParser#parse(byte[], String)} on one file of any kind (.txt, .docx, .doc, .pdf …): warm-up,
 * then N timed runs; prints mean, p50, p95 and max in milliseconds. The test-scope {@code KindsBenchmark} runs it
 * on the sample outline in each kind.
 *
 * <p>{@code java -cp … cn.zhenggai.outline.ParseBenchmark [FILE] [N] [WARMUP]}; FILE defaults to
 * the sample outline among the module's test resources.
 */
public final class ParseBenchmark {

    private static final String[] DEFAULT_FILES = {
        "src/test/resources/outlines/sample-2022.txt",
        "outline/src/test/resources/outlines/sample-2022.txt",
    };

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : defaultFile();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();

        System.out.println(run(content, name, runs, warmup));
    }

    /**
     * Times {@code runs} parses of the bytes after {@code warmup} untimed ones; returns the two lines
     * {@link #main} prints (kind, size, runs; mean, p50, p95, max in milliseconds).
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

    private static Path defaultFile() {
        for (String candidate : DEFAULT_FILES) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        throw new IllegalArgumentException("no FILE given and the sample outline was not found; pass FILE");
    }
}
