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
            SEEN.put("bodyHash", Integer.toString(java.util.Arrays.hashCode(body)));
            SEEN.put("contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
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

    /**
     * Issue 16: PDFs, Word 97–2003/WPS files and scans reach report-service as they are, raw or multipart, whatever
     * their content type or extension — the parser finds the kind from the content; nothing on the way judges it.
     */
    @Test
    void outlinesOfEveryKindPassThroughByteForByteWhateverTheirContentType() throws Exception {
        String token = accessToken("demo-dept", "demo");
        byte[] binary = new byte[2 * 1024 * 1024];
        new java.util.Random(16).nextBytes(binary);
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put("提纲.pdf", "application/pdf");
        kinds.put("提纲.doc", "application/msword");
        kinds.put("提纲.wps", "application/vnd.ms-works");
        kinds.put("扫描件.png", "image/png");
        kinds.put("扫描件.jpg", "image/jpeg");
        kinds.put("扫描件.tif", "image/tiff");
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            String name = java.net.URLEncoder.encode(kind.getKey(), StandardCharsets.UTF_8);
            java.net.http.HttpResponse<String> raw = sendBytes("/api/outlines/preview?fileName=" + name, binary,
                    kind.getValue(), token);
            assertThat(raw.statusCode()).as(kind.getKey() + " raw").isEqualTo(200);
            assertThat(SEEN).containsEntry("uri", "/api/outlines/preview?fileName=" + name)
                    .containsEntry("bodyLength", Integer.toString(binary.length))
                    .containsEntry("bodyHash", Integer.toString(java.util.Arrays.hashCode(binary)));
            // the proxy may add a charset parameter; the type itself arrives as sent
            assertThat(SEEN.get("contentType")).startsWith(kind.getValue());

            String boundary = "----kinds-test";
            java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
            multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + kind.getKey() + "\"\r\nContent-Type: " + kind.getValue() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            multipart.write(binary);
            multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] body = multipart.toByteArray();
            java.net.http.HttpResponse<String> part = sendBytes("/api/outlines/import", body,
                    "multipart/form-data; boundary=" + boundary, token);
            assertThat(part.statusCode()).as(kind.getKey() + " multipart").isEqualTo(200);
            assertThat(SEEN).containsEntry("bodyHash", Integer.toString(java.util.Arrays.hashCode(body)));
        }
    }

    private java.net.http.HttpResponse<String> sendBytes(String path, byte[] body, String contentType, String token)
            throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri(path))
                .timeout(java.time.Duration.ofSeconds(30)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
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
