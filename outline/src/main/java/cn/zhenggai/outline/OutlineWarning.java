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
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        return new OutlineWarning(code, params);
    }

    /** The Chinese sentence: the code's template with the parameters filled in. */
    @JsonIgnore
    public String text() {
        String text = code.template();
        for (Map.Entry<String, String> param : params.entrySet()) {
            text = text.replace("{" + param.getKey() + "}", param.getValue());
        }
        return text;
    }
}
