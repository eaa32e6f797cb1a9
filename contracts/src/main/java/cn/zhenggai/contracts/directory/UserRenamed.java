package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

/**
 * A user's display name changed.
 *
 * @param username    login name
 * @param department  the user's department code
 * @param displayName the new display name
 * @param renamedBy   user name of the administrator
 */
@Revision("1")
public record UserRenamed(String username, String department, String displayName, String renamedBy) {
}
