package cn.zhenggai.audit.access;

import cn.zhenggai.contracts.refusal.Refusal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The department codes a ledger may be asked for: those of the directory ({@code zhenggai.departments}, as
 * {@code CODE:名称,…}, the same setting rectification-service reads) and any department that occurs in the audit
 * log — a department dissolved since is still auditable. Anything else is 404 {@code UNKNOWN_DEPARTMENT}.
 */
public final class KnownDepartments {

    private final Set<String> configured;
    private final Predicate<String> inLog;

    public KnownDepartments(String spec, Predicate<String> inLog) {
        Set<String> codes = new LinkedHashSet<>();
        for (String entry : (spec == null ? "" : spec).split(",")) {
            String item = entry.strip();
            if (!item.isEmpty()) {
                int colon = item.indexOf(':');
                codes.add((colon < 0 ? item : item.substring(0, colon)).strip());
            }
        }
        this.configured = Collections.unmodifiableSet(codes);
        this.inLog = inLog;
    }

    public boolean known(String code) {
        return code != null && (configured.contains(code) || inLog.test(code));
    }

    /** The department code, or 404 {@code UNKNOWN_DEPARTMENT}. */
    public String require(String code) {
        if (!known(code)) {
            throw Refusal.notFound("UNKNOWN_DEPARTMENT", "部门不存在：" + code);
        }
        return code;
    }
}
