package cn.zhenggai.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scanned outline is read by OCR inside the request: the outline paths wait for report-service longer than the
 * other routes. Here report-service answers everything after 2.5 s; the routes give up after 1 s, the outline paths
 * after 10 s: a report list is 503, an outline preview and import pass, their body intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"zhenggai.database.schema=gw_outline_timeout", "spring.http.clients.read-timeout=PT1S",
                "zhenggai.gateway.outline-read-timeout=PT10S"})
class OutlineReadTimeoutTest extends GatewayHttpTest {

    private static HttpServer slow;
    private static volatile int lastBodyLength = -1;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) throws IOException {
        slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                lastBodyLength = in.readAllBytes().length;
            }
            try {
                Thread.sleep(2_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        slow.start();
        registry.add("zhenggai.routes.report", () -> "http://127.0.0.1:" + slow.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        slow.stop(0);
    }

    @Test
    void theOutlinePathsOutwaitTheRoutesReadTimeout() throws Exception {
        String token = accessToken("demo-dept", "demo");

        Answer list = get("/api/reports", token);
        assertThat(list.status()).as("another report-service path keeps the routes' timeout").isEqualTo(503);
        assertThat(list.code()).isEqualTo("SERVICE_UNAVAILABLE");

        String scan = "扫".repeat(100_000);
        for (String path : new String[] {"/api/outlines/preview?fileName=scan.txt", "/api/outlines/import?fileName=scan.txt"}) {
            Answer outline = send("POST", path, scan, token, Map.of("Content-Type", "application/octet-stream"));
            assertThat(outline.status()).as(path).isEqualTo(200);
            assertThat(outline.json().get("ok").asBoolean()).isTrue();
            assertThat(lastBodyLength).isEqualTo(scan.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
