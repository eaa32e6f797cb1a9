package cn.zhenggai.bench;

import cn.zhenggai.outline.ParseTiming;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./zhenggai bench --scenario parse}: times the outline parse of one file of any kind in this JVM
 * ({@link ParseTiming}). Options: {@code --file FILE} (default: the sample outline of the outline module's tests,
 * under {@code --home}), {@code --runs 500}, {@code --warmup 200}.
 */
final class ParseBench {

    private static final String SAMPLE = "outline/src/test/resources/outlines/sample-2022.txt";

    private ParseBench() {
    }

    static void run(String[] args) throws Exception {
        Path home = Path.of(Bench.option(args, "--home", ".")).toAbsolutePath().normalize();
        String given = Bench.option(args, "--file", null);
        Path file = given != null ? Path.of(given) : home.resolve(SAMPLE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file + " (give one with --file FILE)");
        }
        int runs = Integer.parseInt(Bench.option(args, "--runs", "500"));
        int warmup = Integer.parseInt(Bench.option(args, "--warmup", "200"));
        System.out.println(ParseTiming.run(Files.readAllBytes(file), file.getFileName().toString(), runs, warmup));
    }

    /**
     * The arguments after {@code --scenario NAME} that are not the script's {@code --home DIR}: the positional
     * arguments of the per-kind and OCR benchmarks.
     */
    static String[] positional(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home") || args[i].equals("--scenario")) {
                i++;
            } else {
                rest.add(args[i]);
            }
        }
        return rest.toArray(String[]::new);
    }
}
