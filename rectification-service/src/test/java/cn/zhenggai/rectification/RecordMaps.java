package cn.zhenggai.rectification;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed answer (a record) read as the map its JSON is: components in declaration order, records and lists of
 * records converted all the way down, enums by name; numbers, strings and booleans keep their Java types. For the
 * tests that assert the answers' keys and values as they did when the answers were maps.
 */
public final class RecordMaps {

    private RecordMaps() {
    }

    /** {@code value} with every record in it as a map and every enum as its name. */
    @SuppressWarnings("unchecked")
    public static <T> T of(Object value) {
        return (T) convert(value);
    }

    /** The list {@code value} converted by {@link #of}. */
    public static List<Map<String, Object>> list(Object value) {
        return of(value);
    }

    /** The record {@code value} converted by {@link #of}. */
    public static Map<String, Object> map(Object value) {
        return of(value);
    }

    private static Object convert(Object value) {
        if (value instanceof Record record) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    map.put(c.getName(), convert(c.getAccessor().invoke(record)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(convert(v)));
            return out;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }
}
