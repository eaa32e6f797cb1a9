package cn.zhenggai.gateway.directory;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A grant of roles needing approval as the answers show it: the user (name and department null when the user is
 * gone), roles in name order, status, who proposed and decided when, the reason of a rejection and, only in the
 * list, whether the caller may approve it. The proposer's and the decider's display names ride beside their user
 * names, so no screen shows a user name where a person is meant (null when that user is gone).
 */
record GrantView(String grantId, String username, String displayName, String department, SortedSet<String> roles,
                 String status, String proposedBy, String proposedAt, String decidedBy, String decidedAt,
                 String reason, String proposedByName, String decidedByName,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Boolean mayApprove) {

    static GrantView of(RoleGrants.Grant grant, DirectoryUser user, UserDirectory directory) {
        return new GrantView(grant.grantId(), grant.username(), user == null ? null : user.displayName(),
                user == null ? null : user.department(), new TreeSet<>(grant.roles()), grant.status().name(),
                grant.proposedBy(), grant.proposedAt().toString(), grant.decidedBy(),
                grant.decidedAt() == null ? null : grant.decidedAt().toString(), grant.reason(),
                displayName(directory, grant.proposedBy()), displayName(directory, grant.decidedBy()), null);
    }

    private static String displayName(UserDirectory directory, String username) {
        return username == null ? null : directory.find(username).map(DirectoryUser::displayName).orElse(null);
    }

    GrantView withMayApprove(boolean may) {
        return new GrantView(grantId, username, displayName, department, roles, status, proposedBy, proposedAt,
                decidedBy, decidedAt, reason, proposedByName, decidedByName, may);
    }
}
