package cn.zhenggai.gateway;

import cn.zhenggai.testsupport.ApiDocumentation;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents and Swagger UI under {@code /api/docs/} (ADR 0100): for signed-in users only (else the usual
 * 401 JSON), each service's document routed to that service with the caller's token, the gateway's own document
 * with every endpoint and its error codes, and the UI page offering the four documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zhenggai.database.schema=gw_docs")
class ApiDocsTest extends GatewayHttpTest {

    private static final List<String> SERVICES = List.of("report", "rectification", "audit");
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    private static final List<HttpServer> STAND_INS = new java.util.ArrayList<>();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) throws IOException {
        for (String service : SERVICES) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                SEEN.put(service, exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] answer = ("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + service + "-service\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            STAND_INS.add(server);
            registry.add("zhenggai.routes." + service, () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @AfterAll
    static void stop() {
        STAND_INS.forEach(server -> server.stop(0));
    }

    @Test
    void theDocumentsAndTheUiNeedASignedInUser() throws Exception {
        for (String path : List.of("/api/docs/report", "/api/docs/rectification", "/api/docs/audit",
                "/api/docs/gateway", "/api/docs/ui")) {
            Answer refused = get(path, null);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.code()).as(path).isEqualTo("UNAUTHENTICATED");
            assertThat(refused.text("message")).as(path).isEqualTo("请先登录：缺少或无效的访问令牌");
        }
        assertThat(SEEN).as("no service was asked").isEmpty();
    }

    @Test
    void eachServicesDocumentComesFromThatServiceWithTheCallersToken() throws Exception {
        String token = accessToken("demo-dept", "demo");
        for (String service : SERVICES) {
            Answer document = get("/api/docs/" + service, token);
            assertThat(document.status()).as(service).isEqualTo(200);
            assertThat(document.raw().headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/json");
            assertThat(document.json().path("info").path("title").asText()).isEqualTo(service + "-service");
            assertThat(SEEN).containsEntry(service, "/api/docs/" + service + " Bearer " + token);
        }
    }

    @Test
    void theGatewaysOwnDocumentHasEveryEndpointWithItsErrorCodes() throws Exception {
        Answer document = get("/api/docs/gateway", accessToken("demo-dept", "demo"));

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.raw().headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/json");
        assertThat(document.json().path("openapi").asText()).startsWith("3.");
        assertThat(document.json().path("paths").has("/api/auth/login")).isTrue();
        assertThat(document.json().path("paths").path("/api/auth/login").path("post").path("responses").path("429")
                .path("x-error-codes").toString()).isEqualTo("[\"RATE_LIMITED\"]");
        assertThat(ApiDocumentation.undocumented(mapping, document.json())).isEmpty();
    }

    @Test
    void swaggerUiIsServedAndOffersTheFourDocuments() throws Exception {
        Answer page = get("/api/docs/ui", accessToken("demo-dept", "demo"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        String html = page.raw().body();
        assertThat(html).contains("/webjars/swagger-ui/swagger-ui-bundle.js", "/js/api-docs.js");
        for (String asset : List.of("/webjars/swagger-ui/swagger-ui-bundle.js",
                "/webjars/swagger-ui/swagger-ui-standalone-preset.js", "/webjars/swagger-ui/swagger-ui.css")) {
            assertThat(get(asset, null).status()).as(asset).isEqualTo(200);
        }
        Answer script = get("/js/api-docs.js", null);
        assertThat(script.status()).isEqualTo(200);
        for (String document : List.of("report", "rectification", "audit", "gateway")) {
            assertThat(script.raw().body()).contains("url: '/api/docs/" + document + "'");
        }
    }
}
