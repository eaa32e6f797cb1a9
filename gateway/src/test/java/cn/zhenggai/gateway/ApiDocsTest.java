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

    /**
     * ADR 0106: a browser navigation sends no token; the web UI first gets the docs ticket cookie with it. The cookie
     * opens the UI page only: it is no access token, not for the documents, and refused once the user is disabled.
     */
    @Test
    void theDocsTicketOpensTheUiPageByAPlainNavigationAndNothingElse() throws Exception {
        assertThat(post("/api/docs/ticket", Map.of(), null).status()).as("no ticket without a token").isEqualTo(401);
        String token = accessToken("demo-cadre", "demo");
        Answer issued = post("/api/docs/ticket", Map.of(), token);
        assertThat(issued.status()).isEqualTo(204);
        String setCookie = issued.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("zhenggai_docs=").contains("Path=/api/docs/ui", "HttpOnly",
                "SameSite=Strict", "Max-Age=900");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String ticket = cookie.substring("zhenggai_docs=".length());

        Answer page = send("GET", "/api/docs/ui", null, null, Map.of("Cookie", cookie));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("/js/api-docs.js");

        for (String other : List.of("/api/docs/gateway", "/api/docs/report", "/api/auth/me")) {
            assertThat(send("GET", other, null, null, Map.of("Cookie", cookie)).status()).as(other).isEqualTo(401);
        }
        Answer asBearer = get("/api/auth/me", ticket);
        assertThat(asBearer.status()).as("a ticket is no access token").isEqualTo(401);
        assertThat(asBearer.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(send("GET", "/api/docs/ui", null, null, Map.of("Cookie", "zhenggai_docs=" + token)).status())
                .as("an access token is no ticket").isEqualTo(401);
        assertThat(send("GET", "/api/docs/ui", null, null, Map.of("Cookie", "zhenggai_docs=forged")).status())
                .isEqualTo(401);

        String org = accessToken("demo-org", "demo");
        assertThat(post("/api/directory/users/demo-cadre/disable", Map.of(), org).status()).isEqualTo(200);
        Answer revoked = send("GET", "/api/docs/ui", null, null, Map.of("Cookie", cookie));
        assertThat(revoked.status()).as("the ticket of a disabled user").isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(post("/api/directory/users/demo-cadre/enable", Map.of(), org).status()).isEqualTo(200);
    }
}
