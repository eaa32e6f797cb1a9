package cn.zhenggai.audit.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./zhenggai audit verify BUNDLE.json}: checks an exported audit bundle offline. Prints {@code OK …} and exits
 * 0, or prints the first broken record and exits 1; a file that cannot be read as a bundle exits 2 with a one-line
 * reason on stderr.
 */
public final class VerifyBundle {

    private VerifyBundle() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: ./zhenggai audit verify BUNDLE.json");
            return 2;
        }
        Path file = Path.of(args[0]);
        JsonNode bundle;
        try {
            bundle = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            err.println(("not a bundle: " + file + " is not JSON (" + e.getOriginalMessage() + ")").replaceAll("\\s+", " "));
            return 2;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
            return 2;
        }
        BundleVerifier.Result result;
        try {
            result = BundleVerifier.verify(bundle);
        } catch (BundleVerifier.MalformedBundleException e) {
            err.println("not a bundle: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("not a bundle: " + e.getClass().getSimpleName() + " " + e.getMessage());
            return 2;
        }
        if (result.ok()) {
            out.println("OK " + result.records() + " records of " + result.aggregates()
                    + " aggregate(s); every hash recomputed and linked");
            return 0;
        }
        BundleVerifier.Broken broken = result.broken();
        out.println("BROKEN at position " + broken.position() + (broken.eventId() == null ? "" : ", event " + broken.eventId())
                + ": " + broken.code() + " - " + broken.reason());
        return 1;
    }
}
