package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

/**
 * A user moved to another department. Tokens issued before are refused from now on (ADR 0080).
 *
 * @param username       login name
 * @param fromDepartment the department left
 * @param department     the department joined
 * @param movedBy        user name of the administrator
 */
@Revision("1")
public record UserMovedDepartment(String username, String fromDepartment, String department, String movedBy) {
}
