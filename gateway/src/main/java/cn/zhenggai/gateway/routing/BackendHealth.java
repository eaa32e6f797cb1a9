package cn.zhenggai.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One backend's state in the gateway's {@code /actuator/health}: UP when the backend's own
 * {@code /actuator/health} answers 200 with status UP within the timeout, DOWN otherwise. Only the status is shown
 * (no address, no error text): the gateway's health is public. A result is kept for {@code cacheFor}, so that
 * polling the public health endpoint does not turn into as many requests to the services.
 */
final class BackendHealth implements HealthIndicator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI health;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(Health health, Instant until) {
    }

    BackendHealth(String baseUrl, Duration timeout, Duration cacheFor, Clock clock) {
        this.health = URI.create(baseUrl.replaceAll("/+$", "") + "/actuator/health");
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Cached last = cached;
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.until())) {
            return last.health();
        }
        Health probed = probe() ? Health.up().build() : Health.down().build();
        cached = new Cached(probed, now.plus(cacheFor));
        return probed;
    }

    private boolean probe() {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) health.toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setRequestProperty("Accept", "application/json");
            if (connection.getResponseCode() != 200) {
                return false;
            }
            try (InputStream in = connection.getInputStream()) {
                JsonNode body = JSON.readTree(in.readNBytes(64 * 1024));
                return "UP".equals(body.path("status").asText());
            }
        } catch (IOException | IllegalArgumentException unreachable) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }
}
