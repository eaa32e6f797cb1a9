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
 * {@code ./zhenggai audit verify BUNDLE.json}: checks an exported audit bundle offline. Prints {@code OK 已核验 …} and
 * exits 0, or prints the first broken record ({@code BROKEN 位置 P，事件 E：CODE - 原因}) and exits 1; a file that
 * cannot be read as a bundle exits 2 with a one-line reason on stderr. The words are Chinese; the leading
 * {@code OK}/{@code BROKEN}, the codes and the exit status are what scripts match on.
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
            err.println("用法：./zhenggai audit verify 审计包.json");
            return 2;
        }
        Path file = Path.of(args[0]);
        JsonNode bundle;
        try {
            bundle = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            err.println(("不是审计包：" + file + " 不是 JSON（" + e.getOriginalMessage() + "）").replaceAll("\\s+", " "));
            return 2;
        } catch (IOException e) {
            err.println("无法读取 " + file + "：" + e.getClass().getSimpleName() + " " + e.getMessage());
            return 2;
        }
        BundleVerifier.Result result;
        try {
            result = BundleVerifier.verify(bundle);
        } catch (BundleVerifier.MalformedBundleException e) {
            err.println("不是审计包：" + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("不是审计包：" + e.getClass().getSimpleName() + " " + e.getMessage());
            return 2;
        }
        if (result.ok()) {
            out.println("OK 已核验 " + result.records() + " 条记录（" + result.aggregates()
                    + " 个聚合）：每个哈希均已重新计算，链条完整");
            return 0;
        }
        BundleVerifier.Broken broken = result.broken();
        out.println("BROKEN 位置 " + broken.position() + (broken.eventId() == null ? "" : "，事件 " + broken.eventId())
                + "：" + broken.code() + " - " + broken.reason());
        return 1;
    }
}
