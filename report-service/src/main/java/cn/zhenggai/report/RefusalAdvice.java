package cn.zhenggai.report;

import cn.zhenggai.platform.web.ApiError;
import cn.zhenggai.report.drafting.ReportRefused;
import cn.zhenggai.report.meeting.MeetingRefused;
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

/** Maps the domain's refusals to {@code {code, message}} answers; ordered before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    @ExceptionHandler(ReportRefused.class)
    ResponseEntity<ApiError> refused(ReportRefused e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        return ResponseEntity.status(status).body(ApiError.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(MeetingRefused.class)
    ResponseEntity<ApiError> refused(MeetingRefused e) {
        return ResponseEntity.status(e.status()).body(ApiError.of(e.code(), e.getMessage()));
    }

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
