package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A user was added to the directory. Roles that need a second person's approval are not in {@code roles}: they follow
 * as a {@link RoleGrantProposed}.
 *
 * @param username     login name
 * @param displayName  the name shown in the UI
 * @param department   the user's department code
 * @param roles        the roles the user has from the start, sorted
 * @param registeredBy user name of the administrator, or {@code system} for the demo seed
 */
@Revision("1")
public record UserRegistered(String username, String displayName, String department, List<String> roles,
                             String registeredBy) {
}
