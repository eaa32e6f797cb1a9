package cn.zhenggai.edge.docs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The statuses {@link ErrorCodes} names, with what each means to a caller (Chinese, shown in Swagger UI). */
public enum ErrorStatus {
    BAD_REQUEST(400, "请求有误", ErrorCodes::badRequest),
    UNAUTHORIZED(401, "未登录或令牌无效", ErrorCodes::unauthorized),
    FORBIDDEN(403, "无权执行此操作", ErrorCodes::forbidden),
    NOT_FOUND(404, "对象不存在", ErrorCodes::notFound),
    CONFLICT(409, "与当前状态冲突", ErrorCodes::conflict),
    GONE(410, "已不再提供", ErrorCodes::gone),
    TOO_LARGE(413, "内容过大", ErrorCodes::tooLarge),
    UNSUPPORTED_TYPE(415, "不支持的内容类型", ErrorCodes::unsupportedType),
    UNPROCESSABLE(422, "内容无法处理", ErrorCodes::unprocessable),
    LOCKED(423, "已被锁定", ErrorCodes::locked),
    TOO_MANY(429, "请求过于频繁", ErrorCodes::tooMany),
    UNAVAILABLE(503, "服务暂时不可用", ErrorCodes::unavailable);

    /** The code every endpoint that needs a token can answer with 401. */
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";

    private final int status;
    private final String description;
    private final Function<ErrorCodes, String[]> codes;

    ErrorStatus(int status, String description, Function<ErrorCodes, String[]> codes) {
        this.status = status;
        this.description = description;
        this.codes = codes;
    }

    public int status() {
        return status;
    }

    public String description() {
        return description;
    }

    /**
     * The codes of an endpoint by status, in the order of this enum, statuses without codes left out; with
     * {@code UNAUTHENTICATED} under 401 where the endpoint needs a token and {@code extraBadRequest} (the codes of
     * a checked body) under 400.
     */
    public static Map<ErrorStatus, List<String>> of(ErrorCodes declared, List<String> extraBadRequest) {
        Map<ErrorStatus, List<String>> byStatus = new LinkedHashMap<>();
        for (ErrorStatus status : values()) {
            Set<String> codes = new LinkedHashSet<>(Arrays.asList(status.codes.apply(declared)));
            if (status == UNAUTHORIZED && declared.signedIn()) {
                codes.add(UNAUTHENTICATED);
            }
            if (status == BAD_REQUEST) {
                codes.addAll(extraBadRequest);
            }
            if (!codes.isEmpty()) {
                byStatus.put(status, List.copyOf(codes));
            }
        }
        return byStatus;
    }
}
