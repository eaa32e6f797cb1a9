package cn.zhenggai.testsupport;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.edge.docs.ErrorCodesCustomizer;
import cn.zhenggai.edge.docs.ErrorStatus;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a door's OpenAPI document against its handler methods (ADR 0100): every {@code @RequestMapping} handler of
 * the project's packages carries {@link ErrorCodes} and appears in the document under each of its paths and methods,
 * with each of its error codes under its status.
 */
public final class ApiDocumentation {

    private ApiDocumentation() {
    }

    /**
     * What is missing from {@code document} (the JSON of {@code /api/docs/<name>}), one line per problem; empty when
     * every endpoint of {@code mapping} is documented with its error codes.
     */
    public static List<String> undocumented(RequestMappingHandlerMapping mapping, JsonNode document) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            Class<?> type = handler.getBeanType();
            if (!type.getName().startsWith("cn.zhenggai.") || type.isAnnotationPresent(Hidden.class)
                    || handler.hasMethodAnnotation(Hidden.class)) {
                continue;
            }
            String name = type.getSimpleName() + "." + handler.getMethod().getName();
            ErrorCodes declared = handler.getMethodAnnotation(ErrorCodes.class);
            if (declared == null) {
                problems.add(name + ": no @ErrorCodes");
            }
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                problems.add(name + ": no HTTP method");
            }
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                for (RequestMethod method : methods) {
                    JsonNode operation = document.path("paths").path(path).path(method.name().toLowerCase());
                    if (operation.isMissingNode()) {
                        problems.add(name + ": " + method + " " + path + " not in the document");
                    } else if (declared != null) {
                        problems.addAll(missingCodes(name, operation, declared));
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> missingCodes(String name, JsonNode operation, ErrorCodes declared) {
        List<String> problems = new ArrayList<>();
        ErrorStatus.of(declared, List.of()).forEach((status, codes) -> {
            JsonNode documented = operation.path("responses").path(String.valueOf(status.status()))
                    .path(ErrorCodesCustomizer.EXTENSION);
            for (String code : codes) {
                boolean found = false;
                for (JsonNode listed : documented) {
                    found |= listed.asText().equals(code);
                }
                if (!found) {
                    problems.add(name + ": " + status.status() + " " + code + " not documented");
                }
            }
        });
        return problems;
    }
}
