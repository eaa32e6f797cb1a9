package cn.zhenggai.report;

import cn.zhenggai.platform.web.ApiError;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Maps upload and replay failures to {@code {code, message}} answers; ordered before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    /** The id of a new aggregate is already taken (ids are generated, so this is a replayed request). */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ApiError> exists(AggregateStreamCreationException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("ALREADY_EXISTS", "对象已存在"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(ApiError.of("TOO_LARGE", "文件过大，最大10MB"));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return ResponseEntity.badRequest().body(ApiError.of("MISSING_FILE", "请选择要上传的文件（表单字段 file）"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> badMultipart(MultipartException e) {
        return ResponseEntity.badRequest().body(ApiError.of("MALFORMED_REQUEST", "上传内容格式有误，无法读取"));
    }
}
