package cn.zhenggai.gateway.directory;

import java.util.Set;

/**
 * A user of the platform as the directory keeps them.
 *
 * @param username     login name (lower case, {@link UserDirectory#USERNAME})
 * @param displayName  the name shown in the UI (Chinese)
 * @param passwordHash the password's hash, in Spring Security's {@code {id}hash} form or a bare BCrypt hash
 * @param department   the code of the department the user belongs to
 * @param roles        role names ({@code contracts.security.Role})
 * @param enabled      a disabled user cannot log in or refresh
 */
public record DirectoryUser(String username, String displayName, String passwordHash, String department,
                            Set<String> roles, boolean enabled) {

    public DirectoryUser {
        roles = Set.copyOf(roles);
    }
}
