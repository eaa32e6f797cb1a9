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
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing through the gateway's proxy client to a stand-in service: the caller's token, query and body arrive
 * intact (a 5 MB upload too), the service's status and body come back unchanged, and the gateway adds its security
 * headers to the proxied answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zhenggai.database.schema=gw_routing")
class RoutingTest extends GatewayHttpTest {

    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    private static HttpServer service;

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            SEEN.put("method", exchange.getRequestMethod());
            SEEN.put("uri", exchange.getRequestURI().toString());
            SEEN.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            SEEN.put("bodyLength", Integer.toString(body.length));
            boolean refuse = exchange.getRequestURI().getPath().endsWith("/forbidden");
            byte[] answer = (refuse ? "{\"code\":\"FORBIDDEN\",\"message\":\"无权查看其他部门的整改台账\"}"
                    : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(refuse ? 403 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        service.start();
        String url = "http://127.0.0.1:" + service.getAddress().getPort();
        registry.add("zhenggai.routes.rectification", () -> url);
        registry.add("zhenggai.routes.report", () -> url);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop(0);
        }
    }

    @Test
    void theTokenQueryAndBodyReachTheServiceAndItsAnswerComesBackWithTheGatewaysHeaders() throws Exception {
        String token = accessToken("demo-party", "demo");
        Answer ledger = get("/api/ledger?department=XZSPJ", token);
        assertThat(ledger.status()).isEqualTo(200);
        assertThat(ledger.json().get("ok").asBoolean()).isTrue();
        assertThat(SEEN).containsEntry("method", "GET").containsEntry("uri", "/api/ledger?department=XZSPJ")
                .containsEntry("authorization", "Bearer " + token);
        assertThat(ledger.raw().headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(ledger.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        String upload = "提".repeat(5 * 1024 * 1024 / 3);
        Answer imported = send("POST", "/api/outlines/import?fileName=big.txt", upload, token,
                Map.of("Content-Type", "text/plain; charset=UTF-8"));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(SEEN).containsEntry("method", "POST")
                .containsEntry("bodyLength", Integer.toString(upload.getBytes(StandardCharsets.UTF_8).length));

        Answer refused = get("/api/ledger/forbidden", token);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
        assertThat(refused.text("message")).isEqualTo("无权查看其他部门的整改台账");
    }

    @Test
    void aMultipartUploadAboveServletDefaultsPassesThroughUnparsed() throws Exception {
        String token = accessToken("demo-dept", "demo");
        String boundary = "----routing-test";
        String file = "证".repeat(3 * 1024 * 1024 / 3);
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"记录.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
        Answer uploaded = send("POST", "/api/measures/m-1/evidence", body, token,
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
        assertThat(uploaded.status()).as("the service, not the gateway, judges an evidence file's size").isEqualTo(200);
        assertThat(SEEN).containsEntry("uri", "/api/measures/m-1/evidence")
                .containsEntry("bodyLength", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void nothingIsForwardedWithoutAValidAccessToken() throws Exception {
        SEEN.clear();
        assertThat(get("/api/ledger", null).status()).isEqualTo(401);
        String refresh = login("demo-party", "demo").text("refreshToken");
        assertThat(get("/api/ledger", refresh).status()).isEqualTo(401);
        assertThat(SEEN).as("the service was never called").isEmpty();
    }
}
