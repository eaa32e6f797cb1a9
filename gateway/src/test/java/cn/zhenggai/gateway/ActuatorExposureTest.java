package cn.zhenggai.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only {@code /actuator/health} is public. Here the trusted addresses are a documentation address, so this test's
 * own requests (from loopback) count as coming from an untrusted one: metrics and Prometheus are refused without a
 * token (401) and with a token of a role other than MONITORING (403), and served to a MONITORING account and to a
 * request from the trusted address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"zhenggai.database.schema=gw_actuator", "zhenggai.gateway.metrics.trusted-addresses=192.0.2.10"})
class ActuatorExposureTest extends GatewayHttpTest {

    private static final List<String> PROTECTED = List.of("/actuator/prometheus", "/actuator/metrics",
            "/actuator/metrics/jvm.memory.used", "/actuator", "/actuator/info");

    @Test
    void withoutATokenMetricsAreRefusedWithUnauthenticated() throws Exception {
        for (String path : PROTECTED) {
            Answer answer = get(path, null);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.code()).as(path).isEqualTo("UNAUTHENTICATED");
            assertThat(answer.text("message")).as(path).contains("请先登录");
            assertThat(answer.raw().body()).as(path).doesNotContain("jvm_");
        }
    }

    @Test
    void aSignedInUserWithoutTheMonitoringRoleIsRefusedWithForbiddenRole() throws Exception {
        for (String user : List.of("demo-party", "demo-org", "demo-audit", "demo-dept")) {
            String token = accessToken(user, "demo");
            for (String path : PROTECTED) {
                Answer answer = get(path, token);
                assertThat(answer.status()).as(user + " " + path).isEqualTo(403);
                assertThat(answer.code()).as(user + " " + path).isEqualTo("FORBIDDEN_ROLE");
                assertThat(answer.text("message")).as(user + " " + path).isEqualTo("您的角色无权查看网关的运行指标");
            }
        }
    }

    @Test
    void aMonitoringAccountReadsMetricsAndPrometheusFromAnyAddress() throws Exception {
        String org = accessToken("demo-org", "demo");
        Answer created = post("/api/directory/users", Map.of("username", "ops.monitor", "displayName", "运维监控账号",
                "department", "ZZB", "roles", List.of("MONITORING"), "password", "Zhengg@i-2026"), org);
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        String monitor = accessToken("ops.monitor", "Zhengg@i-2026");
        assertThat(claims(monitor).get("roles").toString()).contains("MONITORING");

        Answer prometheus = get("/actuator/prometheus", monitor);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.raw().body()).contains("jvm_memory_used_bytes");
        Answer metrics = get("/actuator/metrics", monitor);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.json().get("names").toString()).contains("jvm.memory.used");
    }

    @Test
    void aRequestFromATrustedAddressIsServedWithoutAToken() throws Exception {
        Answer trusted = send("GET", "/actuator/prometheus", null, null, Map.of("X-Forwarded-For", "192.0.2.10"));
        assertThat(trusted.status()).isEqualTo(200);
        assertThat(trusted.raw().body()).contains("jvm_memory_used_bytes");
        Answer other = send("GET", "/actuator/prometheus", null, null, Map.of("X-Forwarded-For", "192.0.2.11"));
        assertThat(other.status()).isEqualTo(401);
    }

    @Test
    void healthStaysPublic() throws Exception {
        Answer health = get("/actuator/health", null);
        assertThat(health.status()).as("served, UP or DOWN, never refused").isIn(200, 503);
        assertThat(health.text("status")).isIn("UP", "DOWN");
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).text("status")).isEqualTo("UP");
        assertThat(get("/actuator/health", accessToken("demo-dept", "demo")).status()).isIn(200, 503);
    }
}
