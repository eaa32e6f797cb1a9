package cn.zhenggai.contracts.directory;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A proposed grant was turned down (by a second person, or withdrawn by its proposer); the user's roles stay.
 *
 * @param grantId    the grant
 * @param username   the user who would have got the roles
 * @param department the user's department code
 * @param roles      the roles proposed, sorted
 * @param proposedBy user name of the proposer
 * @param rejectedBy user name of whoever turned it down
 * @param reason     why, as written by them (may be empty)
 */
@Revision("1")
public record RoleGrantRejected(String grantId, String username, String department, List<String> roles,
                                String proposedBy, String rejectedBy, String reason) {
}
