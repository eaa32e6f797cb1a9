package cn.zhenggai.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client of the gateway's public API, for demo data, end-to-end tests and benchmarks. */
public final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A file's upload is long work (a sheet of 2,000 items, a scanned outline): the gateway's own limit is 120 s. */
    private static final Duration FILE_TIMEOUT = Duration.ofSeconds(180);

    private final String baseUrl;
    private final HttpClient http;
    private String accessToken;

    public GatewayClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An HTTP answer: status and JSON body (null when the body is not JSON). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String text(String field) {
            return body == null || body.get(field) == null ? null : body.get(field).asText();
        }
    }

    public GatewayClient login(String username, String password) throws IOException, InterruptedException {
        Answer answer = post("/api/auth/login", Map.of("username", username, "password", password));
        if (!answer.ok()) {
            throw new IOException("login of " + username + " failed: " + answer.status() + " " + answer.body());
        }
        accessToken = answer.text("accessToken");
        return this;
    }

    public GatewayClient withToken(String token) {
        GatewayClient copy = new GatewayClient(baseUrl);
        copy.accessToken = token;
        return copy;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String accessToken() {
        return accessToken;
    }

    public Answer post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Answer postRaw(String path, String body) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer put(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A multipart/form-data POST of one file in the part {@code part}. */
    public Answer postFile(String path, String part, String fileName, String contentType, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----zhenggai" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(path).timeout(FILE_TIMEOUT)
                .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = null;
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.contains("json") && !response.body().isEmpty()) {
            body = JSON.readTree(response.body());
        }
        return new Answer(response.statusCode(), body);
    }
}
