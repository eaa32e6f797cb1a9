package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.refusal.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checks of what a command carries, in one place for the item's handlers and the migration (ADR 0097): texts
 * present and not too long, lists without nulls, department codes known, the lead and cooperating departments. The
 * HTTP edge refers to the same limits; the rules of who may do what are the policies'.
 */
final class Checks {

    /** The longest text an item takes (title, content, progress, summary, opinion, reasons). */
    static final int MAX_TEXT = 4000;
    /** The most entries of a list (cooperating departments, rejection reasons). */
    static final int MAX_ITEMS = 50;
    /** The most evidence files of one progress report. */
    static final int MAX_EVIDENCE = 20;

    private Checks() {
    }

    /** {@code value} present (MISSING_FIELD otherwise) and not too long (TOO_LONG_FIELD). */
    static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("MISSING_" + field.toUpperCase(), message);
        }
        checkLength(value, field);
    }

    /** {@code value}, if given, is no longer than {@link #MAX_TEXT} (TOO_LONG_FIELD otherwise). */
    static void checkLength(String value, String field) {
        if (value != null && value.length() > MAX_TEXT) {
            throw Refusal.invalid("TOO_LONG_" + field.toUpperCase(), "内容过长（最多" + MAX_TEXT + "字）");
        }
    }

    /** A department the directory knows (UNKNOWN_DEPARTMENT otherwise). */
    static void checkKnown(String code, Departments departments) {
        if (!departments.known(code)) {
            throw Refusal.invalid("UNKNOWN_DEPARTMENT", "部门不存在：" + code);
        }
    }

    /** The lead department named (MISSING_LEAD_DEPARTMENT) and known, stripped. */
    static String lead(String leadDepartment, Departments departments) {
        String lead = blankToNull(leadDepartment);
        if (lead == null) {
            throw Refusal.invalid("MISSING_LEAD_DEPARTMENT", "请指定牵头单位");
        }
        checkKnown(lead, departments);
        return lead;
    }

    /**
     * The cooperating departments: blanks skipped, each known, once, never the lead, at most {@link #MAX_ITEMS}
     * (TOO_MANY_DEPARTMENTS).
     */
    static List<String> cooperating(List<String> codes, String lead, Departments departments) {
        List<String> cooperating = new ArrayList<>();
        for (String code : listOf(codes)) {
            String c = blankToNull(code);
            if (c == null) {
                continue;
            }
            checkKnown(c, departments);
            if (!c.equals(lead) && !cooperating.contains(c)) {
                cooperating.add(c);
            }
        }
        if (cooperating.size() > MAX_ITEMS) {
            throw Refusal.invalid("TOO_MANY_DEPARTMENTS", "配合单位过多");
        }
        return List.copyOf(cooperating);
    }

    static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
