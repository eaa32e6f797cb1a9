package cn.zhenggai.edge.docs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.Valid;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Documents the {@link ErrorCodes} of a handler method as its error responses: one response per status, whose body
 * is the {@code {code, message}} of every refusal with {@code code} one of the listed codes (an enum in the schema,
 * also listed as extension {@value #EXTENSION} of the response).
 */
public class ErrorCodesCustomizer implements OperationCustomizer {

    /** The response extension that lists the codes of a status. */
    public static final String EXTENSION = "x-error-codes";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ErrorCodes declared = handler.getMethodAnnotation(ErrorCodes.class);
        if (declared == null) {
            return operation;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ErrorStatus.of(declared, bodyCodes(handler)).forEach((status, codes) ->
                responses.addApiResponse(String.valueOf(status.status()), response(status, codes)));
        operation.setResponses(responses);
        return operation;
    }

    private static ApiResponse response(ErrorStatus status, List<String> codes) {
        StringSchema code = new StringSchema();
        code.setEnum(new ArrayList<>(codes));
        code.setDescription("拒绝代码");
        ObjectSchema body = new ObjectSchema();
        body.addProperty("code", code);
        body.addProperty("message", new StringSchema().description("给用户看的中文说明"));
        body.setRequired(List.of("code", "message"));
        ApiResponse response = new ApiResponse()
                .description(status.description() + "：" + String.join("、", codes))
                .content(new Content().addMediaType("application/json", new MediaType().schema(body)));
        response.setExtensions(new java.util.LinkedHashMap<>(Map.of(EXTENSION, List.copyOf(codes))));
        return response;
    }

    /** What a request body can be refused with before the handler runs. */
    private static List<String> bodyCodes(HandlerMethod handler) {
        List<String> codes = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                if (parameter.hasParameterAnnotation(Valid.class)
                        || parameter.hasParameterAnnotation(Validated.class)) {
                    codes.add("VALIDATION_FAILED");
                }
                codes.add("MALFORMED_REQUEST");
            }
        }
        return codes;
    }
}
