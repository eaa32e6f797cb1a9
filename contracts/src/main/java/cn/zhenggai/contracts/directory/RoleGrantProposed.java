package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Someone proposed to give a user roles that need a second person's approval (PARTY_COMMITTEE, DISCIPLINE,
 * ORG_DEPT; ADR 0079). Nothing changes until a {@link RoleGrantApproved}.
 *
 * @param grantId    the grant (aggregate id)
 * @param username   the user who would get the roles
 * @param department the user's department code
 * @param roles      the roles proposed, sorted
 * @param proposedBy user name of the proposer
 */
@Revision("1")
public record RoleGrantProposed(String grantId, String username, String department, List<String> roles,
                                String proposedBy) {
}
