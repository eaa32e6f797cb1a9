package cn.zhenggai.platform.web;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.RefusalStatus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;

/** Maps every refusal to a 4xx with an {@link ApiError}; unexpected failures to a 500 without internals. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(ApiError.of(e.code(), e.getMessage()));
    }

    /** A refusal of the domain: its kind decides the status, its code and message are the answer. */
    @ExceptionHandler(Refusal.class)
    public ResponseEntity<ApiError> refused(Refusal e) {
        return ResponseEntity.status(status(e.kind())).body(ApiError.of(e.code(), e.getMessage()));
    }

    /** A refusal's kind as an HTTP status: web-edge's {@link RefusalStatus}, shared with the gateway. */
    public static HttpStatus status(Refusal.Kind kind) {
        return RefusalStatus.of(kind);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<ApiError.FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError.FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest()
                .body(new ApiError("VALIDATION_FAILED", "请求内容不完整或格式有误", fields));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    public ResponseEntity<ApiError> unreadable(Exception e) {
        return ResponseEntity.badRequest().body(ApiError.of("MALFORMED_REQUEST", "请求格式有误，无法读取"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ApiError.of("UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(ApiError.of("METHOD_NOT_ALLOWED", "不支持的请求方法"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("NOT_FOUND", "请求的地址不存在"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of("FORBIDDEN", "无权执行此操作"));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ApiError> aggregateNotFound(AggregateNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiError.of("NOT_FOUND", "对象不存在：" + e.getAggregateIdentifier()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ApiError> concurrent(ConcurrencyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApiError.of("CONCURRENT_MODIFICATION", "数据已被他人修改，请刷新后重试"));
    }

    /** Command handlers refuse with {@link Refusal}; Axon may wrap it. */
    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ApiError> command(CommandExecutionException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof Refusal refusal) {
                return refused(refusal);
            }
            if (cause instanceof ApiException api) {
                return refused(api);
            }
            if (cause instanceof AggregateNotFoundException notFound) {
                return aggregateNotFound(notFound);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return failed(e);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ApiError> failed(Exception e) {
        log.error("Request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ApiError.of("INTERNAL_ERROR", "服务器内部错误，请稍后重试"));
    }
}
