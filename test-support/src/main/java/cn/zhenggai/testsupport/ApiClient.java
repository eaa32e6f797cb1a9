package cn.zhenggai.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * JSON over HTTP to a service on 127.0.0.1, as a {@link TestUser} with a bearer token from {@link Tokens}. Every
 * call waits at most 60 s; the answer's body is parsed as JSON: no body gives an empty object, a body that is not
 * JSON gives {@code {"raw": body}}.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<String> port;
    private final Tokens tokens;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param port   the service's port, read at each call
     *               (e.g. {@code () -> environment.getProperty("local.server.port")})
     * @param tokens mints each caller's token
     */
    public ApiClient(Supplier<String> port, Tokens tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port.get() + path);
    }

    public HttpClient http() {
        return http;
    }

    public String token(TestUser user) throws Exception {
        return tokens.token(user);
    }

    public Answer get(String path, TestUser user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    public Answer post(String path, Object body, TestUser user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), user);
    }

    public Answer put(String path, Object body, TestUser user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), user);
    }

    public Answer delete(String path, TestUser user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), user);
    }

    /** POSTs one file as the multipart form field {@code file}. */
    public Answer multipart(String path, String fileName, byte[] content, TestUser user) throws Exception {
        String boundary = "----zhenggai" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), user);
    }

    /** Any method with a JSON body (or none) and a raw token (none if null). */
    public Answer send(String method, String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(request, token);
    }

    /** Any method with a JSON body (or none) as the user. */
    public Answer send(String method, String path, Object body, TestUser user) throws Exception {
        return send(method, path, body, tokens.token(user));
    }

    /** Sends a prepared request as the user (without a token if the user is null). */
    public Answer send(HttpRequest.Builder request, TestUser user) throws Exception {
        return send(request, user == null ? null : tokens.token(user));
    }

    /** Sends a prepared request with a raw token (none if null). */
    public Answer send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), parse(response.body()));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("raw", body);
        }
    }

    /** The probe's first non-null value, polling every 100 ms for up to 30 s. */
    public static <T> T eventually(Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within 30 s");
    }
}
