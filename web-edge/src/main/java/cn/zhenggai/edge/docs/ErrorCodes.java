package cn.zhenggai.edge.docs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusal codes an endpoint can answer, by HTTP status; {@link ErrorCodesCustomizer} turns them into the
 * documented 4xx/5xx responses of the endpoint's OpenAPI operation (ADR 0100). Every handler method of a door
 * carries one ({@code ApiDocumentationTest} of each module fails otherwise); {@code @ErrorCodes} with no codes says
 * "refuses nothing beyond the codes every endpoint can answer" (401 {@code UNAUTHENTICATED} where a token is needed,
 * 400 {@code VALIDATION_FAILED} / {@code MALFORMED_REQUEST} for a checked body).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ErrorCodes {

    /** 400. */
    String[] badRequest() default {};

    /** 401, besides {@code UNAUTHENTICATED} (added where {@link #signedIn()}). */
    String[] unauthorized() default {};

    /** 403. */
    String[] forbidden() default {};

    /** 404. */
    String[] notFound() default {};

    /** 409. */
    String[] conflict() default {};

    /** 410. */
    String[] gone() default {};

    /** 413. */
    String[] tooLarge() default {};

    /** 415. */
    String[] unsupportedType() default {};

    /** 422. */
    String[] unprocessable() default {};

    /** 423. */
    String[] locked() default {};

    /** 429. */
    String[] tooMany() default {};

    /** 503. */
    String[] unavailable() default {};

    /** Whether the endpoint needs an access token (then it can answer 401 {@code UNAUTHENTICATED}). */
    boolean signedIn() default true;
}
