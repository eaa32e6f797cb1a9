package cn.zhenggai.devstack;

import cn.zhenggai.demo.GatewayClient;
import cn.zhenggai.devstack.infra.InfraConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 10: the bad-input corpus ({@code bad-input-corpus.json}, made by {@code src/test/corpus/generate.py})
 * sent through the gateway of the whole embedded stack, byte for byte over a socket. Each case must be answered with
 * its 4xx and a JSON {@code {code, message}}, and change nothing: the event stores of the three services and the
 * gateway's directory count the same before and after it, and the audit chain ends where it ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COUNTS = {
            "SELECT count(*) FROM report.domainevententry",
            "SELECT count(*) FROM rectification.domainevententry",
            "SELECT count(*) FROM audit.domainevententry",
            "SELECT count(*) FROM gateway.users",
            "SELECT count(*) FROM gateway.departments",
            "SELECT count(*) FROM gateway.login_failures",
            "SELECT count(*) FROM gateway.refresh_tokens",
    };

    private PlatformStack stack;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> placeholders = new LinkedHashMap<>();

    @BeforeAll
    void startPlatform() throws Exception {
        stack = new PlatformStack(new PlatformStack.Settings(Path.of("..").toAbsolutePath().normalize(),
                InfraConfig.temporary(), 0, 320, Map.of()));
        stack.start(Duration.ofMinutes(5));
        for (String user : List.of("demo-dept", "demo-party", "demo-org", "demo-audit")) {
            tokens.put(user, new GatewayClient(stack.gatewayUrl()).login(user, "demo").accessToken());
        }
        GatewayClient liaison = new GatewayClient(stack.gatewayUrl()).withToken(tokens.get("demo-dept"));
        GatewayClient.Answer report = liaison.post("/api/reports", Map.of("title", "语料报告", "year", 2022));
        assertThat(report.status()).isEqualTo(201);
        String reportId = report.text("reportId");
        String problemId = liaison.post("/api/reports/" + reportId + "/problems",
                Map.of("theme", "理论学习", "ordinal", 1, "statement", "问题。")).text("problemId");
        String rootCauseId = liaison.post("/api/reports/" + reportId + "/root-causes",
                Map.of("title", "根源", "analysis", "分析", "problemIds", List.of(problemId))).text("rootCauseId");
        String measureId = liaison.post("/api/reports/" + reportId + "/measures",
                Map.of("title", "措施", "content", "内容")).text("measureId");
        placeholders.put("{report}", reportId);
        placeholders.put("{problem}", problemId);
        placeholders.put("{rootCause}", rootCauseId);
        placeholders.put("{measure}", measureId);
        // the audit log has the four set-up events before the corpus starts: its head is then the baseline
        GatewayClient auditor = new GatewayClient(stack.gatewayUrl()).withToken(tokens.get("demo-audit"));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (auditor.get("/api/audit/log?aggregateId=" + reportId).body().get("count").asInt() < 4) {
            assertThat(System.nanoTime()).as("the audit log caught up with the set-up").isLessThan(deadline);
            Thread.sleep(200);
        }
        // and the directory's start-up events (users, departments) have all reached it: the head rests for 5 s
        long head = auditHead();
        long restingSince = System.nanoTime();
        while (System.nanoTime() - restingSince < Duration.ofSeconds(5).toNanos()) {
            assertThat(System.nanoTime()).as("the audit log came to rest before the corpus").isLessThan(deadline);
            Thread.sleep(250);
            long now = auditHead();
            if (now != head) {
                System.out.printf("audit head still moving before the corpus: %d -> %d%n", head, now);
                head = now;
                restingSince = System.nanoTime();
            }
        }
    }

    @AfterAll
    void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyCaseIsRefusedWithItsCodeAndChangesNothing() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/bad-input-corpus.json")) {
            cases = JSON.readTree(in).get("cases");
        }
        assertThat(cases.size()).isGreaterThanOrEqualTo(200);
        long started = System.nanoTime();
        long auditHead = auditHead();
        List<String> failures = new ArrayList<>();
        try (Connection db = stack.infra().postgres().connect(PlatformStack.DATABASE)) {
            long[] before = counts(db);
            for (JsonNode c : cases) {
                String name = c.get("name").asText();
                Reply reply;
                long caseStarted = System.nanoTime();
                try {
                    reply = send(c);
                    long ms = (System.nanoTime() - caseStarted) / 1_000_000;
                    if (ms > 2_000) {
                        System.out.printf("slow case (%d ms): %s%n", ms, name);
                    }
                } catch (IOException e) {
                    failures.add(name + ": no answer (" + e + ")");
                    continue;
                }
                int status = c.get("status").asInt();
                String code = c.get("code").asText();
                JsonNode body = reply.json();
                if (reply.status() != status || body == null || !code.equals(body.path("code").asText())
                        || body.path("message").asText().isBlank()) {
                    failures.add(name + ": expected " + status + " " + code + ", got " + reply.status() + " "
                            + reply.contentType() + " " + abbreviate(reply.body()));
                }
                long[] after = counts(db);
                if (!java.util.Arrays.equals(before, after)) {
                    failures.add(name + ": changed the record " + java.util.Arrays.toString(before) + " -> "
                            + java.util.Arrays.toString(after));
                    before = after;
                }
            }
        }
        System.out.printf("bad-input corpus: %d cases in %.1f s%n", cases.size(), (System.nanoTime() - started) / 1e9);
        Thread.sleep(2_000);
        assertThat(failures).as(failures.size() + " of " + cases.size() + " cases failed").isEmpty();
        long headAfter = auditHead();
        assertThat(headAfter).as("the audit chain ends where it ended; its latest records: %s",
                headAfter == auditHead ? "" : latestAuditRecords()).isEqualTo(auditHead);
    }

    /** Position, type and aggregate of the audit log's latest records, to name what a case recorded. */
    private String latestAuditRecords() throws Exception {
        JsonNode entries = new GatewayClient(stack.gatewayUrl()).withToken(tokens.get("demo-audit"))
                .get("/api/audit/log?limit=10").body().path("entries");
        List<String> named = new ArrayList<>();
        entries.forEach(e -> named.add(e.path("position").asText() + " " + e.path("type").asText() + " "
                + e.path("aggregateId").asText()));
        return String.join("; ", named);
    }

    private long auditHead() throws Exception {
        GatewayClient.Answer verify = new GatewayClient(stack.gatewayUrl()).withToken(tokens.get("demo-audit"))
                .get("/api/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.body().get("ok").asBoolean()).isTrue();
        return verify.body().get("head").get("position").asLong();
    }

    private static long[] counts(Connection db) throws Exception {
        long[] counts = new long[COUNTS.length];
        try (Statement statement = db.createStatement()) {
            for (int i = 0; i < COUNTS.length; i++) {
                try (ResultSet rs = statement.executeQuery(COUNTS[i])) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
            }
        }
        return counts;
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            if (!contentType.startsWith("application/json")) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    private String fill(String text) {
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            text = text.replace(p.getKey(), p.getValue());
        }
        return text;
    }

    private Reply send(JsonNode c) throws IOException {
        if (c.has("raw")) {
            return exchange(fill(c.get("raw").asText()).getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
        }
        byte[] body = new byte[0];
        if (c.has("body")) {
            body = fill(c.get("body").asText()).getBytes(StandardCharsets.UTF_8);
        } else if (c.has("bodyHex")) {
            body = HexFormat.of().parseHex(c.get("bodyHex").asText());
        } else if (c.has("bodyGenerated")) {
            JsonNode g = c.get("bodyGenerated");
            byte[] fillUnit = g.get("fill").asText().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(g.get("prefix").asText().getBytes(StandardCharsets.UTF_8));
            for (long n = 0; n < g.get("bytes").asLong(); n += fillUnit.length) {
                out.writeBytes(fillUnit);
            }
            out.writeBytes(g.get("suffix").asText().getBytes(StandardCharsets.UTF_8));
            body = out.toByteArray();
        }
        String contentType = c.has("contentType") ? c.get("contentType").asText() : "application/json";
        StringBuilder head = new StringBuilder()
                .append(c.get("method").asText()).append(' ').append(fill(c.get("path").asText()))
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nConnection: close\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n");
        JsonNode user = c.get("user");
        if (user != null && !user.isNull()) {
            head.append("Authorization: Bearer ").append(tokens.get(user.asText())).append("\r\n");
        }
        byte[] payload = body;
        if (c.path("chunked").asBoolean()) {
            head.append("Transfer-Encoding: chunked\r\n");
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int off = 0; off < body.length; off += 64 * 1024) {
                int len = Math.min(64 * 1024, body.length - off);
                chunks.writeBytes((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                chunks.write(body, off, len);
                chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            payload = chunks.toByteArray();
        } else if (c.has("declaredLength")) {
            head.append("Content-Length: ").append(c.get("declaredLength").asLong()).append("\r\n");
        } else {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return exchange(head.toString().getBytes(StandardCharsets.UTF_8), payload);
    }

    private Reply exchange(byte[] head, byte[] body) throws IOException {
        URI gateway = URI.create(stack.gatewayUrl());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            try {
                out.write(body);
                out.flush();
            } catch (IOException answeredEarly) {
                // the gateway answered and closed before the whole body was sent
            }
            return read(socket.getInputStream());
        }
    }

    /**
     * One answer, framed by its Content-Length or chunks: the gateway may keep the connection open even though the
     * request asked to close it, so reading to the end of the stream would wait for its keep-alive timeout.
     */
    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long contentLength = -1;
        boolean chunked = false;
        String headers = null;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                received.write(buffer, 0, n);
                byte[] sofar = received.toByteArray();
                if (headEnd < 0) {
                    String text = new String(sofar, StandardCharsets.ISO_8859_1);
                    headEnd = text.indexOf("\r\n\r\n");
                    if (headEnd < 0) {
                        continue;
                    }
                    headers = text.substring(0, headEnd);
                    for (String line : headers.split("\r\n")) {
                        String lower = line.toLowerCase(java.util.Locale.ROOT);
                        if (lower.startsWith("content-length:")) {
                            contentLength = Long.parseLong(line.substring(15).strip());
                        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                            chunked = true;
                        }
                    }
                }
                int bodyBytes = sofar.length - headEnd - 4;
                if (contentLength >= 0 && bodyBytes >= contentLength) {
                    break;
                }
                if (chunked && new String(sofar, StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
                    break;
                }
                if (!chunked && contentLength < 0 && headers != null && headers.startsWith("HTTP/1.1 1")) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException | java.net.SocketException stopped) {
            // a timeout or reset after the answer: keep what came
        }
        return parse(received.toByteArray());
    }

    private static Reply parse(byte[] bytes) throws IOException {
        String response = new String(bytes, StandardCharsets.UTF_8);
        int split = response.indexOf("\r\n\r\n");
        if (split < 0 || response.length() < 12) {
            throw new IOException("no HTTP answer: " + abbreviate(response));
        }
        String headers = response.substring(0, split);
        String rest = response.substring(split + 4);
        String contentType = "";
        boolean chunked = false;
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        return new Reply(Integer.parseInt(headers.substring(9, 12)), contentType, chunked ? dechunk(rest) : rest);
    }

    private static String dechunk(String chunked) {
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < bytes.length) {
            int eol = at;
            while (eol + 1 < bytes.length && !(bytes[eol] == '\r' && bytes[eol + 1] == '\n')) {
                eol++;
            }
            int size = Integer.parseInt(new String(bytes, at, eol - at, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(bytes, eol + 2, Math.min(size, bytes.length - eol - 2));
            at = eol + 2 + size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
