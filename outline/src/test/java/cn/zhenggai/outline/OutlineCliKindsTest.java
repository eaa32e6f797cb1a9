package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI for the kinds of issue 16: its usage names them, and a refused file exits 2 with one line naming the
 * refusal's code ({@code outline: CODE: reason}).
 */
class OutlineCliKindsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return OutlineCli.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theHelpNamesEveryKindTheParserReads() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("outline parse FILE")
                .contains(".txt", ".md", ".docx", ".doc", ".wps", ".pdf", ".png", ".jpg", ".tif");
        assertThat(run("parse")).isEqualTo(OutlineCli.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(".wps", ".pdf", ".tif");
    }

    @Test
    void aKindTheParserDoesNotReadExitsTwoWithItsCode() throws Exception {
        Path rtf = dir.resolve("outline.rtf");
        Files.writeString(rtf, "{\\rtf1\\ansi 某局2023年度民主生活会个人发言提纲\\par}");

        assertThat(run("parse", rtf.toString())).isEqualTo(OutlineCli.FAILED);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr.lines().count()).as(stderr).isEqualTo(1);
        assertThat(stderr).startsWith("outline: UNSUPPORTED_TYPE: ");
    }

    @Test
    void anEncryptedPdfExitsTwoWithEncrypted() throws Exception {
        Path pdf = dir.resolve("outline.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(pdf.toFile());
        }
        int exit = run("parse", pdf.toString());
        String stderr = err.toString(StandardCharsets.UTF_8);

        assertThat(exit).isEqualTo(OutlineCli.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(stderr.lines().count()).as(stderr).isEqualTo(1);
        assertThat(stderr).startsWith("outline: ENCRYPTED: ");
    }
}
