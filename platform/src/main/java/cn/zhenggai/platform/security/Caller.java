package cn.zhenggai.platform.security;

import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.contracts.security.TokenClaims;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling, read from the validated access token. Controllers take it as a parameter.
 *
 * @param username   the token subject
 * @param department the caller's department code
 * @param roles      the caller's roles (a name in the token that is not a {@link Role} gives no role)
 */
public record Caller(String username, String department, Set<Role> roles) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller from(Jwt jwt) {
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(TokenClaims.DEPARTMENT),
                Role.parseAll(jwt.getClaimAsStringList(TokenClaims.ROLES)));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller's role reaches every department (party committee, org dept, discipline). */
    public boolean crossDepartment() {
        return roles.stream().anyMatch(Role.CROSS_DEPARTMENT::contains);
    }

    /** Whether the caller may see data of the given department (own department, or a cross-department role). */
    public boolean canSee(String departmentCode) {
        return crossDepartment() || (department != null && department.equals(departmentCode));
    }
}
