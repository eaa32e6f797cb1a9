package cn.zhenggai.report.importing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing report-service noticed about an imported outline, as a code with parameters: serialised as {@code {code,
 * params}} exactly like the parser's {@code OutlineWarning}, so the preview merges both into one {@code warningCodes}
 * list beside the Chinese {@code warnings}.
 */
@JsonPropertyOrder({"code", "params"})
public record ImportWarning(ImportWarningCode code, Map<String, String> params) {

    public ImportWarning {
        if (code == null) {
            throw new IllegalArgumentException("code is required");
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A warning from alternating names and values: {@code of(CODE, "theme", "其他")}. */
    public static ImportWarning of(ImportWarningCode code, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        return new ImportWarning(code, params);
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
