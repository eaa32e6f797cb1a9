package cn.zhenggai.gateway.routing;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A backend that cannot be reached (connection refused, no route, unknown host, connect or read timeout, connection
 * dropped before an answer) is answered with 503 {@code SERVICE_UNAVAILABLE} and a Chinese message naming the
 * service, instead of the 500 the proxy would give. {@code Retry-After} suggests when to try again.
 */
final class BackendUnavailable {

    static final String CODE = "SERVICE_UNAVAILABLE";
    static final long RETRY_AFTER_SECONDS = 5;

    private BackendUnavailable() {
    }

    /** Whether the proxy failed because the backend could not be reached or did not answer. */
    static final Predicate<Throwable> UNREACHABLE = BackendUnavailable::unreachable;

    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException || t instanceof HttpTimeoutException) {
                return true;
            }
            if (!(t instanceof UncheckedIOException || t instanceof IOException
                    || t instanceof org.springframework.web.client.ResourceAccessException)) {
                return false;
            }
        }
        return false;
    }

    /** The answer for a request to {@code backend} that could not be proxied. */
    static BiFunction<Throwable, ServerRequest, ServerResponse> answer(Backend backend) {
        return (failure, request) -> {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("code", CODE);
            body.put("message", backend.unavailableMessage());
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body);
        };
    }
}
