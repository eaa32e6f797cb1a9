package cn.zhenggai.edge;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /error}, where the servlet container sends what the application did not answer itself (a
 * {@code sendError} from Spring or Spring Security, an exception outside any controller): the same
 * {@code {code, message}} JSON as every other refusal, instead of Spring Boot's {@code {timestamp, status, error}}
 * or its HTML page.
 */
@Hidden
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, String>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        String[] answer = ErrorBody.forStatus(status);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", answer[0]);
        body.put("message", answer[1]);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
