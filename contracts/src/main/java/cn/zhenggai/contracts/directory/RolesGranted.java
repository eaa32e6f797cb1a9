package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Roles were added to a user.
 *
 * @param username   login name
 * @param department the user's department code
 * @param roles      the roles added, sorted
 * @param grantedBy  user name of the administrator (for an approved grant: the approver)
 * @param grantId    the approved {@link RoleGrantProposed grant}, or null for a role that needs no approval
 */
@Revision("1")
public record RolesGranted(String username, String department, List<String> roles, String grantedBy,
                           String grantId) {
}
