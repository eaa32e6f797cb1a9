package cn.zhenggai.edge;

import cn.zhenggai.contracts.refusal.Refusal;
import org.springframework.http.HttpStatus;

/**
 * The one place a refusal's kind becomes an HTTP status (ADR 0096, 0106): used by platform's handler (every
 * service) and by the gateway's, which does not have platform on its classpath.
 */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static HttpStatus of(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
