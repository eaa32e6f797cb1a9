package cn.zhenggai.devstack;

import cn.zhenggai.demo.DemoData;
import cn.zhenggai.demo.GatewayClient;
import cn.zhenggai.contracts.Topics;
import cn.zhenggai.devstack.infra.InfraConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform over the real embedded infrastructure: PostgreSQL, Kafka (KRaft), the MongoDB-compatible
 * store, and the four services as their own JVMs, built by the reactor before this module.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(120);

    private PlatformStack stack;
    private GatewayClient liaison;
    private GatewayClient auditor;
    private String reportId;
    private String demoReportId;

    @BeforeAll
    void startPlatform() throws Exception {
        stack = new PlatformStack(new PlatformStack.Settings(Path.of("..").toAbsolutePath().normalize(),
                InfraConfig.temporary(), 0, 320, Map.of()));
        stack.start(Duration.ofMinutes(5));
        liaison = new GatewayClient(stack.gatewayUrl()).login("demo-dept", "demo");
        auditor = new GatewayClient(stack.gatewayUrl()).login("demo-audit", "demo");
    }

    @AfterAll
    void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aCommandThroughTheGatewayReachesKafkaTheReadModelAndTheAuditLog() throws Exception {
        GatewayClient.Answer drafted = liaison.post("/api/reports", Map.of("title", "2022年度民主生活会个人发言提纲", "year", 2022));
        assertThat(drafted.status()).isEqualTo(201);
        reportId = drafted.text("reportId");

        GatewayClient.Answer identified = liaison.post("/api/reports/" + reportId + "/problems", problem(1));
        assertThat(identified.status()).isEqualTo(201);
        String problemId = identified.text("problemId");

        List<ConsumerRecord<String, String>> records = readTopic(Topics.REPORT_EVENTS, reportId, 2);
        ConsumerRecord<String, String> record = records.get(1);
        assertThat(record.key()).isEqualTo(reportId);
        JsonNode envelope = JSON.readTree(record.value());
        assertThat(envelope.get("type").asText()).isEqualTo("ProblemIdentified");
        assertThat(envelope.get("revision").asText()).isEqualTo("2");
        assertThat(envelope.get("aggregateType").asText()).isEqualTo("Report");
        assertThat(envelope.get("aggregateId").asText()).isEqualTo(reportId);
        assertThat(envelope.get("sequence").asLong()).isEqualTo(1);
        assertThat(envelope.get("actor").asText()).isEqualTo("demo-dept");
        assertThat(envelope.get("department").asText()).isEqualTo("XZSPJ");
        assertThat(envelope.get("eventId").asText()).isNotBlank();
        assertThat(envelope.get("timestamp").asText()).isNotBlank();
        assertThat(envelope.get("payload").get("problemId").asText()).isEqualTo(problemId);
        assertThat(envelope.get("payload").get("statement").asText()).isEqualTo("第1个问题：理论学习不够深入。");

        JsonNode problems = eventually(() -> {
            JsonNode body = liaison.get("/api/rectification/problems?reportId=" + reportId).body();
            return body.get("count").asInt() == 1 ? body : null;
        });
        assertThat(problems.get("problems").get(0).get("problemId").asText()).isEqualTo(problemId);
        assertThat(problems.get("problems").get(0).get("example").asText()).isEqualTo("比如学习停留在读原文。");

        JsonNode log = eventually(() -> {
            JsonNode body = auditor.get("/api/audit/log?aggregateId=" + reportId).body();
            return body.get("count").asInt() == 2 ? body : null;
        });
        assertThat(log.get("entries").get(0).get("type").asText()).isEqualTo("ReportDrafted");
        assertThat(log.get("entries").get(1).get("type").asText()).isEqualTo("ProblemIdentified");
    }

    @Test
    @Order(2)
    void commandsAcceptedWhileKafkaIsDownArriveOnceItReturns() throws Exception {
        stack.infra().kafka().stop();
        try {
            for (int i = 2; i <= 6; i++) {
                GatewayClient.Answer answer = liaison.post("/api/reports/" + reportId + "/problems", problem(i));
                assertThat(answer.status()).as("command %d accepted while Kafka is down", i).isEqualTo(201);
            }
            assertThat(storedEvents("report", reportId)).isEqualTo(7);
        } finally {
            stack.infra().kafka().start();
        }

        JsonNode problems = eventually(() -> {
            JsonNode body = liaison.get("/api/rectification/problems?reportId=" + reportId).body();
            return body.get("count").asInt() >= 6 ? body : null;
        });
        JsonNode log = eventually(() -> {
            JsonNode body = auditor.get("/api/audit/log?aggregateId=" + reportId).body();
            return body.get("count").asInt() >= 7 ? body : null;
        });
        Thread.sleep(3_000); // let any redelivery land before counting
        problems = liaison.get("/api/rectification/problems?reportId=" + reportId).body();
        log = auditor.get("/api/audit/log?aggregateId=" + reportId).body();
        assertThat(problems.get("count").asInt()).isEqualTo(6);
        List<Integer> ordinals = new ArrayList<>();
        problems.get("problems").forEach(p -> ordinals.add(p.get("ordinal").asInt()));
        assertThat(ordinals).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);

        assertThat(log.get("count").asInt()).isEqualTo(7);
        Set<String> eventIds = new HashSet<>();
        List<Long> sequences = new ArrayList<>();
        log.get("entries").forEach(e -> {
            eventIds.add(e.get("eventId").asText());
            sequences.add(e.get("sequence").asLong());
        });
        assertThat(eventIds).hasSize(7);
        assertThat(sequences).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L);

        List<ConsumerRecord<String, String>> records = readTopic(Topics.REPORT_EVENTS, reportId, 7);
        List<Long> published = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            published.add(JSON.readTree(r.value()).get("sequence").asLong());
        }
        assertThat(published).as("published in order").isSorted();
    }

    @Test
    @Order(3)
    void badCommandsAreRefusedWithACodeAndChangeNothing() throws Exception {
        long before = storedEvents("report", null);

        GatewayClient.Answer missing = liaison.post("/api/reports/" + reportId + "/problems", Map.of("theme", "某方面"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.text("message")).isNotBlank();

        GatewayClient.Answer malformed = liaison.postRaw("/api/reports", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("code")).isEqualTo("MALFORMED_REQUEST");

        GatewayClient.Answer unknown = liaison.post("/api/reports/rpt-" + UUID.randomUUID() + "/problems", problem(1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("REPORT_NOT_FOUND");

        GatewayClient.Answer duplicate = liaison.post("/api/reports/" + reportId + "/problems", problem(1));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("code")).isEqualTo("DUPLICATE_ORDINAL");

        GatewayClient anonymous = new GatewayClient(stack.gatewayUrl());
        GatewayClient.Answer unauthenticated = anonymous.post("/api/reports/" + reportId + "/problems", problem(9));
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.text("code")).isEqualTo("UNAUTHENTICATED");

        GatewayClient forged = anonymous.withToken(forgedToken());
        assertThat(forged.post("/api/reports", Map.of("title", "伪造")).status()).isEqualTo(401);

        GatewayClient direct = new GatewayClient(stack.serviceUrl("report-service"));
        GatewayClient.Answer bypass = direct.post("/api/reports/" + reportId + "/problems", problem(9));
        assertThat(bypass.status()).as("the service checks the token itself").isEqualTo(401);
        assertThat(bypass.text("code")).isEqualTo("UNAUTHENTICATED");

        GatewayClient.Answer wrongLogin = anonymous.post("/api/auth/login", Map.of("username", "demo-dept", "password", "x"));
        assertThat(wrongLogin.status()).isEqualTo(401);
        assertThat(wrongLogin.text("code")).isEqualTo("BAD_CREDENTIALS");

        GatewayClient.Answer otherDepartment = auditor.get("/api/audit/log");
        assertThat(otherDepartment.status()).isEqualTo(200);
        assertThat(liaison.get("/api/audit/log").status()).as("audit log is not for liaisons").isEqualTo(403);
        assertThat(liaison.get("/api/rectification/problems?department=CZJ").status()).isEqualTo(403);

        assertThat(storedEvents("report", null)).as("no event stored by refused commands").isEqualTo(before);
    }

    @Test
    @Order(4)
    void aPoisonRecordIsDeadLetteredAndTheRecordsAfterItKeepFlowing() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra().kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.REPORT_EVENTS, reportId, "{\"this is\": not an envelope")).get();
        }
        GatewayClient.Answer after = liaison.post("/api/reports/" + reportId + "/problems", problem(7));
        assertThat(after.status()).isEqualTo(201);

        eventually(() -> liaison.get("/api/rectification/problems?reportId=" + reportId).body()
                .get("count").asInt() == 7 ? Boolean.TRUE : null);
        eventually(() -> auditor.get("/api/audit/log?aggregateId=" + reportId).body()
                .get("count").asInt() == 8 ? Boolean.TRUE : null);

        GatewayClient party = new GatewayClient(stack.gatewayUrl()).login("demo-party", "demo");
        for (String service : List.of("rectification", "audit")) {
            JsonNode letters = party.get("/api/" + service + "/dead-letters").body();
            assertThat(letters.get("count").asInt()).as(service + " dead letters").isEqualTo(1);
            JsonNode letter = letters.get("latest").get(0);
            assertThat(letter.get("topic").asText()).isEqualTo(Topics.REPORT_EVENTS);
            assertThat(letter.get("error").asText()).isEqualTo("MalformedEnvelopeException");
            assertThat(letter.get("value").asText()).contains("not an envelope");
        }
        assertThat(liaison.get("/api/rectification/dead-letters").status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void eachServiceKeepsEventsTokensAndDeadlinesInItsOwnSchema() throws Exception {
        try (Connection connection = stack.infra().postgres().connect(PlatformStack.DATABASE);
             Statement statement = connection.createStatement()) {
            for (String schema : List.of("report", "rectification", "audit")) {
                for (String table : List.of("domainevententry", "snapshotevententry", "tokenentry",
                        "scheduled_tasks")) {
                    ResultSet found = statement.executeQuery("SELECT count(*) FROM information_schema.tables "
                            + "WHERE table_schema = '" + schema + "' AND table_name = '" + table + "'");
                    found.next();
                    assertThat(found.getInt(1)).as(schema + "." + table).isEqualTo(1);
                }
            }
            ResultSet token = statement.executeQuery(
                    "SELECT count(*) FROM report.tokenentry WHERE processorname = 'kafka-publisher'");
            token.next();
            assertThat(token.getInt(1)).as("the publisher's tracking token is stored").isEqualTo(1);
        }
    }

    @Test
    @Order(6)
    void everyServiceExposesHealthAndPrometheusMetricsIncludingAxons() throws Exception {
        for (String service : PlatformStack.SERVICES) {
            GatewayClient direct = new GatewayClient(stack.serviceUrl(service));
            assertThat(direct.get("/actuator/health").status()).as(service + " health").isEqualTo(200);
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String metrics = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stack.serviceUrl("report-service") + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("zhenggai_events_published_total")
                .contains("commandBus_successCounter_total")
                .contains("eventProcessor_latency{application=\"report-service\",processorName=\"kafka-publisher\"}");
        String consumer = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stack.serviceUrl("rectification-service") + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(consumer).contains("zhenggai_events_consumed_total").contains("zhenggai_dead_letters");
    }

    @Test
    @Order(8)
    void theAuditLogIsChainedVerifiableAndExportedAsABundleThatVerifiesOffline() throws Exception {
        JsonNode verified = auditor.get("/api/audit/verify").body();
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("checked").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(verified.get("firstBroken").isNull()).isTrue();
        JsonNode digests = auditor.get("/api/audit/digests").body();
        assertThat(digests.get("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(digests.get("digests").get(0).get("headHash").asText()).hasSize(64);

        JsonNode timeline = auditor.get("/api/audit/aggregates/" + reportId + "/timeline").body();
        assertThat(timeline.get("count").asInt()).isEqualTo(8);
        assertThat(timeline.get("events").get(0).get("summary").asText()).startsWith("起草报告：《2022年度民主生活会个人发言提纲》");
        assertThat(timeline.get("events").get(1).get("summary").asText()).isEqualTo("提出问题：第1个问题：理论学习不够深入。");
        assertThat(timeline.get("events").get(1).get("actor").asText()).isEqualTo("demo-dept");

        java.net.http.HttpResponse<byte[]> bundle = raw(auditor, "/api/audit/export?aggregateId=" + reportId);
        assertThat(bundle.statusCode()).isEqualTo(200);
        Path file = java.nio.file.Files.createTempFile("audit-bundle", ".json");
        java.nio.file.Files.write(file, bundle.body());
        Cli ok = zhenggai("audit", "verify", file.toString());
        assertThat(ok.exit()).as(ok.output()).isEqualTo(0);
        assertThat(ok.output()).startsWith("OK 已核验 8 条记录");
        java.nio.file.Files.writeString(file, new String(bundle.body(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("第3个问题", "第9个问题"));
        Cli broken = zhenggai("audit", "verify", file.toString());
        assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output()).contains("BROKEN 位置").contains("PAYLOAD_MODIFIED");
        java.nio.file.Files.delete(file);

        java.net.http.HttpResponse<byte[]> csv = raw(auditor, "/api/audit/export?department=XZSPJ&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

        assertThat(liaison.get("/api/audit/verify").status()).isEqualTo(403);
        GatewayClient.Answer ownDepartment = liaison.get("/api/audit/aggregates/" + reportId + "/timeline");
        assertThat(ownDepartment.status()).isEqualTo(403);
        assertThat(ownDepartment.text("code")).isEqualTo("FORBIDDEN_ROLE");
        GatewayClient.Answer otherDepartment = liaison.get("/api/audit/export?department=CZJ");
        assertThat(otherDepartment.status()).isEqualTo(403);
        assertThat(otherDepartment.text("code")).as("the role is checked first (ADR 0072)").isEqualTo("FORBIDDEN_ROLE");
        GatewayClient.Answer badDate = auditor.get("/api/audit/aggregates/" + reportId + "/timeline?asOf=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text("code")).isEqualTo("BAD_DATE");
        GatewayClient.Answer reversed = auditor.get("/api/audit/digests?from=2022-12-21&to=2022-12-20");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.text("code")).isEqualTo("BAD_RANGE");
    }

    private java.net.http.HttpResponse<byte[]> raw(GatewayClient client, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(stack.gatewayUrl() + path))
                        .header("Authorization", "Bearer " + client.accessToken()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    private record Cli(int exit, String output) {
    }

    /** Runs the ./zhenggai script at the repository root, as a user would. */
    private static Cli zhenggai(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of("..", "zhenggai").toAbsolutePath().normalize().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new Cli(process.exitValue(), output);
    }

    @Test
    @Order(90)
    void theServicesListenOnLoopbackOnlyAndTheGatewaysMetricsAreServedToThisHost() throws Exception {
        java.util.Optional<java.net.InetAddress> external = java.util.Collections.list(
                        java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (java.net.SocketException e) { return false; } })
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address).findFirst();
        for (String service : List.of("report-service", "rectification-service", "audit-service")) {
            int port = stack.services().get(service).port();
            try (java.net.Socket loopback = new java.net.Socket("127.0.0.1", port)) {
                assertThat(loopback.isConnected()).isTrue();
            }
            if (external.isPresent()) {
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(new java.net.InetSocketAddress(external.get(), port), 2_000);
                    throw new AssertionError(service + " answers on " + external.get() + ":" + port);
                } catch (java.net.ConnectException | java.net.SocketTimeoutException refused) {
                    // not listening there
                }
            }
        }
        GatewayClient.Answer prometheus = new GatewayClient(stack.gatewayUrl()).get("/actuator/metrics");
        assertThat(prometheus.status()).as("from loopback, a trusted address").isEqualTo(200);
    }

    @Test
    @Order(99)
    void stoppingTheStackLeavesNoProcessBehind() throws Exception {
        List<Long> pids = new ArrayList<>(stack.pids());
        pids.remove(Long.valueOf(ProcessHandle.current().pid()));
        assertThat(pids).as("four services and PostgreSQL").hasSizeGreaterThanOrEqualTo(5);
        stack.close();
        stack = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Long> alive = pids;
        while (System.nanoTime() < deadline) {
            alive = pids.stream().filter(EndToEndTest::running).toList();
            if (alive.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(alive).as("processes still running after close").isEmpty();
    }

    /** Alive and not a zombie waiting to be reaped (PostgreSQL's postmaster is detached from this JVM). */
    private static boolean running(long pid) {
        try {
            String status = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/status"));
            return !status.contains("State:\tZ");
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    @Test
    @Order(7)
    void theDemoOutlineIsImportedThroughTheGatewaySubmittedAndItsPersonalMattersStaySealed() throws Exception {
        Path marker = java.nio.file.Files.createTempDirectory("zhenggai-demo").resolve("demo-loaded");
        assertThat(DemoData.loadOnce(new GatewayClient(stack.gatewayUrl()), marker)).isEqualTo(21);
        assertThat(DemoData.loadOnce(new GatewayClient(stack.gatewayUrl()), marker)).as("loaded once").isZero();
        String demoReport = java.nio.file.Files.readString(marker).strip();
        demoReportId = demoReport;

        JsonNode report = liaison.get("/api/reports/" + demoReport).body();
        assertThat(report.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(report.get("department").asText()).isEqualTo("XZSPJ");
        assertThat(report.get("author").asText()).isEqualTo("demo-dept");
        assertThat(report.get("problems").size()).isEqualTo(21);
        assertThat(report.get("measures").size()).isEqualTo(3);

        int events = 1 + 1 + 1 + 21 + 1 + 3 + 1 + 3 + 3 + 1; // drafted … measures, root causes linked, submitted
        List<ConsumerRecord<String, String>> records = readTopic(Topics.REPORT_EVENTS, demoReport, events);
        for (ConsumerRecord<String, String> r : records) {
            assertThat(r.value()).as("no personal matter in clear on Kafka").doesNotContain("秘书").doesNotContain("商业房");
        }
        eventually(() -> liaison.get("/api/rectification/problems?reportId=" + demoReport).body()
                .get("count").asInt() == 21 ? Boolean.TRUE : null);
        eventually(() -> auditor.get("/api/audit/log?aggregateId=" + demoReport).body()
                .get("count").asInt() == events ? Boolean.TRUE : null);
        eventually(() -> {
            for (JsonNode r : liaison.get("/api/reports").body().get("reports")) {
                if (r.get("reportId").asText().equals(demoReport) && r.get("status").asText().equals("SUBMITTED")) {
                    return Boolean.TRUE;
                }
            }
            return null;
        });

        GatewayClient org = new GatewayClient(stack.gatewayUrl()).login("demo-org", "demo");
        GatewayClient.Answer read = org.get("/api/reports/" + demoReport + "/personal-matters");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("readAs").asText()).isEqualTo("ORG_DEPT");
        assertThat(read.body().get("declaration").get("properties").size()).isEqualTo(4);
        GatewayClient party = new GatewayClient(stack.gatewayUrl()).login("demo-party", "demo");
        assertThat(party.get("/api/reports/" + demoReport + "/personal-matters").status()).isEqualTo(403);
        JsonNode logged = eventually(() -> {
            JsonNode log = auditor.get("/api/audit/log?aggregateId=" + demoReport).body();
            return log.get("count").asInt() == events + 1 ? log : null;
        });
        boolean readRecorded = false;
        for (JsonNode entry : logged.get("entries")) {
            readRecorded |= "PersonalMattersRead".equals(entry.path("type").asText())
                    && "demo-org".equals(entry.path("actor").asText());
        }
        assertThat(readRecorded).as("who read whose declaration is in the audit log: " + logged).isTrue();

        long before = storedEvents("report", null);
        GatewayClient.Answer empty = liaison.postRaw("/api/outlines/import?fileName=empty.txt", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("code")).isEqualTo("EMPTY");
        GatewayClient.Answer prose = liaison.postRaw("/api/outlines/import?fileName=notes.txt",
                "今天天气晴朗，气温适宜。\n上午召开了部门例会。\n");
        assertThat(prose.status()).isEqualTo(400);
        assertThat(prose.text("code")).isEqualTo("NO_STRUCTURE");
        assertThat(storedEvents("report", null)).as("a refused import stores nothing").isEqualTo(before);
    }

    @Test
    @Order(10)
    void anAcceptedReportsMeasuresReachTheLedgerAndOneIsCompletedVerifiedAndCountedInTheOverview() throws Exception {
        assertThat(demoReportId).as("the demo report of test 7").isNotNull();
        GatewayClient org = new GatewayClient(stack.gatewayUrl()).login("demo-org", "demo");
        GatewayClient party = new GatewayClient(stack.gatewayUrl()).login("demo-party", "demo");
        GatewayClient.Answer accepted = org.post("/api/reports/" + demoReportId + "/acceptance", Map.of());
        assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");

        JsonNode ledger = eventually(() -> {
            JsonNode body = liaison.get("/api/ledger?department=XZSPJ").body();
            return rowsOf(body, demoReportId).size() == 3 ? body : null;
        });
        List<JsonNode> rows = rowsOf(ledger, demoReportId);
        for (JsonNode row : rows) {
            assertThat(row.get("measureId").asText()).startsWith("mea-");
            assertThat(row.get("source").asText()).isEqualTo("REPORT");
            assertThat(row.get("leadDepartment").asText()).isEqualTo("XZSPJ");
            assertThat(row.get("status").asText()).isEqualTo("PLANNED");
            assertThat(row.get("title").asText()).isNotBlank();
            assertThat(row.has("problem") && row.has("owner") && row.has("deadline") && row.has("colour")
                    && row.has("lastProgress")).as(row.toString()).isTrue();
        }
        assertThat(liaison.get("/api/ledger?department=ZZB").status()).as("another department's ledger").isEqualTo(403);
        assertThat(liaison.get("/api/overview?department=ZZB").status()).isEqualTo(403);

        String measure = rows.get(0).get("measureId").asText();
        String inAMonth = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        long before = storedEvents("rectification", measure);
        GatewayClient.Answer past = liaison.post("/api/measures/" + measure + "/assignment", Map.of(
                "leadDepartment", "XZSPJ", "owner", "张*", "deadline", "2020-01-01"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("code")).isEqualTo("DEADLINE_IN_PAST");
        GatewayClient.Answer unknown = liaison.post("/api/measures/" + measure + "/assignment", Map.of(
                "leadDepartment", "NOPE", "owner", "张*", "deadline", inAMonth));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("UNKNOWN_DEPARTMENT");
        assertThat(storedEvents("rectification", measure)).as("refusals store nothing").isEqualTo(before);

        GatewayClient.Answer assigned = liaison.post("/api/measures/" + measure + "/assignment", Map.of(
                "leadDepartment", "XZSPJ", "cooperatingDepartments", List.of("ZZB"), "owner", "张*",
                "deadline", inAMonth));
        assertThat(assigned.status()).as(String.valueOf(assigned.body())).isEqualTo(200);
        assertThat(liaison.post("/api/measures/" + measure + "/progress", Map.of("text", "已开展三次集中学习。"))
                .status()).isEqualTo(200);
        assertThat(liaison.post("/api/measures/" + measure + "/completion", Map.of("summary", "全年开展理论学习12次。"))
                .status()).isEqualTo(200);
        GatewayClient.Answer notParty = liaison.post("/api/measures/" + measure + "/verification", Map.of());
        assertThat(notParty.status()).isEqualTo(403);
        assertThat(notParty.text("code")).isEqualTo("FORBIDDEN_ROLE");
        GatewayClient.Answer verified = party.post("/api/measures/" + measure + "/verification",
                Map.of("opinion", "整改到位，同意销号。"));
        assertThat(verified.status()).as(String.valueOf(verified.body())).isEqualTo(200);
        GatewayClient.Answer again = liaison.post("/api/measures/" + measure + "/completion", Map.of("summary", "再次完成。"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("MEASURE_VERIFIED");

        JsonNode overview = eventually(() -> {
            JsonNode body = party.get("/api/overview").body();
            for (JsonNode d : body.get("departments")) {
                if (d.get("department").asText().equals("XZSPJ") && d.get("verified").asInt() == 1) {
                    return d;
                }
            }
            return null;
        });
        assertThat(overview.get("total").asInt()).isEqualTo(3);
        assertThat(overview.get("completed").asInt()).isEqualTo(1);
        assertThat(overview.get("overdue").asInt()).isZero();
        assertThat(overview.get("completionRate").asDouble()).isBetween(0.333, 0.334);
        JsonNode own = liaison.get("/api/overview").body();
        assertThat(own.get("departments").size()).isEqualTo(1);
        assertThat(own.get("departments").get(0).get("department").asText()).isEqualTo("XZSPJ");
        JsonNode row = liaison.get("/api/measures/" + measure).body();
        assertThat(row.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(row.get("colour").asText()).isEqualTo("GREEN");
        assertThat(row.get("owner").asText()).isEqualTo("张*");
        assertThat(row.get("deadline").asText()).isEqualTo(inAMonth);
        assertThat(row.get("lastProgress").asText()).isEqualTo("已开展三次集中学习。");

        List<ConsumerRecord<String, String>> published = readTopic(Topics.RECTIFICATION_EVENTS, measure, 5);
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> r : published) {
            JsonNode envelope = JSON.readTree(r.value());
            types.add(envelope.get("type").asText());
            assertThat(envelope.get("department").asText()).isEqualTo("XZSPJ");
            assertThat(envelope.get("aggregateType").asText()).isEqualTo("Measure");
        }
        assertThat(types).containsExactly("MeasurePlanned", "MeasureAssigned", "ProgressReported",
                "MeasureCompleted", "MeasureVerified");
        assertThat(JSON.readTree(published.get(4).value()).get("actor").asText()).isEqualTo("demo-party");
        assertThat(JSON.readTree(published.get(3).value()).get("actor").asText()).isEqualTo("demo-dept");
    }

    @Test
    @Order(30)
    void theDemoLedgerFillsThirteenDepartmentsWithRecurringProblemsCarryOverAndScopedLists() throws Exception {
        assertThat(demoReportId).as("the demo report of test 7").isNotNull();
        Path marker = java.nio.file.Files.createTempDirectory("zhenggai-demo").resolve("demo-ledger-loaded");
        cn.zhenggai.demo.DemoLedger.Summary summary = cn.zhenggai.demo.DemoLedger.loadOnce(
                new GatewayClient(stack.gatewayUrl()), stack.keysDir(), marker, demoReportId, System.out);
        System.out.println("demo ledger: " + summary);
        assertThat(summary.reports()).isEqualTo(52);
        assertThat(summary.items()).isEqualTo(3 + 52 * 3);
        assertThat(cn.zhenggai.demo.DemoLedger.loadOnce(new GatewayClient(stack.gatewayUrl()),
                stack.keysDir(), marker, demoReportId, System.out)).as("loaded once").isNull();

        GatewayClient party = new GatewayClient(stack.gatewayUrl()).login("demo-party", "demo");
        JsonNode overview = eventually(() -> {
            JsonNode body = party.get("/api/overview").body();
            return body.at("/totals/verified").asInt() >= 40 && body.at("/totals/recurring").asInt() > 0
                    ? body : null;
        });
        assertThat(overview.get("departments").size()).isEqualTo(13);
        assertThat(overview.at("/totals/total").asInt()).isEqualTo(3 + 52 * 3);
        assertThat(overview.get("themes").size()).isGreaterThanOrEqualTo(10);
        assertThat(overview.at("/heatmap/values").size()).isGreaterThan(13);
        assertThat(overview.get("trend").size()).isGreaterThanOrEqualTo(1);

        JsonNode xzspj = liaison.get("/api/ledger").body();
        assertThat(xzspj.get("department").asText()).isEqualTo("XZSPJ");
        assertThat(xzspj.get("count").asInt()).isEqualTo(3 + 4 * 3);
        Set<String> statuses = new HashSet<>();
        boolean recurring = false;
        for (JsonNode row : xzspj.get("rows")) {
            statuses.add(row.get("status").asText());
            if (row.get("recurring").asBoolean()) {
                recurring = true;
                assertThat(row.at("/recurrences/0/earlierStatement").asText()).isNotBlank();
                assertThat(row.at("/recurrences/0/earlierYear").asInt()).isEqualTo(2021);
            }
        }
        assertThat(statuses).contains("IN_PROGRESS", "COMPLETED", "VERIFIED");
        assertThat(recurring).as("a recurring problem in 行政审批局's ledger").isTrue();
        // 历史台账补录: an item the party committee backfilled with a passed deadline becomes overdue and red through
        // the usual overdue timer and supervision chain, and counts in the overview
        JsonNode overdueRow = eventually(() -> {
            for (JsonNode row : liaison.get("/api/ledger").body().get("rows")) {
                if (row.path("overdue").asBoolean() && "RED".equals(row.path("colour").asText())) {
                    return row;
                }
            }
            return null;
        });
        assertThat(overdueRow.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(java.time.LocalDate.parse(overdueRow.get("deadline").asText()))
                .isBefore(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(overdueRow.get("lastProgress").asText()).isNotBlank();
        JsonNode withOverdue = eventually(() -> {
            JsonNode body = party.get("/api/overview").body();
            return body.at("/totals/overdue").asInt() > 0 ? body : null;
        });
        assertThat(withOverdue.at("/totals/overdue").asInt()).isPositive();
        GatewayClient.Answer notParty = liaison.post("/api/measures/" + overdueRow.get("measureId").asText()
                + "/assignment", Map.of("leadDepartment", "XZSPJ", "owner", "张*", "deadline", "2020-01-01",
                "backfill", true));
        assertThat(notParty.status()).as("only the party committee backfills").isEqualTo(403);
        assertThat(notParty.text("code")).isEqualTo("FORBIDDEN_ROLE");
        assertThat(liaison.get("/api/ledger?department=CZJ").status()).isEqualTo(403);
        assertThat(liaison.get("/api/ledger/due?department=CZJ").status()).isEqualTo(403);
        assertThat(liaison.get("/api/ledger/due?days=0").text("code")).isEqualTo("INVALID_DAYS");
        JsonNode due = liaison.get("/api/ledger/due?days=30").body();
        assertThat(due.get("count").asInt()).isPositive();
        due.get("rows").forEach(r -> assertThat(r.get("leadDepartment").asText()).isEqualTo("XZSPJ"));
        assertThat(liaison.get("/api/ledger/mine").body().get("count").asInt()).as("the sample's items are demo-dept's")
                .isPositive();
        JsonNode yellow = eventually(() -> {
            for (JsonNode row : liaison.get("/api/ledger").body().get("rows")) {
                if ("YELLOW".equals(row.get("colour").asText())) {
                    return row;
                }
            }
            return null;
        });
        assertThat(yellow.get("status").asText()).isEqualTo("IN_PROGRESS");

        java.net.http.HttpResponse<byte[]> export = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.gatewayUrl()
                        + "/api/ledger/export.xlsx")).header("Authorization", "Bearer " + liaison.accessToken())
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(export.body()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1 + 3 + 4 * 3);
        }

        // the 2022 reports were submitted with the carry-over prepared from the cadre's 2021 items
        JsonNode reports = party.get("/api/reports?department=CZJ").body();
        int withCarryOver = 0;
        StringBuilder carried = new StringBuilder();
        for (JsonNode r : reports.get("reports")) {
            if (r.get("year").asInt() == 2022) {
                JsonNode report = party.get("/api/reports/" + r.get("reportId").asText()).body();
                if (report.get("carryOver").size() > 0) {
                    withCarryOver++;
                    carried.append(report.get("carryOver"));
                    assertThat(report.at("/carryOver/0/heading").asText()).startsWith("针对").endsWith("个突出问题");
                }
            }
        }
        assertThat(withCarryOver).isEqualTo(2);
        // the 2021 items are migrated from a paper ledger (ADR 0094): no evidence files, their verification on record
        assertThat(carried.toString()).contains("验收销号").contains("长期坚持");
        // demo-dept's 2023 draft gets the carry-over of the sample's items
        JsonNode draft = eventually(() -> {
            for (JsonNode r : liaison.get("/api/reports?year=2023").body().get("reports")) {
                JsonNode report = liaison.get("/api/reports/" + r.get("reportId").asText()).body();
                if (report.get("carryOver").size() > 0) {
                    return report;
                }
            }
            return null;
        });
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.toString()).contains("长期坚持").contains("强化理论武装建设");
        JsonNode preview = liaison.get("/api/rectification/carry-over?year=2023").body();
        assertThat(preview.get("previousYear").asInt()).isEqualTo(2022);
    }

    @Test
    @Order(20)
    void anItemDueSoonTurnsYellowTakesEvidenceIsSupervisedAndNotifiesThroughTheGateway() throws Exception {
        assertThat(demoReportId).as("the demo report of test 7").isNotNull();
        GatewayClient party = new GatewayClient(stack.gatewayUrl()).login("demo-party", "demo");
        String measure = eventually(() -> rowsOf(liaison.get("/api/ledger?department=XZSPJ").body(), demoReportId)
                .stream().filter(r -> "PLANNED".equals(r.path("status").asText()))
                .map(r -> r.get("measureId").asText()).findFirst().orElse(null));
        String soon = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
        GatewayClient.Answer assigned = liaison.post("/api/measures/" + measure + "/assignment", Map.of(
                "leadDepartment", "XZSPJ", "owner", "张*", "deadline", soon));
        assertThat(assigned.status()).as(String.valueOf(assigned.body())).isEqualTo(200);

        byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        JsonNode uploaded = JSON.readTree(upload(measure, "学习记录.pdf", pdf).body());
        assertThat(uploaded.path("sha256").asText()).as(uploaded.toString()).isEqualTo(sha);
        java.net.http.HttpResponse<String> exe = upload(measure, "伪装.pdf", new byte[]{'M', 'Z', 0, 0, 1, 2, 3});
        assertThat(exe.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(exe.body()).path("code").asText()).isEqualTo("FORBIDDEN_FILE_TYPE");
        assertThat(liaison.post("/api/measures/" + measure + "/progress", Map.of("text", "已开展学习，附学习记录。",
                "fileIds", List.of(uploaded.get("fileId").asText()))).status()).isEqualTo(200);
        // no liaison moves its own item to another department (ADR 0073); to that department the item and its
        // evidence are not there, as an unknown id is not (ADR 0072)
        GatewayClient.Answer moved = liaison.post("/api/measures/" + measure + "/assignment", Map.of(
                "leadDepartment", "CZJ", "owner", "张*", "deadline", soon));
        assertThat(moved.status()).as(String.valueOf(moved.body())).isEqualTo(403);
        assertThat(moved.text("code")).isEqualTo("LEAD_CHANGE_NEEDS_PARTY_COMMITTEE");
        GatewayClient finance = new GatewayClient(stack.gatewayUrl()).login("demo-cz", "demo");
        GatewayClient.Answer foreign = finance.get("/api/measures/" + measure);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text("code")).isEqualTo(finance.get("/api/measures/mea-unknown").text("code"))
                .isEqualTo("MEASURE_NOT_FOUND");
        GatewayClient.Answer foreignEvidence = finance.get("/api/measures/" + measure + "/evidence/"
                + uploaded.get("fileId").asText());
        assertThat(foreignEvidence.status()).isEqualTo(404);
        assertThat(foreignEvidence.text("code")).isEqualTo("EVIDENCE_NOT_FOUND");
        GatewayClient.Answer supervised = party.post("/api/measures/" + measure + "/supervision",
                Map.of("level", "DEPT_HEAD", "reason", "请部门负责人督促按期完成。"));
        assertThat(supervised.status()).as(String.valueOf(supervised.body())).isEqualTo(200);

        JsonNode notice = eventually(() -> {
            for (JsonNode n : liaison.get("/api/notifications").body().path("items")) {
                if ("ASSIGNED".equals(n.path("kind").asText()) && measure.equals(n.path("measureId").asText())) {
                    return n;
                }
            }
            return null;
        });
        assertThat(liaison.post("/api/notifications/" + notice.get("id").asText() + "/read", Map.of()).status())
                .isEqualTo(200);

        List<String> types = new ArrayList<>();
        JsonNode progress = null;
        for (ConsumerRecord<String, String> r : readTopic(Topics.RECTIFICATION_EVENTS, measure, 5)) {
            JsonNode envelope = JSON.readTree(r.value());
            types.add(envelope.get("type").asText());
            if ("ProgressReported".equals(envelope.get("type").asText())) {
                progress = envelope.get("payload");
            }
        }
        assertThat(types).containsExactlyInAnyOrder("MeasurePlanned", "MeasureAssigned", "MeasureColourChanged",
                "ProgressReported", "SupervisionNoticeIssued");
        assertThat(progress.at("/evidence/0/sha256").asText()).isEqualTo(sha);
    }

    private java.net.http.HttpResponse<String> upload(String measure, String fileName, byte[] content)
            throws Exception {
        String boundary = "----e2e" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stack.gatewayUrl() + "/api/measures/" + measure + "/evidence"))
                        .header("Authorization", "Bearer " + liaison.accessToken())
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(50)
    void anotherDepartmentReachesNoneOfTheSampleDepartmentsDataThroughTheGatewayOrDirectlyAndLogoutEndsASession()
            throws Exception {
        assertThat(demoReportId).as("the demo report of test 7").isNotNull();
        GatewayClient.Answer login = new GatewayClient(stack.gatewayUrl()).post("/api/auth/login",
                Map.of("username", "demo-cz", "password", "demo"));
        assertThat(login.status()).isEqualTo(200);
        String access = login.text("accessToken");
        String refresh = login.text("refreshToken");
        GatewayClient finance = new GatewayClient(stack.gatewayUrl()).withToken(access);
        assertThat(finance.get("/api/reports/" + demoReportId).status()).isEqualTo(403);
        assertThat(finance.get("/api/reports/" + demoReportId + "/personal-matters").status()).isEqualTo(403);
        assertThat(finance.get("/api/reports?department=XZSPJ").status()).isEqualTo(403);
        assertThat(finance.get("/api/ledger?department=XZSPJ").status()).isEqualTo(403);
        assertThat(finance.get("/api/audit/log?department=XZSPJ").status()).isEqualTo(403);
        GatewayClient direct = new GatewayClient(stack.serviceUrl("report-service")).withToken(access);
        assertThat(direct.get("/api/reports/" + demoReportId).status()).as("bypassing the gateway").isEqualTo(403);
        for (String service : List.of("report-service", "rectification-service", "audit-service")) {
            GatewayClient withRefresh = new GatewayClient(stack.serviceUrl(service)).withToken(refresh);
            assertThat(withRefresh.get("/api/reports").status()).as(service + " takes a refresh token")
                    .isEqualTo(401);
        }

        GatewayClient anonymous = new GatewayClient(stack.gatewayUrl());
        assertThat(anonymous.post("/api/auth/logout", Map.of("refreshToken", refresh)).status()).isEqualTo(204);
        assertThat(anonymous.post("/api/auth/refresh", Map.of("refreshToken", refresh)).text("code"))
                .isEqualTo("INVALID_REFRESH_TOKEN");
        try (Connection connection = stack.infra().postgres().connect(PlatformStack.DATABASE);
             Statement statement = connection.createStatement()) {
            ResultSet revoked = statement.executeQuery("SELECT count(*) FROM gateway.refresh_tokens "
                    + "WHERE username = 'demo-cz' AND revoke_reason = 'LOGOUT'");
            revoked.next();
            assertThat(revoked.getInt(1)).as("the gateway keeps its sessions in its own schema").isEqualTo(1);
        }
    }

    @Test
    @Order(40)
    void theAuditLedgerAsOfNowEqualsTheLedgerAndAReplayOfItFindsNoDifference() throws Exception {
        JsonNode ledger = liaison.get("/api/ledger?department=XZSPJ").body();
        assertThat(ledger.get("count").asInt()).as("the ledger of test 10").isPositive();
        // every field of the ledger's row, but what compares an item with others or with today (年年提, days left)
        Set<String> notFolded = Set.of("recurring", "recurrences", "daysToDeadline");
        List<String> mismatches = new ArrayList<>();
        Callable<JsonNode> sameRows = () -> {
            mismatches.clear();
            JsonNode body = auditor.get("/api/audit/ledger?department=XZSPJ&asOf=now").body();
            if (body == null || body.path("count").asInt() != ledger.get("count").asInt()) {
                return null;
            }
            for (int i = 0; i < ledger.get("count").asInt(); i++) {
                JsonNode expected = ledger.get("rows").get(i);
                JsonNode actual = body.get("rows").get(i);
                expected.fieldNames().forEachRemaining(field -> {
                    if (!notFolded.contains(field) && !expected.get(field).equals(actual.path(field))) {
                        mismatches.add(expected.path("measureId").asText() + "." + field + ": " + expected.get(field)
                                + " ≠ " + actual.path(field));
                    }
                });
            }
            return mismatches.isEmpty() ? body : null;
        };
        try {
            eventually(sameRows);
        } catch (AssertionError e) {
            throw new AssertionError("the audit's rows as of now differ from the ledger's: " + mismatches, e);
        }

        // the demo is history (ADR 0094): yesterday's ledger holds the migrated items only, as they stood then
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        String yesterday = java.time.LocalDate.now(zone).minusDays(1).toString();
        java.time.Instant today = java.time.LocalDate.now(zone).atStartOfDay(zone).toInstant();
        JsonNode before = auditor.get("/api/audit/ledger?department=XZSPJ&asOf=" + yesterday).body();
        assertThat(before.get("count").asInt()).as("the migrated history of XZSPJ").isPositive()
                .isLessThan(ledger.get("count").asInt());
        before.get("rows").forEach(r -> assertThat(r.get("migrated").asBoolean()).as(r.toString()).isTrue());
        assertThat(auditor.get("/api/audit/ledger?department=XZSPJ&asOf=" + yesterday + "&time=recorded")
                .text("code")).as("nothing was recorded before today").isEqualTo("BEFORE_FIRST_EVENT");
        JsonNode diff = auditor.get("/api/audit/ledger/diff?department=XZSPJ&from=" + yesterday + "&to=now").body();
        assertThat(diff.get("counts").get("newItems").asInt())
                .isEqualTo(ledger.get("count").asInt() - before.get("count").asInt());
        int verifiedToday = 0;
        for (JsonNode row : ledger.get("rows")) {
            verifiedToday += "VERIFIED".equals(row.get("status").asText())
                    && !java.time.Instant.parse(row.get("verifiedAt").asText()).isBefore(today) ? 1 : 0;
        }
        assertThat(verifiedToday).as("test 10 verified an item").isPositive();
        assertThat(diff.get("counts").get("closures").asInt()).as("every item verified today")
                .isEqualTo(verifiedToday);
        assertThat(auditor.get("/api/audit/ledger?department=XZSPJ&asOf=yesterday").text("code")).isEqualTo("BAD_DATE");
        assertThat(liaison.get("/api/audit/ledger?department=XZSPJ").status()).isEqualTo(403);

        GatewayClient.Answer started = auditor.post("/api/audit/replays", Map.of("projection", "ledger"));
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
        String replay = started.text("id");
        JsonNode finished = eventually(() -> {
            JsonNode body = auditor.get("/api/audit/replays/" + replay).body();
            return "FINISHED".equals(body.path("state").asText()) ? body : null;
        });
        assertThat(finished.get("differences").asLong()).as(String.valueOf(finished)).isZero();
        assertThat(finished.get("done").asLong()).isEqualTo(finished.get("total").asLong());
        assertThat(auditor.post("/api/audit/replays/" + replay + "/switch-over", Map.of()).text("state"))
                .isEqualTo("SWITCHED_OVER");
    }

    private static List<JsonNode> rowsOf(JsonNode ledger, String reportId) {
        List<JsonNode> rows = new ArrayList<>();
        if (ledger != null && ledger.has("rows")) {
            ledger.get("rows").forEach(r -> {
                if (reportId.equals(r.path("reportId").asText())) {
                    rows.add(r);
                }
            });
        }
        return rows;
    }

    private static Map<String, Object> problem(int ordinal) {
        return Map.of("theme", "带头深刻领悟“两个确立”的决定性意义", "ordinal", ordinal,
                "statement", "第" + ordinal + "个问题：理论学习不够深入。", "example", "比如学习停留在读原文。");
    }

    private long storedEvents(String schema, String aggregateId) throws Exception {
        try (Connection connection = stack.infra().postgres().connect(PlatformStack.DATABASE);
             Statement statement = connection.createStatement()) {
            String where = aggregateId == null ? "" : " WHERE aggregateidentifier = '" + aggregateId + "'";
            ResultSet count = statement.executeQuery("SELECT count(*) FROM " + schema + ".domainevententry" + where);
            count.next();
            return count.getLong(1);
        }
    }

    private List<ConsumerRecord<String, String>> readTopic(String topic, String key, int expected) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra().kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        assertThat(found).as("records with key %s on %s", key, topic).hasSize(expected);
        return found;
    }

    /**
     * The directory is part of the record (ADR 0078, 0080): a department registered at the gateway can be assigned in
     * rectification, a disabled user's earlier token is refused by the gateway at once and by each service within
     * seconds, and the audit log keeps the directory's events without a password.
     */
    @Test
    @Order(60)
    void aDisabledUsersTokenIsRefusedEverywhereWithinSecondsAndTheDirectoryIsInTheAuditLog() throws Exception {
        GatewayClient org = new GatewayClient(stack.gatewayUrl()).login("demo-org", "demo");
        assertThat(org.post("/api/directory/departments", Map.of("code", "XQJG", "name", "新区建设管理局")).status())
                .isEqualTo(201);
        eventually(() -> liaison.get("/api/rectification/departments").body().toString().contains("XQJG")
                ? Boolean.TRUE : null);

        String password = "E2e-Leaver-2026";
        assertThat(org.post("/api/directory/users", Map.of("username", "e2e.leaver", "displayName", "离任干部",
                "department", "XZSPJ", "roles", List.of("DEPT_LIAISON", "CADRE"), "password", password)).status())
                .isEqualTo(201);
        String token = new GatewayClient(stack.gatewayUrl()).login("e2e.leaver", password).accessToken();
        Map<String, String> probes = Map.of("report-service", "/api/reports", "rectification-service",
                "/api/ledger?department=XZSPJ", "audit-service", "/api/audit/verify");
        for (String service : List.of("report-service", "rectification-service")) {
            assertThat(new GatewayClient(stack.serviceUrl(service)).withToken(token).get(probes.get(service)).status())
                    .as(service + " before").isEqualTo(200);
        }
        Thread.sleep(1100);
        assertThat(org.post("/api/directory/users/e2e.leaver/disable", Map.of()).status()).isEqualTo(200);
        long disabledAt = System.nanoTime();
        GatewayClient.Answer atGateway = new GatewayClient(stack.gatewayUrl()).withToken(token).get("/api/reports");
        assertThat(atGateway.status()).isEqualTo(401);
        assertThat(atGateway.text("code")).isEqualTo("TOKEN_REVOKED");
        for (String service : probes.keySet()) {
            GatewayClient direct = new GatewayClient(stack.serviceUrl(service)).withToken(token);
            eventually(() -> "TOKEN_REVOKED".equals(direct.get(probes.get(service)).text("code")) ? Boolean.TRUE : null);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - disabledAt).toSeconds();
        assertThat(seconds).as("refused at every service within seconds").isLessThan(10);

        JsonNode logged = eventually(() -> {
            JsonNode body = auditor.get("/api/audit/log?aggregateId=e2e.leaver").body();
            return body != null && body.toString().contains("UserDisabled") ? body : null;
        });
        assertThat(logged.toString()).contains("UserRegistered").doesNotContain(password).doesNotContain("bcrypt");
    }

    private static <T> T eventually(Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("condition not met within " + WAIT.toSeconds() + " s");
    }

    /** A well-formed token with the right claims, signed by a key that is not the gateway's. */
    private static String forgedToken() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair pair = generator.generateKeyPair();
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes());
        long now = System.currentTimeMillis() / 1000;
        String claims = b64.encodeToString(("{\"iss\":\"zhenggai-gateway\",\"sub\":\"demo-party\",\"roles\":[\"PARTY_COMMITTEE\"],"
                + "\"dept\":\"DW\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}").getBytes());
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update((header + "." + claims).getBytes());
        return header + "." + claims + "." + b64.encodeToString(signer.sign());
    }
}
