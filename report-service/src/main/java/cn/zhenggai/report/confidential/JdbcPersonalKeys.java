package cn.zhenggai.report.confidential;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Keys in the table {@code personal_matters_keys} of report-service's own PostgreSQL schema, never in events.
 */
@Component
class JdbcPersonalKeys implements PersonalKeys, InitializingBean {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final String table;
    private final String schema;

    JdbcPersonalKeys(JdbcTemplate jdbc, @Value("${zhenggai.database.schema}") String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema name must be a lower-case SQL identifier: " + schema);
        }
        this.jdbc = jdbc;
        this.schema = schema;
        this.table = schema + ".personal_matters_keys";
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (person TEXT NOT NULL, version INT NOT NULL, "
                + "secret BYTEA NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "
                + "PRIMARY KEY (person, version))");
        createShreddedTable();
    }

    @Override
    public Key current(String person) {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Key> keys = jdbc.query("SELECT version, secret FROM " + table
                            + " WHERE person = ? ORDER BY version DESC LIMIT 1",
                    (rs, i) -> new Key(rs.getInt(1), rs.getBytes(2)), person);
            if (!keys.isEmpty()) {
                return keys.get(0);
            }
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            // after a shredding the person starts again at a new version, so old ciphertexts never match a new key
            Integer last = jdbc.queryForObject("SELECT max(version) FROM " + table + "_shredded WHERE person = ?",
                    Integer.class, person);
            int version = last == null ? 1 : last + 1;
            try {
                jdbc.update("INSERT INTO " + table + " (person, version, secret) VALUES (?, ?, ?)",
                        person, version, secret);
                return new Key(version, secret);
            } catch (DuplicateKeyException raced) {
                // another request created it first: read it
            }
        }
        throw new IllegalStateException("cannot create a key for " + person);
    }

    @Override
    public Optional<byte[]> find(String person, int version) {
        List<byte[]> found = jdbc.query("SELECT secret FROM " + table + " WHERE person = ? AND version = ?",
                (rs, i) -> rs.getBytes(1), person, version);
        return found.stream().findFirst();
    }

    @Override
    public int shred(String person) {
        jdbc.update("INSERT INTO " + table + "_shredded (person, version) SELECT person, max(version) FROM " + table
                + " WHERE person = ? GROUP BY person ON CONFLICT (person) DO UPDATE SET version = EXCLUDED.version, "
                + "shredded_at = now()", person);
        return jdbc.update("DELETE FROM " + table + " WHERE person = ?", person);
    }

    void createShreddedTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + "_shredded (person TEXT PRIMARY KEY, version INT NOT NULL, "
                + "shredded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
    }
}
