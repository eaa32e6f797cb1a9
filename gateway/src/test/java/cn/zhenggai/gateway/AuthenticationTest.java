package cn.zhenggai.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Login, refresh with rotation, logout, token checks and security headers of the gateway, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zhenggai.database.schema=gw_authentication")
class AuthenticationTest extends GatewayHttpTest {

    @Test
    void aDemoUserLogsInAndGetsAnAccessTokenWithRolesDepartmentAndNameFromTheDirectory() throws Exception {
        Answer response = login("demo-dept", "demo");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(response.text("refreshToken")).isNotBlank();
        assertThat(response.json().size()).as("exactly accessToken, refreshToken, expiresIn").isEqualTo(3);
        JsonNode claims = claims(response.text("accessToken"));
        assertThat(claims.get("sub").asText()).isEqualTo("demo-dept");
        assertThat(claims.get("dept").asText()).isEqualTo("XZSPJ");
        assertThat(claims.get("iss").asText()).isEqualTo("zhenggai-gateway");
        assertThat(claims.get("name").asText()).isEqualTo("行政审批局联络员（演示）");
        assertThat(claims.get("roles").toString()).contains("DEPT_LIAISON").contains("CADRE");

        Answer me = get("/api/auth/me", response.text("accessToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("departmentName")).isEqualTo("行政审批局");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"CADRE\",\"DEPT_LIAISON\"]");
        for (String demo : List.of("demo-party", "demo-audit", "demo-org", "demo-head", "demo-cadre", "demo-cz")) {
            assertThat(login(demo, "demo").status()).as(demo).isEqualTo(200);
        }
        assertThat(claims(accessToken("demo-head", "demo")).get("roles").toString()).contains("DEPT_HEAD");
        assertThat(claims(accessToken("demo-cz", "demo")).get("dept").asText()).isEqualTo("CZJ");
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetTheSameAnswerAndIncompleteRequestsAreRefused() throws Exception {
        Answer wrong = login("demo-org", "nope");
        Answer unknown = login("nobody-at-all", "demo");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.raw().body()).isEqualTo(unknown.raw().body())
                .contains("BAD_CREDENTIALS").contains("用户名或密码错误");
        Answer incomplete = post("/api/auth/login", Map.of("username", "demo-dept"), null);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post("/api/auth/login", "<xml/>", null).status()).isEqualTo(400);
    }

    @Test
    void aRefreshTokenRefreshesOnceAndIsNoAccessToken() throws Exception {
        Answer tokens = login("demo-party", "demo");
        String refresh = tokens.text("refreshToken");

        Answer refreshed = post("/api/auth/refresh", Map.of("refreshToken", refresh), null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("accessToken")).isNotBlank();
        assertThat(refreshed.text("refreshToken")).isNotEqualTo(refresh);

        Answer asAccess = post("/api/reports", Map.of("title", "x"), refresh);
        assertThat(asAccess.status()).isEqualTo(401);
        assertThat(asAccess.code()).isEqualTo("UNAUTHENTICATED");
        Answer accessAsRefresh = post("/api/auth/refresh", Map.of("refreshToken", tokens.text("accessToken")), null);
        assertThat(accessAsRefresh.status()).isEqualTo(401);
        assertThat(accessAsRefresh.code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void aRefreshTokenUsedTwiceRevokesItsWholeSessionButNotOthers() throws Exception {
        String first = login("demo-audit", "demo").text("refreshToken");
        String otherSession = login("demo-audit", "demo").text("refreshToken");
        String second = post("/api/auth/refresh", Map.of("refreshToken", first), null).text("refreshToken");

        Answer reuse = post("/api/auth/refresh", Map.of("refreshToken", first), null);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("REFRESH_TOKEN_REUSED");
        assertThat(reuse.text("message")).contains("重新登录");
        Answer successor = post("/api/auth/refresh", Map.of("refreshToken", second), null);
        assertThat(successor.status()).as("the stolen token's successor is revoked too").isEqualTo(401);
        assertThat(successor.code()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", otherSession), null).status())
                .as("another session of the same user lives on").isEqualTo(200);
    }

    @Test
    void afterLogoutTheRefreshTokenIsRefused() throws Exception {
        Answer tokens = login("demo-cadre", "demo");
        String refresh = tokens.text("refreshToken");
        String next = post("/api/auth/refresh", Map.of("refreshToken", refresh), null).text("refreshToken");

        Answer logout = post("/api/auth/logout", Map.of("refreshToken", next), null);
        assertThat(logout.status()).isEqualTo(204);
        Answer after = post("/api/auth/refresh", Map.of("refreshToken", next), null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(post("/api/auth/logout", Map.of("refreshToken", next), null).status())
                .as("logging out twice is fine").isEqualTo(204);
        assertThat(post("/api/auth/logout", Map.of("refreshToken", "not.a.token"), null).status()).isEqualTo(401);
        assertThat(post("/api/auth/logout", Map.of(), null).status()).isEqualTo(400);
    }

    @Test
    void forgedExpiredAndMissingTokensAreRefused() throws Exception {
        assertThat(get("/api/rectification/problems", null).code()).isEqualTo("UNAUTHENTICATED");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = sign(generator.generateKeyPair().getPrivate(), 600_000, null);
        assertThat(get("/api/auth/me", forged).status()).isEqualTo(401);
        assertThat(get("/api/auth/me", sign(KEYS.getPrivate(), -120_000, null)).status()).as("expired").isEqualTo(401);
        assertThat(get("/api/auth/me", sign(KEYS.getPrivate(), 600_000, "refresh")).status()).isEqualTo(401);
        assertThat(get("/api/auth/me", sign(KEYS.getPrivate(), 600_000, null)).status()).as("control").isEqualTo(200);
        Answer refreshForged = post("/api/auth/refresh", Map.of("refreshToken",
                sign(generator.generateKeyPair().getPrivate(), 600_000, "refresh")), null);
        assertThat(refreshForged.code()).isEqualTo("INVALID_REFRESH_TOKEN");
        Answer refreshNeverIssued = post("/api/auth/refresh", Map.of("refreshToken",
                sign(KEYS.getPrivate(), 600_000, "refresh")), null);
        assertThat(refreshNeverIssued.status()).as("signed right but never issued").isEqualTo(401);
    }

    @Test
    void securityHeadersAreSetOnPagesAndApiAnswersAndHstsOnlyOverHttps() throws Exception {
        for (Answer answer : List.of(get("/", null), login("demo-dept", "demo"), get("/api/ledger", null))) {
            var headers = answer.raw().headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
                    .contains("default-src 'self'").contains("frame-ancestors 'none'");
            assertThat(headers.firstValue("Permissions-Policy").orElse("")).contains("camera=()");
            assertThat(headers.firstValue("Strict-Transport-Security")).as("plain http").isEmpty();
        }
        Answer https = send("GET", "/", null, null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(https.raw().headers().firstValue("Strict-Transport-Security").orElse(""))
                .contains("max-age=31536000").contains("includeSubDomains");
        Answer page = get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("整改");
    }

    private String sign(PrivateKey key, long ttlMillis, String type) throws Exception {
        Date now = new Date();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("zhenggai-gateway").subject("demo-party")
                .jwtID(java.util.UUID.randomUUID().toString())
                .claim("roles", List.of("PARTY_COMMITTEE")).claim("dept", "DW")
                .issueTime(new Date(now.getTime() - 300_000)).expirationTime(new Date(now.getTime() + ttlMillis));
        if (type != null) {
            claims.claim("typ", type);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
