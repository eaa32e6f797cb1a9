package cn.zhenggai.audit.access;

import cn.zhenggai.contracts.security.Roles;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Who may read the audit trail: discipline inspection and the party committee only (403 {@code FORBIDDEN_ROLE}).
 * A request about a department or an aggregate of a department is first checked against the caller's department
 * scope (403 {@code FORBIDDEN_DEPARTMENT}), so that a department user asking for another department's records is
 * told so; with today's roles every audit reader reaches every department, so the scope rule only ever names the
 * refusal, it never narrows an audit reader.
 * <p>
 * Personal matters declarations are read in full only by discipline inspection and the organization department;
 * other readers get the record with its payload left out (the chains cover the payload by its hash, so the record
 * stays verifiable).
 */
public final class AuditAccess {

    /** Event types whose payload only discipline inspection and the organization department may read. */
    public static final java.util.Set<String> CONFIDENTIAL_TYPES = java.util.Set.of("PersonalMattersDeclared");

    private AuditAccess() {
    }

    /** The caller may use the audit endpoints at all. */
    public static void requireAuditor(Caller caller) {
        if (!caller.hasAnyRole(Roles.DISCIPLINE, Roles.PARTY_COMMITTEE)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN_ROLE", "审计功能仅限纪检监察和党委使用");
        }
    }

    /** The caller may see the records of {@code department} (null: records without a department) and is an auditor. */
    public static void requireScope(Caller caller, String department) {
        if (department != null && !caller.canSee(department)) {
            throw ApiException.forbidden("无权查看其他部门（" + department + "）的审计记录");
        }
        requireAuditor(caller);
    }

    /** Whether the caller may read the payload of a record of this type. */
    public static boolean mayReadPayload(Caller caller, String type) {
        return !CONFIDENTIAL_TYPES.contains(type) || caller.hasAnyRole(Roles.DISCIPLINE, Roles.ORG_DEPT);
    }
}
