package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

/**
 * A department's name changed (its code stays).
 *
 * @param code      department code
 * @param oldName   the name before
 * @param name      the new name
 * @param renamedBy user name of the administrator
 */
@Revision("1")
public record DepartmentRenamed(String code, String oldName, String name, String renamedBy) {
}
