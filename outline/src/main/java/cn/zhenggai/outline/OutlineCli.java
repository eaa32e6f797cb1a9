package cn.zhenggai.outline;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Command line: {@code outline parse FILE} prints the outline JSON of an outline file on stdout (UTF-8) and exits 0:
 * .txt, .md, .docx, .doc, .wps, a PDF, or a scan (PDF without text, .png, .jpg, .tif …) read by OCR; the kind comes
 * from the content. Unreadable or unrecognisable input, and wrong usage, print one line
 * on stderr and exit 2. Nothing is written anywhere else.
 */
public final class OutlineCli {

    public static final int OK = 0;
    public static final int FAILED = 2;
    private static final String USAGE = "usage: outline parse FILE   (FILE: .txt, .md, .docx, .doc, .wps, .pdf, or a scan .png/.jpg/.tif)";

    private OutlineCli() {
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command and returns its exit code; used by {@link #main} and by tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help"))) {
            out.println(USAGE);
            return OK;
        }
        if (args.length != 2 || !args[0].equals("parse")) {
            err.println(USAGE);
            return FAILED;
        }
        Path file;
        try {
            file = Path.of(args[1]);
        } catch (InvalidPathException e) {
            err.println("outline: UNREADABLE: invalid path: " + oneLine(e.getMessage()));
            return FAILED;
        }
        try {
            Outline outline = OutlineParser.parse(file);
            out.println(OutlineJson.toPrettyJson(outline));
            return OK;
        } catch (OutlineParseException e) {
            err.println("outline: " + e.code() + ": " + oneLine(e.getMessage()));
            return FAILED;
        } catch (RuntimeException e) {
            err.println("outline: INTERNAL: " + oneLine(e.toString()));
            return FAILED;
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /**
     * POI logs through the Log4j API; with no Log4j backend on the class path the API would print
     * a warning on stderr, which must hold only our one-line reason. Only the CLI does this: a
     * host application keeps its own logging setup.
     */
    private static void quietLibraryLogging() {
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
        System.setProperty("log4j2.simplelogLevel", "OFF");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
    }
}
