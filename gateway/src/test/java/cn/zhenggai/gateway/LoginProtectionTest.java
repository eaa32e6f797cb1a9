package cn.zhenggai.gateway;

import cn.zhenggai.gateway.auth.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits per client address and per username, and the lock after repeated failures — with small limits, and
 * time moved by the test clock instead of sleeping. Each test uses its own addresses and users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zhenggai.database.schema=gw_protection",
        "zhenggai.login.ip-capacity=6", "zhenggai.login.ip-period=PT1M",
        "zhenggai.login.user-capacity=4", "zhenggai.login.user-period=PT1M",
        "zhenggai.login.max-failures=3", "zhenggai.login.lock-duration=PT10M"})
class LoginProtectionTest extends GatewayHttpTest {

    @Autowired
    private Sessions sessions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void threeFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockRunsOut() throws Exception {
        assertThat(login("demo-cadre", "wrong-1", "10.1.0.1").code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(login("demo-cadre", "wrong-2", "10.1.0.1").code()).isEqualTo("BAD_CREDENTIALS");
        Answer third = login("demo-cadre", "wrong-3", "10.1.0.1");
        assertThat(third.status()).isEqualTo(423);
        assertThat(third.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(third.text("message")).contains("锁定").contains("10分钟");
        assertThat(third.raw().headers().firstValue("Retry-After")).hasValue("600");

        Answer right = login("demo-cadre", "demo", "10.1.0.2");
        assertThat(right.status()).as("the right password does not open a locked account").isEqualTo(423);
        assertThat(right.code()).isEqualTo("ACCOUNT_LOCKED");

        clock.advance(Duration.ofMinutes(9));
        assertThat(login("demo-cadre", "demo", "10.1.0.2").status()).isEqualTo(423);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(login("demo-cadre", "demo", "10.1.0.2").status()).isEqualTo(200);
        assertThat(login("demo-cadre", "wrong-4", "10.1.0.2").code())
                .as("a success starts the count afresh").isEqualTo("BAD_CREDENTIALS");
        assertThat(login("demo-cadre", "demo", "10.1.0.2").status()).isEqualTo(200);
    }

    @Test
    void aMadeUpUsernameIsLockedExactlyLikeARealOne() throws Exception {
        String[] real = new String[3];
        String[] madeUp = new String[3];
        for (int i = 0; i < 3; i++) {
            real[i] = login("demo-head", "bad-" + i, "10.2.0.1").raw().body();
            madeUp[i] = login("no-such-person", "bad-" + i, "10.2.0.2").raw().body();
        }
        assertThat(madeUp).containsExactly(real);
        assertThat(madeUp[2]).contains("ACCOUNT_LOCKED");
        assertThat(login("no-such-person", "demo", "10.2.0.2").raw().body()).isEqualTo(
                login("demo-head", "demo", "10.2.0.1").raw().body());
    }

    @Test
    void oneAddressGetsSixAttemptsAMinuteThen429WithRetryAfter() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(login("spray-" + i, "guess", "10.3.0.1").status()).as("attempt " + i).isEqualTo(401);
        }
        Answer limited = login("spray-6", "guess", "10.3.0.1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(limited.text("message")).contains("过于频繁");
        long retryAfter = Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(login("demo-org", "demo", "10.3.0.1").status()).as("even with the right password").isEqualTo(429);
        assertThat(login("demo-org", "demo", "10.3.0.2").status()).as("another address").isEqualTo(200);

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(login("demo-org", "demo", "10.3.0.1").status()).isEqualTo(200);
    }

    @Test
    void oneUsernameGetsFourAttemptsAMinuteFromAnyAddresses() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(login("demo-cz", "demo", "10.4.0." + i).status()).isEqualTo(200);
        }
        Answer limited = login("demo-cz", "demo", "10.4.0.9");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(login("DEMO-CZ ", "demo", "10.4.0.10").status()).as("spelling does not escape the limit")
                .isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        assertThat(login("demo-cz", "demo", "10.4.0.9").status()).isEqualTo(200);
    }

    @Test
    void oldFailureCountsAndExpiredRefreshTokensAreForgottenByTheHourlyJob() throws Exception {
        login("passing-typo", "guess", "10.5.0.1");
        assertThat(login("demo-party", "demo", "10.5.0.1").status()).isEqualTo(200);
        assertThat(count("login_failures WHERE username = 'passing-typo'")).isEqualTo(1);
        assertThat(count("refresh_tokens WHERE username = 'demo-party'")).isPositive();

        sessions.forgetOld();
        assertThat(count("login_failures WHERE username = 'passing-typo'")).as("too young").isEqualTo(1);
        clock.advance(Duration.ofHours(8 + 24).plusMinutes(1));
        sessions.forgetOld();
        assertThat(count("login_failures WHERE username = 'passing-typo'")).isZero();
        assertThat(count("refresh_tokens WHERE username = 'demo-party'")).isZero();
    }

    private long count(String from) {
        return jdbc.queryForObject("SELECT count(*) FROM gw_protection." + from, Long.class);
    }
}
