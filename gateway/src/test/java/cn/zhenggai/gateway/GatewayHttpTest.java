package cn.zhenggai.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plumbing of the gateway's HTTP tests: one embedded PostgreSQL for all of them (each test class in its own schema),
 * a generated key pair, a clock the tests move forward instead of sleeping, and a small JSON client.
 */
@Import(TestClockConfig.class)
public abstract class GatewayHttpTest {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final KeyPair KEYS = keyPair();
    private static final Path KEY_DIR = writeKeys(KEYS);
    private static EmbeddedPostgres postgres;

    @Value("${local.server.port}")
    private int port;
    @Autowired
    protected TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("zhenggai.security.public-key", () -> KEY_DIR.resolve("public.pem").toString());
        registry.add("zhenggai.security.private-key", () -> KEY_DIR.resolve("private.pem").toString());
        registry.add("spring.datasource.url", () -> postgres().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("zhenggai.security.bcrypt-strength", () -> "4");
        // no Kafka here: the directory's events stay in the outbox, where the tests read them
        registry.add("zhenggai.directory.publish", () -> "false");
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (Exception ignored) {
                        // shutting down
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return postgres;
    }

    /** A clock that stands still unless a test moves it. */
    public static final class TestClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        public void advance(Duration duration) {
            now.updateAndGet(t -> t.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    protected record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        String code() {
            return json.path("code").asText(null);
        }

        String text(String field) {
            return json.path(field).asText(null);
        }
    }

    protected Answer send(String method, String path, Object body, String token, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String content = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        request.method(method, content == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(content));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode json = text == null || text.isBlank() || !text.strip().startsWith("{") ? JSON.createObjectNode()
                : JSON.readTree(text);
        return new Answer(response.statusCode(), json, response);
    }

    protected Answer post(String path, Object body, String token) throws Exception {
        return send("POST", path, body, token, Map.of());
    }

    protected Answer get(String path, String token) throws Exception {
        return send("GET", path, null, token, Map.of());
    }

    protected Answer put(String path, Object body, String token) throws Exception {
        return send("PUT", path, body, token, Map.of());
    }

    /** A login from the given client address (X-Forwarded-For, trusted from this host only). */
    protected Answer login(String username, String password, String address) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        if (address != null) {
            headers.put("X-Forwarded-For", address);
        }
        return send("POST", "/api/auth/login", Map.of("username", username, "password", password), null, headers);
    }

    protected Answer login(String username, String password) throws Exception {
        return login(username, password, null);
    }

    /** The access token of a successful login. */
    protected String accessToken(String username, String password) throws Exception {
        Answer answer = login(username, password);
        if (answer.status() != 200) {
            throw new AssertionError("login of " + username + ": " + answer.status() + " " + answer.json());
        }
        return answer.text("accessToken");
    }

    protected static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writeKeys(KeyPair pair) {
        try {
            Path dir = Files.createTempDirectory("gateway-keys");
            Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes());
            Files.writeString(dir.resolve("private.pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + pem.encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            Files.writeString(dir.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                    + pem.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            dir.resolve("private.pem").toFile().deleteOnExit();
            dir.resolve("public.pem").toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
