package cn.zhenggai.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;
import java.util.Map;

/**
 * The edge's text rule for what {@link EdgeFilter} cannot see before Spring has read a multipart body: its text
 * fields (a title sent beside an outline file) and the names of its files. Runs once the dispatcher has parsed the
 * parts and before any handler, so a refused upload reaches no controller (ADR 0075).
 */
class MultipartTextCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            return true;
        }
        for (Map.Entry<String, String[]> field : multipart.getParameterMap().entrySet()) {
            if (refused(response, "字段 " + field.getKey(), field.getKey())) {
                return false;
            }
            for (String value : field.getValue()) {
                if (refused(response, "字段 " + field.getKey(), value)) {
                    return false;
                }
            }
        }
        for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
            for (MultipartFile file : part.getValue()) {
                if (refused(response, "文件名", file.getOriginalFilename())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean refused(HttpServletResponse response, String what, String text) throws Exception {
        int bad = text == null ? -1 : TextRules.firstInvalid(text);
        if (bad < 0) {
            return false;
        }
        ErrorBody.write(response, Refusal.INVALID_TEXT.status(), Refusal.INVALID_TEXT.name(),
                what + " 含有不允许的字符（" + TextRules.describe(text, bad) + "：控制字符或无效的 Unicode）");
        return true;
    }
}
