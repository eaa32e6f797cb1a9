package cn.zhenggai.outline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing the parser noticed, as a code with parameters (outline JSON {@code warningCodes: [{code, params}]}).
 * {@link #text()} is the Chinese sentence that {@code warnings} carries at the same index.
 */
@JsonPropertyOrder({"code", "params"})
public record OutlineWarning(WarningCode code, Map<String, String> params) {

    public OutlineWarning {
        if (code == null) {
            throw new IllegalArgumentException("code is required");
        }
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A warning from alternating names and values: {@code of(CODE, "rows", "3")}. */
    public static OutlineWarning of(WarningCode code, Object... namesAndValues) {
        return new OutlineWarning(code, params(namesAndValues));
    }

    /** The Chinese sentence: the code's template with the parameters filled in. */
    @JsonIgnore
    public String text() {
        return fill(code.template(), params);
    }

    /**
     * Parameters from alternating names and values, in that order. Shared with the services' own warning codes, which
     * have the same {@code {code, params}} shape.
     */
    public static Map<String, String> params(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        return params;
    }

    /** A template with its {@code {name}} placeholders filled from {@code params}. */
    public static String fill(String template, Map<String, String> params) {
        String text = template;
        for (Map.Entry<String, String> param : params.entrySet()) {
            text = text.replace("{" + param.getKey() + "}", param.getValue());
        }
        return text;
    }
}
