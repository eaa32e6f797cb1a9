package cn.zhenggai.report;

import cn.zhenggai.contracts.security.TokenClaims;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report-service checks every caller itself, as if the gateway were bypassed: tokens that are missing, forged,
 * expired, unsigned, from another issuer or refresh tokens are refused (401); a user of another department who
 * edits ids in the URL reads and changes nothing (403); roles are checked (403); personal matters stay with their
 * author, the organization department and discipline inspection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=cn.zhenggai.platform.kafka.KafkaPublishingAutoConfiguration",
        "zhenggai.deadlines.polling-interval=PT10S"})
class ReportScopeHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedPostgres postgres;
    private static MongoServer mongo;
    private static KeyPair keys;

    record User(String name, String dept, List<String> roles) {
    }

    static final User AUTHOR = new User("demo-dept", "XZSPJ", List.of("DEPT_LIAISON", "CADRE"));
    static final User HEAD = new User("demo-head", "XZSPJ", List.of("DEPT_HEAD", "CADRE"));
    static final User OTHER = new User("demo-cz", "CZJ", List.of("DEPT_LIAISON", "CADRE"));
    static final User ORG = new User("demo-org", "ZZB", List.of("ORG_DEPT"));
    static final User PARTY = new User("demo-party", "DW", List.of("PARTY_COMMITTEE"));
    static final User AUDITOR = new User("demo-audit", "JW", List.of("DISCIPLINE"));

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String reportId;
    private String problemId;
    private String rootCauseId;
    private String measureId;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        Path pem = Files.createTempFile("zhenggai-public", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=report");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + address.getPort());
        registry.add("zhenggai.security.public-key", pem::toString);
    }

    @AfterAll
    static void stop() throws IOException {
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void importTheSampleAsTheAuthor() throws Exception {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/outlines/sample-2022.txt")) {
            sample = in.readAllBytes();
        }
        Answer imported = send(HttpRequest.newBuilder(uri("/api/outlines/import?fileName=sample.txt"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sample)), token(AUTHOR));
        assertThat(imported.status).isEqualTo(201);
        reportId = imported.json.get("reportId").asText();
        JsonNode report = send("GET", "/api/reports/" + reportId, null, AUTHOR).json;
        problemId = report.at("/problems/0/problemId").asText();
        rootCauseId = report.at("/rootCauses/0/rootCauseId").asText();
        measureId = report.at("/measures/0/measureId").asText();
        assertThat(measureId).isNotBlank();
    }

    @Test
    void badTokensAreRefusedBeforeAnythingIsReadOrChanged() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey stranger = generator.generateKeyPair().getPrivate();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("forged signature", signed(AUTHOR, stranger, TokenClaims.ISSUER, 600, null));
        bad.put("expired", signed(AUTHOR, keys.getPrivate(), TokenClaims.ISSUER, -120, null));
        bad.put("refresh token", signed(AUTHOR, keys.getPrivate(), TokenClaims.ISSUER, 600, TokenClaims.REFRESH));
        bad.put("other issuer", signed(AUTHOR, keys.getPrivate(), "someone-else", 600, null));
        bad.put("unsigned (alg none)", new PlainJWT(new PlainHeader(), claims(AUTHOR, TokenClaims.ISSUER, 600, null))
                .serialize());
        bad.put("garbage", "not-a-token");
        long before = storedEvents();
        for (Map.Entry<String, String> token : bad.entrySet()) {
            for (Answer answer : List.of(
                    send("GET", "/api/reports", null, token.getValue()),
                    send("GET", "/api/reports/" + reportId, null, token.getValue()),
                    send("GET", "/api/reports/" + reportId + "/personal-matters", null, token.getValue()),
                    send("POST", "/api/reports/" + reportId + "/problems", Map.of("theme", "主题", "ordinal", 9,
                            "statement", "问题。"), token.getValue()),
                    send("POST", "/api/reports/" + reportId + "/submission", Map.of(), token.getValue()))) {
                assertThat(answer.status).as(token.getKey()).isEqualTo(401);
                assertThat(answer.json.get("code").asText()).as(token.getKey()).isEqualTo("UNAUTHENTICATED");
            }
        }
        assertThat(send("GET", "/api/reports/" + reportId, null, (String) null).status).as("no token").isEqualTo(401);
        assertThat(send("GET", "/api/reports/" + reportId, null, token(AUTHOR)).status).as("control").isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anotherDepartmentEditingIdsReadsAndChangesNothing() throws Exception {
        long before = storedEvents();
        String r = "/api/reports/" + reportId;
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("read", send("GET", r, null, OTHER));
        answers.put("export", send("GET", r + "/export.docx", null, OTHER));
        answers.put("list of its department", send("GET", "/api/reports?department=XZSPJ", null, OTHER));
        answers.put("personal matters", send("GET", r + "/personal-matters", null, OTHER));
        answers.put("declare personal matters", send("PUT", r + "/personal-matters", Map.of("text", "篡改。"), OTHER));
        answers.put("identify problem", send("POST", r + "/problems", Map.of("theme", "主题", "ordinal", 9,
                "statement", "问题。"), OTHER));
        answers.put("revise problem", send("PUT", r + "/problems/" + problemId, Map.of("theme", "主题", "ordinal", 9,
                "statement", "问题。"), OTHER));
        answers.put("withdraw problem", send("DELETE", r + "/problems/" + problemId, null, OTHER));
        answers.put("root cause", send("POST", r + "/root-causes", Map.of("title", "根源"), OTHER));
        answers.put("revise root cause", send("PUT", r + "/root-causes/" + rootCauseId, Map.of("title", "根源"), OTHER));
        answers.put("measure", send("POST", r + "/measures", Map.of("title", "措施"), OTHER));
        answers.put("revise measure", send("PUT", r + "/measures/" + measureId, Map.of("title", "措施"), OTHER));
        answers.put("clean areas", send("PUT", r + "/clean-areas", Map.of("areas", List.of("某方面")), OTHER));
        answers.put("carry-over", send("PUT", r + "/carry-over", Map.of("groups", List.of()), OTHER));
        answers.put("submit", send("POST", r + "/submission", Map.of(), OTHER));
        answers.put("return", send("POST", r + "/return", Map.of("reasons", List.of("理由")), OTHER));
        answers.put("accept", send("POST", r + "/acceptance", Map.of(), OTHER));
        answers.forEach((what, answer) -> assertThat(answer.status).as(what).isEqualTo(403));
        assertThat(storedEvents()).as("nothing stored, no read recorded").isEqualTo(before);
        for (JsonNode listed : send("GET", "/api/reports", null, OTHER).json.get("reports")) {
            assertThat(listed.get("department").asText()).isEqualTo("CZJ");
        }
    }

    @Test
    void personalMattersStayWithTheAuthorTheOrganizationDepartmentAndDisciplineInspection() throws Exception {
        String r = "/api/reports/" + reportId + "/personal-matters";
        long before = storedEvents();
        for (User notEntitled : List.of(HEAD, PARTY)) {
            Answer read = send("GET", r, null, notEntitled);
            assertThat(read.status).as(notEntitled.name()).isEqualTo(403);
            assertThat(read.json.get("code").asText()).isEqualTo("PERSONAL_MATTERS_FORBIDDEN");
            assertThat(send("GET", "/api/reports/" + reportId + "/export.docx?personalMatters=true", null,
                    notEntitled).status).isEqualTo(403);
        }
        for (User notAuthor : List.of(HEAD, PARTY, ORG)) {
            Answer overwrite = send("PUT", r, Map.of("text", "本人没有任何需要说明的事项。", "secretary", false), notAuthor);
            assertThat(overwrite.status).as(notAuthor.name() + " replaces the declaration").isEqualTo(403);
        }
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(send("GET", r, null, AUTHOR).json.get("readAs").asText()).isEqualTo("AUTHOR");
        assertThat(send("GET", r, null, ORG).json.get("readAs").asText()).isEqualTo("ORG_DEPT");
        assertThat(send("GET", r, null, AUTHOR).json.at("/declaration/properties").size())
                .as("still the author's own declaration").isEqualTo(4);
        assertThat(send("PUT", r, Map.of("text", "本人更正后的说明。"), AUTHOR).status).isEqualTo(200);
    }

    @Test
    void rolesAreCheckedByTheServiceItself() throws Exception {
        assertThat(send("POST", "/api/reports", Map.of("title", "提纲"), AUDITOR).status).as("discipline drafts")
                .isEqualTo(403);
        assertThat(send("POST", "/api/reports", Map.of("title", "提纲"), PARTY).status).as("committee drafts")
                .isEqualTo(403);
        assertThat(send("POST", "/api/meetings", Map.of("organization", "某局", "year", 2022, "kind", "ANNUAL",
                "themes", List.of(Map.of("name", "主题"))), AUTHOR).status).as("a liaison convenes").isEqualTo(403);
        assertThat(send("DELETE", "/api/reports/personal-matters-keys/demo-dept", null, HEAD).status)
                .as("a head shreds").isEqualTo(403);
        send("POST", "/api/reports/" + reportId + "/submission", Map.of(), AUTHOR);
        for (User notReviewer : List.of(AUTHOR, HEAD, PARTY, AUDITOR)) {
            Answer accept = send("POST", "/api/reports/" + reportId + "/acceptance", Map.of(), notReviewer);
            assertThat(accept.status).as(notReviewer.name() + " accepts").isEqualTo(403);
        }
        assertThat(send("POST", "/api/reports/" + reportId + "/acceptance", Map.of(), ORG).status).isEqualTo(200);
    }

    // ------------------------------------------------------------------ plumbing

    record Answer(int status, JsonNode json) {
    }

    private static JWTClaimsSet claims(User user, String issuer, long ttlSeconds, String type) {
        Date now = new Date();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(user.name())
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.ROLES, user.roles()).claim(TokenClaims.DEPARTMENT, user.dept())
                .issueTime(new Date(now.getTime() - 300_000)).expirationTime(new Date(now.getTime() + ttlSeconds * 1000));
        if (type != null) {
            claims.claim(TokenClaims.TOKEN_TYPE, type);
        }
        return claims.build();
    }

    private static String signed(User user, PrivateKey key, String issuer, long ttlSeconds, String type)
            throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims(user, issuer, ttlSeconds, type));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String token(User user) throws Exception {
        return signed(user, keys.getPrivate(), TokenClaims.ISSUER, 600, null);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    }

    private Answer send(String method, String path, Object body, User user) throws Exception {
        return send(method, path, body, token(user));
    }

    private Answer send(String method, String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(request, token);
    }

    private Answer send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        boolean json = body != null && body.strip().startsWith("{");
        return new Answer(response.statusCode(), json ? JSON.readTree(body) : JSON.createObjectNode());
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM report.domainevententry", Long.class);
    }
}
