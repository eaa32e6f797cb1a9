package cn.zhenggai.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rectification-service is down (its address: a port nothing listens on), report-service is up (a stand-in), and
 * audit-service hangs: requests routed to the first and the last are answered 503 SERVICE_UNAVAILABLE with a
 * Chinese message, and the gateway's health is DOWN with each backend's status and nothing more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"zhenggai.database.schema=gw_unavailable", "zhenggai.gateway.backend-health.cache=PT0S",
                "zhenggai.gateway.backend-health.timeout=PT0.5S", "spring.http.clients.read-timeout=PT1S"})
class BackendUnavailableTest extends GatewayHttpTest {

    private static HttpServer up;
    private static HttpServer hanging;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) throws IOException {
        up = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        up.createContext("/", exchange -> {
            boolean health = exchange.getRequestURI().getPath().equals("/actuator/health");
            byte[] answer = (health ? "{\"status\":\"UP\"}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        up.start();
        hanging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hanging.createContext("/", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hanging.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        hanging.start();
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        int down = closed;
        registry.add("zhenggai.routes.report", () -> "http://127.0.0.1:" + up.getAddress().getPort());
        registry.add("zhenggai.routes.rectification", () -> "http://127.0.0.1:" + down);
        registry.add("zhenggai.routes.audit", () -> "http://127.0.0.1:" + hanging.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        up.stop(0);
        hanging.stop(0);
    }

    @Test
    void aRequestToABackendThatIsNotListeningIsAnswered503WithAChineseMessage() throws Exception {
        String token = accessToken("demo-dept", "demo");
        for (String path : List.of("/api/ledger?department=XZSPJ", "/api/measures/m-1", "/api/overview")) {
            Answer answer = get(path, token);
            assertThat(answer.status()).as(path).isEqualTo(503);
            assertThat(answer.code()).as(path).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(answer.text("message")).as(path).isEqualTo("整改服务暂时不可用，请稍后重试");
            assertThat(answer.raw().headers().firstValue("Content-Type")).get().asString().contains("json");
            assertThat(answer.raw().headers().firstValue("Retry-After")).hasValue("5");
        }
        Answer posted = post("/api/measures/m-1/progress", java.util.Map.of("note", "进展"), token);
        assertThat(posted.status()).isEqualTo(503);
        assertThat(posted.code()).isEqualTo("SERVICE_UNAVAILABLE");

        Answer report = get("/api/reports", token);
        assertThat(report.status()).as("the backend that is up still answers").isEqualTo(200);
    }

    @Test
    void aBackendThatDoesNotAnswerInTimeIsAnswered503Too() throws Exception {
        Answer answer = get("/api/audit/log", accessToken("demo-audit", "demo"));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.text("message")).isEqualTo("审计服务暂时不可用，请稍后重试");
    }

    @Test
    void healthIsDownAndShowsEachBackendsStatusOnly() throws Exception {
        Answer health = get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.text("status")).isEqualTo("DOWN");
        var components = health.json().get("components");
        assertThat(components.get("report").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("rectification").get("status").asText()).isEqualTo("DOWN");
        assertThat(components.get("audit").get("status").asText()).isEqualTo("DOWN");
        for (String backend : List.of("report", "rectification", "audit")) {
            assertThat(components.get(backend).size()).as(backend + ": status only").isEqualTo(1);
        }
        assertThat(health.raw().body()).doesNotContain("127.0.0.1").doesNotContain("Exception");
        assertThat(get("/actuator/health/liveness", null).status())
                .as("a backend's outage is no reason to restart the gateway").isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }
}
