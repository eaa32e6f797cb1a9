package cn.zhenggai.gateway.auth;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The refresh tokens the gateway issued, by token id ({@code jti}): each login starts a family; each refresh uses
 * up one token and issues the next of the same family. A token used a second time means it was copied: the whole
 * family is revoked. Logout revokes the family; disabling a user or resetting their password revokes all of theirs.
 */
public class RefreshTokens {

    /** What happened to a presented token. */
    public enum Use { OK, UNKNOWN, REVOKED, REUSED }

    public record Outcome(Use use, String familyId) {
    }

    private final JdbcTemplate jdbc;
    private final String table;

    public RefreshTokens(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.table = schema + ".refresh_tokens";
    }

    public void record(String tokenId, String familyId, String username, Instant issuedAt, Instant expiresAt) {
        jdbc.update("INSERT INTO " + table + " (token_id, family_id, username, issued_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", tokenId, familyId, username, Timestamp.from(issuedAt),
                Timestamp.from(expiresAt));
    }

    /** Uses the token up, once: the first use is {@code OK}; any later one revokes its family. */
    public Outcome use(String tokenId, String username, Instant now) {
        List<String> used = jdbc.queryForList("UPDATE " + table + " SET used_at = ? WHERE token_id = ? AND "
                + "username = ? AND used_at IS NULL AND revoked_at IS NULL RETURNING family_id", String.class,
                Timestamp.from(now), tokenId, username);
        if (!used.isEmpty()) {
            return new Outcome(Use.OK, used.get(0));
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT family_id, used_at, revoked_at FROM " + table
                + " WHERE token_id = ? AND username = ?", tokenId, username);
        if (rows.isEmpty()) {
            return new Outcome(Use.UNKNOWN, null);
        }
        String family = (String) rows.get(0).get("family_id");
        if (rows.get(0).get("used_at") != null) {
            revokeFamily(family, "REUSE", now);
            return new Outcome(Use.REUSED, family);
        }
        return new Outcome(Use.REVOKED, family);
    }

    /** The family of a token, if the token is known. */
    public String familyOf(String tokenId, String username) {
        List<String> family = jdbc.queryForList("SELECT family_id FROM " + table + " WHERE token_id = ? AND "
                + "username = ?", String.class, tokenId, username);
        return family.isEmpty() ? null : family.get(0);
    }

    public int revokeFamily(String familyId, String reason, Instant now) {
        return jdbc.update("UPDATE " + table + " SET revoked_at = ?, revoke_reason = ? WHERE family_id = ? AND "
                + "revoked_at IS NULL", Timestamp.from(now), reason, familyId);
    }

    public int revokeUser(String username, String reason, Instant now) {
        return jdbc.update("UPDATE " + table + " SET revoked_at = ?, revoke_reason = ? WHERE username = ? AND "
                + "revoked_at IS NULL", Timestamp.from(now), reason, username);
    }

    /** Deletes tokens expired before {@code before} (they can no longer be presented). */
    public int forgetExpired(Instant before) {
        return jdbc.update("DELETE FROM " + table + " WHERE expires_at < ?", Timestamp.from(before));
    }
}
