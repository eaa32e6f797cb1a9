package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

/**
 * An administrator set a new password for a user (never the password or its hash here): the account is unlocked,
 * its sessions end and tokens issued before are refused (ADR 0080).
 *
 * @param username   login name
 * @param department the user's department code
 * @param resetBy    user name of the administrator
 */
@Revision("1")
public record PasswordReset(String username, String department, String resetBy) {
}
