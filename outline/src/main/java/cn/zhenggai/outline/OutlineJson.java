package cn.zhenggai.outline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;

/** Writes an {@link Outline} as the outline JSON of DESIGN §7 (dates as YYYY-MM-DD, nulls kept). */
public final class OutlineJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("outline-dates").addSerializer(LocalDate.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private OutlineJson() {
    }

    /** Pretty-printed JSON. */
    public static String toPrettyJson(Outline outline) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(outline);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write outline JSON", e);
        }
    }

    /** The mapper used, configured for the outline records (for callers that embed the JSON). */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
