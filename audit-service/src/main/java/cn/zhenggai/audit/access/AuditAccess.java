package cn.zhenggai.audit.access;

import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Who may read the audit trail: discipline inspection and the party committee only (403 {@code FORBIDDEN_ROLE}),
 * checked first, whatever the request names (ADR 0072), so that a refusal tells nothing about an id. Then the
 * department scope: a department outside it is a 403 {@code FORBIDDEN_DEPARTMENT} (departments are public); an
 * aggregate outside it answers exactly as an unknown aggregate does (404). With today's roles every audit reader
 * reaches every department, so the scope rule narrows nobody; it stays so that a narrower audit role cannot become an
 * existence oracle.
 * <p>
 * Personal matters declarations are read in full only by discipline inspection and the organization department;
 * other readers get the record with its payload left out (the chains cover the payload by its hash, so the record
 * stays verifiable).
 */
public final class AuditAccess {

    /** Event types whose payload only discipline inspection and the organization department may read. */
    public static final java.util.Set<String> CONFIDENTIAL_TYPES = java.util.Set.of(
            EventTypes.nameOf(PersonalMattersDeclared.class));

    private AuditAccess() {
    }

    /** The caller may use the audit endpoints at all. */
    public static void requireAuditor(Caller caller) {
        if (!caller.hasAnyRole(Role.DISCIPLINE, Role.PARTY_COMMITTEE)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN_ROLE", "审计功能仅限纪检监察和党委使用");
        }
    }

    /** The caller is an auditor and may see the records of {@code department} (null: records without one). */
    public static void requireScope(Caller caller, String department) {
        requireAuditor(caller);
        if (department != null && !caller.canSee(department)) {
            throw ApiException.forbidden("无权查看其他部门（" + department + "）的审计记录");
        }
    }

    /**
     * The caller is an auditor, and the aggregate exists for them: it has records ({@code departments} not null) and
     * one of its departments is in scope (no department: records of no department, seen by every auditor).
     * Otherwise {@code notFound}, the same answer for an unknown aggregate and for one out of scope.
     */
    public static void requireAggregate(Caller caller, java.util.Collection<String> departments,
                                        java.util.function.Supplier<ApiException> notFound) {
        requireAuditor(caller);
        if (departments == null) {
            throw notFound.get();
        }
        if (!departments.isEmpty() && departments.stream().noneMatch(d -> d == null || caller.canSee(d))) {
            throw notFound.get();
        }
    }

    /** An aggregate's department as its first record names it: null if it has no records. */
    public static java.util.List<String> departmentOf(org.bson.Document first) {
        if (first == null) {
            return null;
        }
        String department = first.getString("department");
        return department == null ? java.util.List.of() : java.util.List.of(department);
    }

    /** Whether the caller may read the payload of a record of this type. */
    public static boolean mayReadPayload(Caller caller, String type) {
        return !CONFIDENTIAL_TYPES.contains(type) || caller.hasAnyRole(Role.DISCIPLINE, Role.ORG_DEPT);
    }
}
