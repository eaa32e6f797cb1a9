package cn.zhenggai.platform.security;

import cn.zhenggai.contracts.security.Roles;
import cn.zhenggai.contracts.security.TokenClaims;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;

/**
 * Who is calling, read from the validated access token. Controllers take it as a parameter.
 *
 * @param username   the token subject
 * @param department the caller's department code
 * @param roles      role names from {@link Roles}
 */
public record Caller(String username, String department, Set<String> roles) {

    public static Caller from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(TokenClaims.DEPARTMENT),
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller's role reaches every department (party committee, org dept, discipline). */
    public boolean crossDepartment() {
        return roles.stream().anyMatch(Roles.CROSS_DEPARTMENT::contains);
    }

    /** Whether the caller may see data of the given department (own department, or a cross-department role). */
    public boolean canSee(String departmentCode) {
        return crossDepartment() || (department != null && department.equals(departmentCode));
    }
}
