package cn.zhenggai.rectification;

import cn.zhenggai.rectification.measure.Departments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The departments items can be assigned to, read from {@code zhenggai.departments} as {@code CODE:名称,CODE:名称}.
 * (The directory with administration comes with the gateway's user directory.)
 */
public class DepartmentDirectory implements Departments {

    private final Map<String, String> names;

    public DepartmentDirectory(String spec) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            String code = (colon < 0 ? item : item.substring(0, colon)).strip();
            String name = colon < 0 ? code : item.substring(colon + 1).strip();
            if (!code.matches("[A-Z][A-Z0-9_]{0,31}")) {
                throw new IllegalArgumentException("department code must be upper-case letters and digits: " + code);
            }
            parsed.put(code, name);
        }
        this.names = Collections.unmodifiableMap(parsed);
    }

    @Override
    public boolean known(String code) {
        return code != null && names.containsKey(code);
    }

    /** Code → Chinese name, in configured order. */
    public Map<String, String> names() {
        return names;
    }

    public String nameOf(String code) {
        return names.getOrDefault(code, code);
    }
}
