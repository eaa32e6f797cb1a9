package cn.zhenggai.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Login, refresh and the token checks of the gateway, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path KEYS = generateKeys();

    @Value("${local.server.port}")
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("zhenggai.security.public-key", () -> KEYS.resolve("public.pem").toString());
        registry.add("zhenggai.security.private-key", () -> KEYS.resolve("private.pem").toString());
    }

    @Test
    void aDemoUserLogsInAndGetsAnAccessTokenWithRolesAndDepartment() throws Exception {
        HttpResponse<String> response = post("/api/auth/login", "{\"username\":\"demo-dept\",\"password\":\"demo\"}", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(response.body());
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.get("refreshToken").asText()).isNotBlank();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(tokens.get("accessToken").asText().split("\\.")[1]));
        assertThat(claims.get("sub").asText()).isEqualTo("demo-dept");
        assertThat(claims.get("dept").asText()).isEqualTo("XZSPJ");
        assertThat(claims.get("iss").asText()).isEqualTo("zhenggai-gateway");
        assertThat(claims.get("roles").toString()).contains("DEPT_LIAISON");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void wrongPasswordsUnknownUsersAndIncompleteRequestsAreRefused() throws Exception {
        HttpResponse<String> wrong = post("/api/auth/login", "{\"username\":\"demo-dept\",\"password\":\"nope\"}", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("code").asText()).isEqualTo("BAD_CREDENTIALS");
        HttpResponse<String> unknown = post("/api/auth/login", "{\"username\":\"nobody\",\"password\":\"demo\"}", null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unknown.body()).get("code").asText()).isEqualTo("BAD_CREDENTIALS");
        HttpResponse<String> incomplete = post("/api/auth/login", "{\"username\":\"demo-dept\"}", null);
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(incomplete.body()).get("code").asText()).isEqualTo("VALIDATION_FAILED");
        HttpResponse<String> garbage = post("/api/auth/login", "<xml/>", null);
        assertThat(garbage.statusCode()).isEqualTo(400);
    }

    @Test
    void aRefreshTokenRefreshesButIsNoAccessToken() throws Exception {
        JsonNode tokens = JSON.readTree(post("/api/auth/login", "{\"username\":\"demo-party\",\"password\":\"demo\"}", null).body());
        String refresh = tokens.get("refreshToken").asText();

        HttpResponse<String> refreshed = post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}", null);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(refreshed.body()).get("accessToken").asText()).isNotBlank();

        HttpResponse<String> asAccess = post("/api/reports", "{\"title\":\"x\"}", refresh);
        assertThat(asAccess.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(asAccess.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");

        HttpResponse<String> accessAsRefresh = post("/api/auth/refresh",
                "{\"refreshToken\":\"" + tokens.get("accessToken").asText() + "\"}", null);
        assertThat(accessAsRefresh.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(accessAsRefresh.body()).get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void theApiNeedsATokenButTheStartPageDoesNot() throws Exception {
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(uri("/api/rectification/problems")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(api.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("整改").contains("登录");
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Path generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("gateway-keys");
            Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes());
            Files.writeString(dir.resolve("private.pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + pem.encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            Files.writeString(dir.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                    + pem.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
