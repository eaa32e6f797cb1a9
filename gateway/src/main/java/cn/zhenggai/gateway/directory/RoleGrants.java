package cn.zhenggai.gateway.directory;

import cn.zhenggai.contracts.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grants of the roles that need a second person (ADR 0079): proposed by the organization department, approved or
 * rejected by someone else entitled to (see {@link #mayApprove}). Kept in the gateway's {@code role_grants} table.
 */
public class RoleGrants {

    /** Roles no one gets on one person's word. */
    public static final Set<String> NEEDS_APPROVAL =
            Role.names(EnumSet.of(Role.PARTY_COMMITTEE, Role.DISCIPLINE, Role.ORG_DEPT));

    public enum Status { PENDING, APPROVED, REJECTED }

    /** A grant as stored. */
    public record Grant(String grantId, String username, Set<String> roles, String proposedBy, Instant proposedAt,
                        Status status, String decidedBy, Instant decidedAt, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final String table;
    private final RowMapper<Grant> grants = (rs, n) -> new Grant(rs.getString("grant_id"), rs.getString("username"),
            UserDirectory.roles(rs.getString("roles")), rs.getString("proposed_by"),
            rs.getTimestamp("proposed_at").toInstant(), Status.valueOf(rs.getString("status")),
            rs.getString("decided_by"), rs.getTimestamp("decided_at") == null ? null
                    : rs.getTimestamp("decided_at").toInstant(), rs.getString("reason"));

    public RoleGrants(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.table = DirectorySchema.checkIdentifier(schema) + ".role_grants";
    }

    static String createTable(String schema) {
        return "CREATE TABLE IF NOT EXISTS " + schema + ".role_grants (grant_id VARCHAR(64) PRIMARY KEY, "
                + "username VARCHAR(64) NOT NULL, roles VARCHAR(200) NOT NULL, proposed_by VARCHAR(64) NOT NULL, "
                + "proposed_at TIMESTAMPTZ NOT NULL, status VARCHAR(16) NOT NULL, decided_by VARCHAR(64), "
                + "decided_at TIMESTAMPTZ, reason VARCHAR(500))";
    }

    /**
     * Whether {@code approver} (holding {@code approverRoles}) may approve a grant of {@code roles} proposed by
     * {@code proposer} for {@code username}: never the proposer, never the user; PARTY_COMMITTEE only by the party
     * committee; ORG_DEPT by the party committee or another organization department user; DISCIPLINE by the party
     * committee or discipline inspection, never by the organization department alone.
     */
    public static boolean mayApprove(String approver, Set<Role> approverRoles, Grant grant) {
        if (approver.equals(grant.proposedBy()) || approver.equals(grant.username())) {
            return false;
        }
        for (Role role : Role.parseAll(grant.roles())) {
            boolean allowed = switch (role) {
                case PARTY_COMMITTEE -> approverRoles.contains(Role.PARTY_COMMITTEE);
                case ORG_DEPT -> approverRoles.contains(Role.PARTY_COMMITTEE) || approverRoles.contains(Role.ORG_DEPT);
                case DISCIPLINE -> approverRoles.contains(Role.PARTY_COMMITTEE)
                        || approverRoles.contains(Role.DISCIPLINE);
                default -> true;
            };
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public void propose(Grant grant) {
        jdbc.update("INSERT INTO " + table + " (grant_id, username, roles, proposed_by, proposed_at, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", grant.grantId(), grant.username(), UserDirectory.roles(grant.roles()),
                grant.proposedBy(), Timestamp.from(grant.proposedAt()), Status.PENDING.name());
    }

    /** Decides a pending grant; false if it was no longer pending (someone decided first). */
    public boolean decide(String grantId, Status status, String decidedBy, String reason, Instant at) {
        return jdbc.update("UPDATE " + table + " SET status = ?, decided_by = ?, decided_at = ?, reason = ? "
                        + "WHERE grant_id = ? AND status = 'PENDING'", status.name(), decidedBy, Timestamp.from(at), reason,
                grantId) == 1;
    }

    /** The grant, locked for the rest of the transaction. */
    public Optional<Grant> findForUpdate(String grantId) {
        return jdbc.query("SELECT * FROM " + table + " WHERE grant_id = ? FOR UPDATE", grants, grantId).stream()
                .findFirst();
    }

    public List<Grant> list(Status status) {
        if (status == null) {
            return jdbc.query("SELECT * FROM " + table + " ORDER BY proposed_at DESC, grant_id", grants);
        }
        return jdbc.query("SELECT * FROM " + table + " WHERE status = ? ORDER BY proposed_at, grant_id", grants,
                status.name());
    }

    /** Roles already proposed for the user and not yet decided. */
    public Set<String> pendingRolesOf(String username) {
        Set<String> pending = new TreeSet<>();
        jdbc.query("SELECT roles FROM " + table + " WHERE username = ? AND status = 'PENDING'",
                rs -> {
                    pending.addAll(UserDirectory.roles(rs.getString("roles")));
                }, username);
        return pending;
    }
}
