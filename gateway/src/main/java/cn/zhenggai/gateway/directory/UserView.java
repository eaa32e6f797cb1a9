package cn.zhenggai.gateway.directory;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A user as the directory's answers show them (never the password hash): roles in name order, whether enabled and,
 * only in the answer of a create or change that proposed roles needing approval, that pending grant.
 */
record UserView(String username, String displayName, String department, SortedSet<String> roles, boolean enabled,
                @JsonInclude(JsonInclude.Include.NON_NULL) GrantView pendingGrant) {

    static UserView of(DirectoryUser user) {
        return new UserView(user.username(), user.displayName(), user.department(), new TreeSet<>(user.roles()),
                user.enabled(), null);
    }

    UserView withPending(GrantView pending) {
        return new UserView(username, displayName, department, roles, enabled, pending);
    }
}
