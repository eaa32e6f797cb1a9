package cn.zhenggai.outline;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The OCR worker process behind {@link ProcessOcrEngine}: reads page image paths from stdin, one a line, runs the
 * in-process engine ({@link RapidOcrEngine}) on each and answers on <b>stderr</b> with lines marked {@code @@}. Its
 * stdout is left to the native library, which prints there and cannot be silenced; the parent discards it.
 *
 * <p>Protocol: {@code @@ready} once; per page {@code @@box\tconfidence\tleft\ttop\tright\tbottom\ttext} lines, then
 * {@code @@end}, or {@code @@error\tCODE\tmessage}. Text escapes backslash, tab and newline. Exits at end of stdin.
 */
public final class OcrWorker {

    private OcrWorker() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("@@ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            try {
                BufferedImage image = ImageIO.read(Path.of(line).toFile());
                if (image == null) {
                    throw new OutlineParseException(OutlineParseException.Code.CORRUPT, "not an image: " + line);
                }
                List<OcrEngine.OcrBox> boxes = RapidOcrEngine.shared().read(image);
                StringBuilder answer = new StringBuilder();
                for (OcrEngine.OcrBox box : boxes) {
                    answer.append(String.format(Locale.ROOT, "@@box\t%.3f\t%d\t%d\t%d\t%d\t%s%n", box.confidence(),
                            box.left(), box.top(), box.right(), box.bottom(), escape(box.text())));
                }
                out.print(answer.append("@@end").append(System.lineSeparator()));
            } catch (OutlineParseException e) {
                out.println("@@error\t" + e.code() + "\t" + escape(String.valueOf(e.getMessage())));
            } catch (IOException | RuntimeException e) {
                out.println("@@error\t" + OutlineParseException.Code.OCR_UNAVAILABLE + "\t" + escape(e.toString()));
            }
        }
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
