package cn.zhenggai.report;

import cn.zhenggai.contracts.security.TokenClaims;
import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.zhenggai.testsupport.ApiClient.eventually;
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

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("report");

    static final TestUser AUTHOR = new TestUser("demo-dept", "XZSPJ", List.of("DEPT_LIAISON", "CADRE"));
    static final TestUser HEAD = new TestUser("demo-head", "XZSPJ", List.of("DEPT_HEAD", "CADRE"));
    static final TestUser OTHER = new TestUser("demo-cz", "CZJ", List.of("DEPT_LIAISON", "CADRE"));
    static final TestUser ORG = new TestUser("demo-org", "ZZB", List.of("ORG_DEPT"));
    static final TestUser PARTY = new TestUser("demo-party", "DW", List.of("PARTY_COMMITTEE"));
    static final TestUser AUDITOR = new TestUser("demo-audit", "JW", List.of("DISCIPLINE"));

    @Autowired
    private JdbcTemplate jdbc;

    private final ApiClient api = INFRASTRUCTURE.client(ReportScopeHttpTest::token);
    private final HttpClient http = HttpClient.newHttpClient();
    private String reportId;
    private String problemId;
    private String rootCauseId;
    private String measureId;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
    }

    @BeforeEach
    void importTheSampleAsTheAuthor() throws Exception {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/outlines/sample-2022.txt")) {
            sample = in.readAllBytes();
        }
        Answer imported = api.send(HttpRequest.newBuilder(api.uri("/api/outlines/import?fileName=sample.txt"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sample)), token(AUTHOR));
        assertThat(imported.status).isEqualTo(201);
        reportId = imported.json.get("reportId").asText();
        JsonNode report = api.send("GET", "/api/reports/" + reportId, null, AUTHOR).json;
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
        bad.put("expired", signed(AUTHOR, INFRASTRUCTURE.privateKey(), TokenClaims.ISSUER, -120, null));
        bad.put("refresh token", signed(AUTHOR, INFRASTRUCTURE.privateKey(), TokenClaims.ISSUER, 600, TokenClaims.REFRESH));
        bad.put("other issuer", signed(AUTHOR, INFRASTRUCTURE.privateKey(), "someone-else", 600, null));
        bad.put("unsigned (alg none)", new PlainJWT(new PlainHeader(), claims(AUTHOR, TokenClaims.ISSUER, 600, null))
                .serialize());
        bad.put("garbage", "not-a-token");
        long before = storedEvents();
        for (Map.Entry<String, String> token : bad.entrySet()) {
            for (Answer answer : List.of(
                    api.send("GET", "/api/reports", null, token.getValue()),
                    api.send("GET", "/api/reports/" + reportId, null, token.getValue()),
                    api.send("GET", "/api/reports/" + reportId + "/personal-matters", null, token.getValue()),
                    api.send("POST", "/api/reports/" + reportId + "/problems", Map.of("theme", "主题", "ordinal", 9,
                            "statement", "问题。"), token.getValue()),
                    api.send("POST", "/api/reports/" + reportId + "/submission", Map.of(), token.getValue()))) {
                assertThat(answer.status).as(token.getKey()).isEqualTo(401);
                assertThat(answer.json.get("code").asText()).as(token.getKey()).isEqualTo("UNAUTHENTICATED");
            }
        }
        assertThat(api.send("GET", "/api/reports/" + reportId, null, (String) null).status).as("no token").isEqualTo(401);
        assertThat(api.send("GET", "/api/reports/" + reportId, null, token(AUTHOR)).status).as("control").isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anotherDepartmentEditingIdsReadsAndChangesNothing() throws Exception {
        long before = storedEvents();
        String r = "/api/reports/" + reportId;
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("read", api.send("GET", r, null, OTHER));
        answers.put("export", api.send("GET", r + "/export.docx", null, OTHER));
        answers.put("list of its department", api.send("GET", "/api/reports?department=XZSPJ", null, OTHER));
        answers.put("personal matters", api.send("GET", r + "/personal-matters", null, OTHER));
        answers.put("declare personal matters", api.send("PUT", r + "/personal-matters", Map.of("text", "篡改。"), OTHER));
        answers.put("identify problem", api.send("POST", r + "/problems", Map.of("theme", "主题", "ordinal", 9,
                "statement", "问题。"), OTHER));
        answers.put("revise problem", api.send("PUT", r + "/problems/" + problemId, Map.of("theme", "主题", "ordinal", 9,
                "statement", "问题。"), OTHER));
        answers.put("withdraw problem", api.send("DELETE", r + "/problems/" + problemId, null, OTHER));
        answers.put("root cause", api.send("POST", r + "/root-causes", Map.of("title", "根源"), OTHER));
        answers.put("revise root cause", api.send("PUT", r + "/root-causes/" + rootCauseId, Map.of("title", "根源"), OTHER));
        answers.put("measure", api.send("POST", r + "/measures", Map.of("title", "措施"), OTHER));
        answers.put("revise measure", api.send("PUT", r + "/measures/" + measureId, Map.of("title", "措施"), OTHER));
        answers.put("clean areas", api.send("PUT", r + "/clean-areas", Map.of("areas", List.of("某方面")), OTHER));
        answers.put("carry-over", api.send("PUT", r + "/carry-over", Map.of("groups", List.of()), OTHER));
        answers.put("submit", api.send("POST", r + "/submission", Map.of(), OTHER));
        answers.put("delegate", api.send("POST", r + "/delegations", Map.of("delegate", "demo-cz"), OTHER));
        answers.put("return", api.send("POST", r + "/return", Map.of("reasons", List.of("理由")), OTHER));
        answers.put("accept", api.send("POST", r + "/acceptance", Map.of(), OTHER));
        answers.forEach((what, answer) -> assertThat(answer.status).as(what).isEqualTo(403));
        assertThat(storedEvents()).as("nothing stored, no read recorded").isEqualTo(before);
        for (JsonNode listed : api.send("GET", "/api/reports", null, OTHER).json.get("reports")) {
            assertThat(listed.get("department").asText()).isEqualTo("CZJ");
        }
    }

    @Test
    void personalMattersStayWithTheAuthorTheOrganizationDepartmentAndDisciplineInspection() throws Exception {
        String r = "/api/reports/" + reportId + "/personal-matters";
        long before = storedEvents();
        for (TestUser notEntitled : List.of(HEAD, PARTY)) {
            Answer read = api.send("GET", r, null, notEntitled);
            assertThat(read.status).as(notEntitled.name()).isEqualTo(403);
            assertThat(read.json.get("code").asText()).isEqualTo("PERSONAL_MATTERS_FORBIDDEN");
            assertThat(api.send("GET", "/api/reports/" + reportId + "/export.docx?personalMatters=true", null,
                    notEntitled).status).isEqualTo(403);
        }
        for (TestUser notAuthor : List.of(HEAD, PARTY, ORG)) {
            Answer overwrite = api.send("PUT", r, Map.of("text", "本人没有任何需要说明的事项。", "secretary", false), notAuthor);
            assertThat(overwrite.status).as(notAuthor.name() + " replaces the declaration").isEqualTo(403);
        }
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api.send("GET", r, null, AUTHOR).json.get("readAs").asText()).isEqualTo("AUTHOR");
        assertThat(api.send("GET", r, null, ORG).json.get("readAs").asText()).isEqualTo("ORG_DEPT");
        assertThat(api.send("GET", r, null, AUTHOR).json.at("/declaration/properties").size())
                .as("still the author's own declaration").isEqualTo(4);
        assertThat(api.send("PUT", r, Map.of("text", "本人更正后的说明。"), AUTHOR).status).isEqualTo(200);
    }

    @Test
    void onlyTheAuthorOrAColleagueTheAuthorDelegatedToEditsAndSubmits() throws Exception {
        String r = "/api/reports/" + reportId;
        Map<String, Object> problem = Map.of("theme", "主题", "ordinal", 9, "statement", "问题。");
        long before = storedEvents();
        for (TestUser notAuthor : List.of(HEAD, ORG, PARTY)) {
            Answer edit = api.send("POST", r + "/problems", problem, notAuthor);
            assertThat(edit.status).as(notAuthor.name() + " edits").isEqualTo(403);
            assertThat(api.send("POST", r + "/submission", Map.of(), notAuthor).status).as(notAuthor.name() + " submits")
                    .isEqualTo(403);
            assertThat(api.send("POST", r + "/delegations", Map.of("delegate", notAuthor.name()), notAuthor).status)
                    .as(notAuthor.name() + " delegates to themself").isEqualTo(403);
        }
        Answer colleague = api.send("PUT", r + "/problems/" + problemId, problem, HEAD);
        assertThat(colleague.json.get("code").asText()).isEqualTo("NOT_AUTHOR_OR_DELEGATE");
        assertThat(colleague.json.get("message").asText()).isEqualTo("只有报告作者本人或经作者授权的同事可以修改、提交报告");
        assertThat(api.send("POST", r + "/delegations", Map.of("delegate", " "), AUTHOR).status).isEqualTo(400);
        assertThat(api.send("DELETE", r + "/delegations/demo-head", null, AUTHOR).json.get("code").asText())
                .isEqualTo("DELEGATION_NOT_FOUND");
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);

        assertThat(api.send("POST", r + "/delegations", Map.of("delegate", "demo-head"), AUTHOR).status).isEqualTo(201);
        assertThat(api.send("GET", r, null, AUTHOR).json.get("delegates").get(0).asText()).isEqualTo("demo-head");
        assertThat(api.send("POST", r + "/problems", problem, HEAD).status).as("the delegate edits").isEqualTo(201);
        assertThat(api.send("PUT", r + "/personal-matters", Map.of("text", "代填。"), HEAD).status)
                .as("but never declares the author's personal matters").isEqualTo(403);
        assertThat(api.send("DELETE", r + "/delegations/demo-head", null, AUTHOR).status).isEqualTo(200);
        assertThat(api.send("GET", r, null, AUTHOR).json.get("delegates").size()).isZero();
        long revoked = storedEvents();
        assertThat(api.send("POST", r + "/problems", Map.of("theme", "主题", "ordinal", 10, "statement", "问题。"), HEAD)
                .status).as("no longer after the revocation").isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(revoked);
    }

    @Test
    void rolesAreCheckedByTheServiceItself() throws Exception {
        assertThat(api.send("POST", "/api/reports", Map.of("title", "提纲"), AUDITOR).status).as("discipline drafts")
                .isEqualTo(403);
        assertThat(api.send("POST", "/api/reports", Map.of("title", "提纲"), PARTY).status).as("committee drafts")
                .isEqualTo(403);
        assertThat(api.send("POST", "/api/meetings", Map.of("organization", "某局", "year", 2022, "kind", "ANNUAL",
                "themes", List.of(Map.of("name", "主题"))), AUTHOR).status).as("a liaison convenes").isEqualTo(403);
        assertThat(api.send("DELETE", "/api/reports/personal-matters-keys/demo-dept", null, HEAD).status)
                .as("a head shreds").isEqualTo(403);
        api.send("POST", "/api/reports/" + reportId + "/submission", Map.of(), AUTHOR);
        for (TestUser notReviewer : List.of(AUTHOR, HEAD, PARTY, AUDITOR)) {
            Answer accept = api.send("POST", "/api/reports/" + reportId + "/acceptance", Map.of(), notReviewer);
            assertThat(accept.status).as(notReviewer.name() + " accepts").isEqualTo(403);
        }
        assertThat(api.send("POST", "/api/reports/" + reportId + "/acceptance", Map.of(), ORG).status).isEqualTo(200);
    }

    @Test
    void theReviewSeesSubmissionsNotDraftsAndOnlyTheAuthorWithdraws() throws Exception {
        String r = "/api/reports/" + reportId;
        assertThat(eventually(() -> listed(AUTHOR, "DRAFT") ? true : null)).as("the author's department").isTrue();
        assertThat(listed(ORG, "DRAFT")).as("someone else's draft").isFalse();
        assertThat(listed(PARTY, "DRAFT")).isFalse();
        assertThat(api.send("POST", r + "/submission", Map.of(), AUTHOR).status).isEqualTo(200);
        assertThat(eventually(() -> listed(ORG, "SUBMITTED") ? true : null)).isTrue();

        long before = storedEvents();
        assertThat(api.send("POST", r + "/withdrawal", Map.of(), HEAD).status).as("a colleague").isEqualTo(403);
        assertThat(api.send("POST", r + "/withdrawal", Map.of(), OTHER).status).as("another department").isEqualTo(403);
        assertThat(api.send("POST", r + "/withdrawal", Map.of(), ORG).status).as("the reviewer").isEqualTo(403);
        Answer unknown = api.send("POST", r + "/return", Map.of("reasons", List.of("理由"),
                "problemComments", Map.of("prb-none", "意见")), ORG);
        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.json.get("code").asText()).isEqualTo("UNKNOWN_PROBLEM");
        Answer tooLong = api.send("POST", r + "/return", Map.of("reasons", List.of("理由"),
                "problemComments", Map.of(problemId, "长".repeat(1001))), ORG);
        assertThat(tooLong.status).isEqualTo(400);
        assertThat(tooLong.json.get("code").asText()).isEqualTo("TOO_LONG_PROBLEM_COMMENT");
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);

        Answer withdrawn = api.send("POST", r + "/withdrawal", Map.of(), AUTHOR);
        assertThat(withdrawn.status).isEqualTo(200);
        assertThat(withdrawn.json.get("status").asText()).isEqualTo("DRAFT");
        assertThat(api.send("POST", r + "/withdrawal", Map.of(), AUTHOR).status).as("not submitted").isEqualTo(409);
        assertThat(eventually(() -> listed(AUTHOR, "DRAFT") ? true : null)).isTrue();
        assertThat(listed(ORG, "DRAFT")).isFalse();

        assertThat(api.send("POST", r + "/submission", Map.of(), AUTHOR).status).isEqualTo(200);
        assertThat(api.send("POST", r + "/return", Map.of("reasons", List.of("不够具体。"),
                "problemComments", Map.of(problemId, "请补充事例。")), ORG).status).isEqualTo(200);
        JsonNode report = api.send("GET", r, null, AUTHOR).json;
        assertThat(report.at("/rounds/0/round").asInt()).as("the withdrawn submission is no round").isEqualTo(1);
        assertThat(report.at("/rounds/0/outcome").asText()).isEqualTo("RETURNED");
        assertThat(report.at("/rounds/0/reasons/0").asText()).isEqualTo("不够具体。");
        assertThat(report.at("/rounds/0/problemComments/" + problemId).asText()).isEqualTo("请补充事例。");
    }

    /** Whether {@code user}'s report list shows the sample report with {@code status}. */
    private boolean listed(TestUser user, String status) throws Exception {
        for (JsonNode listed : api.send("GET", "/api/reports", null, user).json.get("reports")) {
            if (listed.get("reportId").asText().equals(reportId) && listed.get("status").asText().equals(status)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ plumbing

    private static JWTClaimsSet claims(TestUser user, String issuer, long ttlSeconds, String type) {
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

    private static String signed(TestUser user, PrivateKey key, String issuer, long ttlSeconds, String type)
            throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims(user, issuer, ttlSeconds, type));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String token(TestUser user) throws Exception {
        return signed(user, INFRASTRUCTURE.privateKey(), TokenClaims.ISSUER, 600, null);
    }


    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM report.domainevententry", Long.class);
    }
}
