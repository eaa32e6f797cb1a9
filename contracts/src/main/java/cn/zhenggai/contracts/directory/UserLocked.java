package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

/**
 * An existing user's account was locked after repeated failed logins: no login, no refresh until
 * {@code lockedUntil}, and tokens issued before are refused (ADR 0080).
 *
 * @param username    login name
 * @param department  the user's department code
 * @param lockedUntil ISO-8601 instant the lock runs out
 * @param failures    consecutive failed logins that locked it
 */
@Revision("1")
public record UserLocked(String username, String department, String lockedUntil, int failures) {
}
