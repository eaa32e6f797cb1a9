package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Roles were taken from a user. Tokens issued before are refused from now on (ADR 0080).
 *
 * @param username   login name
 * @param department the user's department code
 * @param roles      the roles taken, sorted
 * @param revokedBy  user name of the administrator
 */
@Revision("1")
public record RolesRevoked(String username, String department, List<String> roles, String revokedBy) {
}
