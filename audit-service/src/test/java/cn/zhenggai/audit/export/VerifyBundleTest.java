package cn.zhenggai.audit.export;

import cn.zhenggai.audit.TestLog;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.platform.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./zhenggai audit verify BUNDLE.json}: OK and exit 0, the first broken record and exit 1, malformed exit 2. */
class VerifyBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller AUDITOR = new Caller("demo-audit", "JW", Set.of(Role.DISCIPLINE));

    private final TestLog store = new TestLog();
    private ObjectNode bundle;

    @TempDir
    Path dir;

    @BeforeEach
    void export() {
        store.appendSample(6); // r1: d1 e1 e2 e4 e5 (positions 1 3 4 6 7), r2: d2 e3 e6 (2 5 8)
        bundle = JSON.valueToTree(new Bundles(store.log).bundle("r1", null, null, AUDITOR));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void anIntactBundleIsOk() throws Exception {
        Run run = verify(bundle);
        assertThat(run.exit).as(run.err).isEqualTo(0);
        assertThat(run.out).startsWith("OK 已核验 5 条记录（1 个聚合）");

        ObjectNode department = JSON.valueToTree(new Bundles(store.log).bundle(null, "CZJ", null, AUDITOR));
        assertThat(verify(department).exit).isEqualTo(0);
        ObjectNode early = JSON.valueToTree(new Bundles(store.log).bundle("r1", null, java.time.Instant.now().minusSeconds(3600), AUDITOR));
        assertThat(early.get("records")).isEmpty();
        assertThat(verify(early).exit).isEqualTo(0);
    }

    @Test
    void aModifiedFieldIsNamed() throws Exception {
        assertBroken(b -> entry(b, 2).put("actor", "intruder"), "BROKEN 位置 4，事件 e2：MODIFIED");
    }

    @Test
    void aModifiedPayloadIsNamed() throws Exception {
        assertBroken(b -> ((ObjectNode) record(b, 1).get("payload")).put("statement", "改过"),
                "BROKEN 位置 3，事件 e1：PAYLOAD_MODIFIED");
    }

    @Test
    void aPayloadHiddenWithoutBeingRedactedIsNamed() throws Exception {
        assertBroken(b -> record(b, 1).putNull("payload"), "BROKEN 位置 3，事件 e1：PAYLOAD_MODIFIED");
    }

    @Test
    void aRemovedRecordIsNamed() throws Exception {
        assertBroken(b -> records(b).remove(2), "BROKEN 位置 6，事件 e4：MISSING");
    }

    @Test
    void removedLastRecordsAreNamed() throws Exception {
        assertBroken(b -> records(b).remove(4), "TRUNCATED - 聚合 ");
    }

    @Test
    void swappedRecordsAreNamed() throws Exception {
        assertBroken(b -> {
            JsonNode second = records(b).get(1);
            records(b).set(1, records(b).get(2));
            records(b).set(2, second);
        }, "BROKEN 位置 4，事件 e2：MISSING"); // e2 comes where e1 (record #1 of r1) belongs
    }

    @Test
    void swappedPositionsAreNamed() throws Exception {
        assertBroken(b -> {
            entry(b, 1).put("position", 4);
            entry(b, 2).put("position", 3);
            JsonNode second = records(b).get(1);
            records(b).set(1, records(b).get(2));
            records(b).set(2, second);
        }, "BROKEN 位置 3，事件 e2：MODIFIED");
    }

    @Test
    void aForgedRecordIsNamed() throws Exception {
        assertBroken(b -> {
            ObjectNode forged = records(b).get(4).deepCopy();
            ((ObjectNode) forged.get("entry")).put("eventId", "forged").put("position", 99);
            records(b).add(forged);
        }, "BROKEN 位置 99，事件 forged：MODIFIED");
    }

    @Test
    void aTamperedDigestIsNamed() throws Exception {
        // the day's digest ends on position 8 (r2): export r2 so that it is included
        ObjectNode r2 = JSON.valueToTree(new Bundles(store.log).bundle("r2", null, null, AUDITOR));
        assertThat(r2.get("digests")).hasSize(1);
        ((ObjectNode) r2.get("digests").get(0)).put("headHash", "a".repeat(64));
        Run run = verify(r2);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).contains("BROKEN 位置 8，事件 e6：DIGEST_MISMATCH");
    }

    @Test
    void aFileThatIsNotABundleExitsWith2() throws Exception {
        Path notJson = dir.resolve("not.json");
        Files.writeString(notJson, "{ this is not json");
        assertThat(run(notJson.toString()).exit).isEqualTo(2);
        assertThat(run(notJson.toString()).err).startsWith("不是审计包");

        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\":\"something-else\",\"records\":[]}");
        assertThat(run(other.toString()).exit).isEqualTo(2);

        ObjectNode badHash = bundle.deepCopy();
        record(badHash, 0).put("hash", "xyz");
        assertThat(verify(badHash).exit).isEqualTo(2);

        ObjectNode noPosition = bundle.deepCopy();
        entry(noPosition, 0).remove("position");
        assertThat(verify(noPosition).exit).isEqualTo(2);

        assertThat(run(dir.resolve("missing.json").toString()).exit).isEqualTo(2);
        assertThat(run().exit).isEqualTo(2);
    }

    private void assertBroken(Consumer<ObjectNode> tamper, String expected) throws Exception {
        ObjectNode copy = bundle.deepCopy();
        assertThat(verify(copy).exit).isEqualTo(0);
        tamper.accept(copy);
        Run run = verify(copy);
        assertThat(run.exit).as(run.out + run.err).isEqualTo(1);
        assertThat(run.out).contains(expected);
    }

    private static ArrayNode records(ObjectNode bundle) {
        return (ArrayNode) bundle.get("records");
    }

    private static ObjectNode record(ObjectNode bundle, int i) {
        return (ObjectNode) records(bundle).get(i);
    }

    private static ObjectNode entry(ObjectNode bundle, int i) {
        return (ObjectNode) record(bundle, i).get("entry");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run verify(JsonNode bundle) throws Exception {
        Path file = Files.createTempFile(dir, "bundle", ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle));
        return run(file.toString());
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyBundle.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
