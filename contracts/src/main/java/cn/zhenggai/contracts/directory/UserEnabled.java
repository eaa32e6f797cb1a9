package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

/**
 * A disabled user was enabled again (tokens issued before the disabling stay refused).
 *
 * @param username   login name
 * @param department the user's department code
 * @param enabledBy  user name of the administrator
 */
@Revision("1")
public record UserEnabled(String username, String department, String enabledBy) {
}
