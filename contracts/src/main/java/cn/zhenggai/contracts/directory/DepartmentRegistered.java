package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

/**
 * A department was added to the directory: from now on users can belong to it and items can be assigned to it.
 *
 * @param code         department code (also the aggregate id and the envelope's department)
 * @param name         its Chinese name
 * @param registeredBy user name of the administrator, or {@code system} for the demo seed
 */
@Revision("1")
public record DepartmentRegistered(String code, String name, String registeredBy) {
}
