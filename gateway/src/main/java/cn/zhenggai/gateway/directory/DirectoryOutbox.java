package cn.zhenggai.gateway.directory;

import cn.zhenggai.contracts.directory.Revocation;
import cn.zhenggai.contracts.directory.RevokedUsers;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.EventTypes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory's events, written to the {@code directory_outbox} table in the same PostgreSQL transaction as the
 * change they record (ADR 0078); {@link DirectoryPublisher} sends them to Kafka in order and marks them published.
 * Rows stay after publication: they number the events of each aggregate and let the gateway rebuild its revoked
 * users after a restart. An event that revokes tokens reaches the gateway's own {@link RevokedUsers} when its
 * transaction commits.
 */
public class DirectoryOutbox {

    public static final String USER = "User";
    public static final String DEPARTMENT = "Department";
    public static final String GRANT = "RoleGrant";
    /** The actor of what the gateway does on its own (demo seed, lock after failed logins). */
    public static final String SYSTEM = "system";

    /** An outbox row: its position (publication order) and the envelope. */
    public record Entry(long position, EventEnvelope envelope) {
    }

    private final JdbcTemplate jdbc;
    private final String table;
    private final Clock clock;
    private final RevokedUsers revoked;
    private final RowMapper<Entry> entries = (rs, n) -> new Entry(rs.getLong("position"), new EventEnvelope(
            rs.getString("event_id"), rs.getString("type"), rs.getString("revision"), rs.getString("aggregate_type"),
            rs.getString("aggregate_id"), rs.getLong("sequence"), rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("actor"), rs.getString("department"), tree(rs.getString("payload"))));

    public DirectoryOutbox(JdbcTemplate jdbc, String schema, Clock clock, RevokedUsers revoked) {
        this.jdbc = jdbc;
        this.table = DirectorySchema.checkIdentifier(schema) + ".directory_outbox";
        this.clock = clock;
        this.revoked = revoked;
    }

    static String createTable(String schema) {
        return "CREATE TABLE IF NOT EXISTS " + schema + ".directory_outbox (position BIGSERIAL PRIMARY KEY, "
                + "event_id VARCHAR(64) NOT NULL UNIQUE, type VARCHAR(64) NOT NULL, revision VARCHAR(16) NOT NULL, "
                + "aggregate_type VARCHAR(20) NOT NULL, aggregate_id VARCHAR(80) NOT NULL, sequence BIGINT NOT NULL, "
                + "occurred_at TIMESTAMPTZ NOT NULL, actor VARCHAR(64) NOT NULL, department VARCHAR(40), "
                + "payload TEXT NOT NULL, published_at TIMESTAMPTZ, UNIQUE (aggregate_type, aggregate_id, sequence))";
    }

    /** Records an event of the user {@code username} (envelope department: the user's). */
    public EventEnvelope user(String username, String department, String actor, Object payload) {
        return append(USER, username, department, actor, payload);
    }

    public EventEnvelope department(String code, String actor, Object payload) {
        return append(DEPARTMENT, code, code, actor, payload);
    }

    public EventEnvelope grant(String grantId, String department, String actor, Object payload) {
        return append(GRANT, grantId, department, actor, payload);
    }

    private EventEnvelope append(String aggregateType, String aggregateId, String department, String actor,
                                 Object payload) {
        if (!EventTypes.isPublished(payload.getClass())) {
            throw new IllegalArgumentException("not a published event: " + payload.getClass().getName());
        }
        // serialises writers of one aggregate; the unique (type, id, sequence) refuses a lost race instead of forking
        Long sequence = jdbc.queryForObject("SELECT COALESCE(MAX(sequence) + 1, 0) FROM " + table
                + " WHERE aggregate_type = ? AND aggregate_id = ?", Long.class, aggregateType, aggregateId);
        Instant now = clock.instant();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), EventTypes.nameOf(payload.getClass()),
                EventTypes.revisionOf(payload.getClass()), aggregateType, aggregateId, sequence == null ? 0 : sequence,
                now, actor, department, EnvelopeCodec.toTree(payload));
        jdbc.update("INSERT INTO " + table + " (event_id, type, revision, aggregate_type, aggregate_id, sequence, "
                        + "occurred_at, actor, department, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                envelope.eventId(), envelope.type(), envelope.revision(), aggregateType, aggregateId,
                envelope.sequence(), Timestamp.from(now), actor, department, envelope.payload().toString());
        Optional<Revocation> revocation = Revocation.of(envelope);
        revocation.ifPresent(r -> {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        revoked.revoke(r);
                    }
                });
            } else {
                revoked.revoke(r);
            }
        });
        return envelope;
    }

    /** Events not yet acknowledged by Kafka, oldest first. */
    public List<Entry> unpublished(int limit) {
        return jdbc.query("SELECT * FROM " + table + " WHERE published_at IS NULL ORDER BY position LIMIT ?", entries,
                limit);
    }

    public void markPublished(List<Entry> published, Instant at) {
        jdbc.batchUpdate("UPDATE " + table + " SET published_at = ? WHERE position = ?", published, 500,
                (ps, entry) -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setLong(2, entry.position());
                });
    }

    /** Every event, in order (for tests and the audit of the outbox itself). */
    public List<EventEnvelope> all() {
        return jdbc.query("SELECT * FROM " + table + " ORDER BY position", entries).stream().map(Entry::envelope)
                .toList();
    }

    /** Feeds {@link RevokedUsers} with the revoking events since {@code since} (on start). */
    public int replayRevocations(Instant since) {
        List<Entry> recent = jdbc.query("SELECT * FROM " + table + " WHERE occurred_at >= ? AND type IN ("
                + String.join(",", Revocation.REVOKING_TYPES.stream().map(t -> "'" + t + "'").toList())
                + ") ORDER BY position", entries, Timestamp.from(since));
        recent.forEach(e -> Revocation.of(e.envelope()).ifPresent(revoked::revoke));
        return recent.size();
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return EnvelopeCodec.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox payload", e);
        }
    }
}
