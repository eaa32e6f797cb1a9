package cn.zhenggai.gateway;

import cn.zhenggai.contracts.directory.RevokedUsers;
import cn.zhenggai.gateway.directory.DirectoryOutbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disabled, moved or locked user loses access at once: the gateway refuses access tokens issued before with 401
 * {@code TOKEN_REVOKED}, on its own endpoints and before routing; refresh is refused while locked (ADR 0080).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zhenggai.database.schema=gw_revocation")
class RevocationTest extends GatewayHttpTest {

    private static final String STRONG = "Zhengg@i-2026";

    @Autowired
    private JdbcTemplate jdbc;
    private String org;

    @BeforeEach
    void signIn() throws Exception {
        org = accessToken("demo-org", "demo");
    }

    @Test
    void aDisabledUsersEarlierTokenIsRefusedAtTheGatewayAndBeforeRouting() throws Exception {
        create("gone.soon", "XZSPJ");
        String token = accessToken("gone.soon", STRONG);
        assertThat(get("/api/auth/me", token).status()).isEqualTo(200);

        assertThat(post("/api/directory/users/gone.soon/disable", Map.of(), org).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        Answer me = get("/api/auth/me", token);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.code()).isEqualTo("TOKEN_REVOKED");
        assertThat(me.text("message")).contains("请重新登录");
        Answer routed = get("/api/measures?department=XZSPJ", token);
        assertThat(routed.status()).as("refused before it reaches rectification-service").isEqualTo(401);
        assertThat(routed.code()).isEqualTo("TOKEN_REVOKED");
        assertThat(get("/api/auth/me", org).status()).as("others are untouched").isEqualTo(200);

        // enabled again: a new login works, the old token stays refused
        post("/api/directory/users/gone.soon/enable", Map.of(), org);
        clock.advance(Duration.ofSeconds(1));
        assertThat(get("/api/auth/me", accessToken("gone.soon", STRONG)).status()).isEqualTo(200);
        assertThat(get("/api/auth/me", token).code()).isEqualTo("TOKEN_REVOKED");
    }

    @Test
    void aMovedUserKeepsNoTokenOfTheOldDepartment() throws Exception {
        create("moving.on", "XZSPJ");
        String token = accessToken("moving.on", STRONG);
        assertThat(put("/api/directory/users/moving.on", Map.of("displayName", "调任", "department", "CZJ",
                "roles", List.of("CADRE")), org).status()).isEqualTo(200);
        assertThat(get("/api/auth/me", token).code()).isEqualTo("TOKEN_REVOKED");
        clock.advance(Duration.ofSeconds(1));
        assertThat(claims(accessToken("moving.on", STRONG)).get("dept").asText()).isEqualTo("CZJ");
    }

    @Test
    void aLockedAccountLosesItsTokenAndCannotRefreshUntilTheLockRunsOut() throws Exception {
        create("lock.me", "CZJ");
        Answer session = login("lock.me", STRONG);
        String token = session.text("accessToken");
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            login("lock.me", "Not-The-Password-" + i);
        }
        assertThat(get("/api/auth/me", token).code()).isEqualTo("TOKEN_REVOKED");
        Answer refresh = post("/api/auth/refresh", Map.of("refreshToken", session.text("refreshToken")), null);
        assertThat(refresh.status()).isEqualTo(423);
        assertThat(refresh.code()).isEqualTo("ACCOUNT_LOCKED");

        clock.advance(Duration.ofMinutes(16));
        Answer after = post("/api/auth/refresh", Map.of("refreshToken", session.text("refreshToken")), null);
        assertThat(after.status()).as("the refresh token was not used up while locked").isEqualTo(200);
        assertThat(get("/api/auth/me", after.text("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void revocationsSurviveARestartOfTheGateway() throws Exception {
        create("restart.me", "CZJ");
        String token = accessToken("restart.me", STRONG);
        post("/api/directory/users/restart.me/disable", Map.of(), org);
        RevokedUsers fresh = new RevokedUsers(Duration.ofMinutes(17), clock);
        int replayed = new DirectoryOutbox(jdbc, "gw_revocation", clock, fresh)
                .replayRevocations(clock.instant().minus(Duration.ofMinutes(17)));
        assertThat(replayed).isPositive();
        assertThat(fresh.refuses("restart.me", claims(token).get("iat").asLong() == 0 ? null
                : java.time.Instant.ofEpochSecond(claims(token).get("iat").asLong()))).isTrue();
        assertThat(fresh.refuses("demo-org", clock.instant().minusSeconds(60))).isFalse();
    }

    private void create(String username, String department) throws Exception {
        assertThat(post("/api/directory/users", Map.of("username", username, "displayName", "测试用户",
                "department", department, "roles", List.of("CADRE"), "password", STRONG), org).status())
                .isEqualTo(201);
    }
}
