package cn.zhenggai.gateway;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.RefusalStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's own refusals, in the same {@code {code, message}} shape as every service's: the domain's
 * {@link Refusal} (status by its kind, web-edge's {@link RefusalStatus}, as in every service) and {@link Refused}
 * for what no refusal kind says: not signed in (401), locked (423) and too many attempts (429, with Retry-After).
 */
@RestControllerAdvice
public class GatewayErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A request refused with a status no {@link Refusal.Kind} has (401, 423, 429); {@code retryAfterSeconds} > 0
     * adds a {@code Retry-After} header (429, 423). Everything else the gateway refuses is a {@link Refusal}.
     */
    public static class Refused extends RuntimeException {
        private final HttpStatus status;
        private final String code;
        private final long retryAfterSeconds;

        public Refused(HttpStatus status, String code, String message) {
            this(status, code, message, 0);
        }

        public Refused(HttpStatus status, String code, String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public HttpStatus status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<Map<String, String>> refused(Refused e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status);
        if (e.retryAfterSeconds > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds));
        }
        return answer.body(body(e.code, e.getMessage()));
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, String>> refused(Refusal e) {
        return ResponseEntity.status(RefusalStatus.of(e.kind())).body(body(e.code(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, String>> invalid(MethodArgumentNotValidException e) {
        return ResponseEntity.badRequest().body(body("VALIDATION_FAILED", "请求内容不完整或格式有误"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(body("MALFORMED_REQUEST", "请求格式有误，无法读取"));
    }

    static Map<String, String> body(String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return body;
    }

    public static void write(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(JSON.writeValueAsString(body(code, message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
