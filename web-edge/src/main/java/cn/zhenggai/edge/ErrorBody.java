package cn.zhenggai.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code {code, message}} body every refusal has, written without Spring MVC (filters, Tomcat's valve). */
public final class ErrorBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBody() {
    }

    public static String json(String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] bytes = json(code, message).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The code and Chinese message for a status that Tomcat or Spring answered on its own. */
    public static String[] forStatus(int status) {
        return switch (status) {
            case 400 -> new String[] {"MALFORMED_REQUEST", "请求格式有误，无法读取"};
            case 401 -> new String[] {"UNAUTHENTICATED", "请先登录"};
            case 403 -> new String[] {"FORBIDDEN", "无权执行此操作"};
            case 404 -> new String[] {"NOT_FOUND", "请求的地址不存在"};
            case 405 -> new String[] {"METHOD_NOT_ALLOWED", "不支持的请求方法"};
            case 408 -> new String[] {"REQUEST_TIMEOUT", "请求超时"};
            case 413 -> new String[] {"PAYLOAD_TOO_LARGE", "请求内容过大"};
            case 414 -> new String[] {"URI_TOO_LONG", "请求地址过长"};
            case 415 -> new String[] {"UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型"};
            case 431 -> new String[] {"HEADERS_TOO_LARGE", "请求头过大"};
            case 501 -> new String[] {"NOT_IMPLEMENTED", "不支持的请求方法"};
            case 503 -> new String[] {"SERVICE_UNAVAILABLE", "服务暂时不可用，请稍后重试"};
            default -> status >= 500 ? new String[] {"INTERNAL_ERROR", "服务器内部错误，请稍后重试"}
                    : new String[] {"BAD_REQUEST", "请求无法处理"};
        };
    }
}
