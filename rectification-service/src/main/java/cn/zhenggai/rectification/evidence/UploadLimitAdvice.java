package cn.zhenggai.rectification.evidence;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.platform.web.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Spring parses a multipart request before any controller is chosen, so its size limit (set to ours,
 * {@code zhenggai.evidence.max-size}) is answered here: 413 {@code FILE_TOO_LARGE}, the same refusal as our own
 * check (the status is the one platform gives a {@code TOO_LARGE} refusal).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final EvidenceStore store;

    UploadLimitAdvice(EvidenceStore store) {
        this.store = store;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> oversized(MaxUploadSizeExceededException e) {
        Refusal refusal = EvidenceController.tooLarge(store.maxSize());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(ApiError.of(refusal.code(), refusal.getMessage()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> malformed(MultipartException e) {
        return ResponseEntity.badRequest()
                .body(ApiError.of("MALFORMED_UPLOAD", "上传内容格式有误（须为 multipart/form-data）"));
    }
}
