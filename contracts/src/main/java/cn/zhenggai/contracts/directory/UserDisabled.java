package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

/**
 * A user was disabled: no login, no refresh, and tokens issued before are refused from now on (ADR 0080).
 *
 * @param username   login name
 * @param department the user's department code
 * @param disabledBy user name of the administrator
 */
@Revision("1")
public record UserDisabled(String username, String department, String disabledBy) {
}
