package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A second person approved a proposed grant; a {@link RolesGranted} with the same grant id follows.
 *
 * @param grantId    the grant
 * @param username   the user who gets the roles
 * @param department the user's department code
 * @param roles      the roles granted, sorted
 * @param proposedBy user name of the proposer
 * @param approvedBy user name of the approver (never the proposer, never the user)
 */
@Revision("1")
public record RoleGrantApproved(String grantId, String username, String department, List<String> roles,
                                String proposedBy, String approvedBy) {
}
