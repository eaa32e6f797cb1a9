package cn.zhenggai.report.importing;

import cn.zhenggai.outline.OutlineWarning;
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
        return new ImportWarning(code, OutlineWarning.params(namesAndValues));
    }

    /** The Chinese sentence: the code's template with the parameters filled in. */
    @JsonIgnore
    public String text() {
        return OutlineWarning.fill(code.template(), params);
    }
}
