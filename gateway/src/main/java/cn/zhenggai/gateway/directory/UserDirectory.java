package cn.zhenggai.gateway.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The user directory in the gateway's PostgreSQL schema: users (hashed password, department, roles, enabled) and
 * departments. Only the gateway reads it; services learn who is calling from the signed token.
 */
public class UserDirectory {

    /** Login names: lower-case letters, digits, {@code . _ -}, 3 to 64 characters, starting with a letter. */
    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
    /** Department codes: upper-case letters and digits, as in the tokens' {@code dept} claim. */
    public static final Pattern DEPARTMENT = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    /** A department: code and Chinese name. */
    public record Department(String code, String name) {
    }

    private final JdbcTemplate jdbc;
    private final String schema;
    private final RowMapper<DirectoryUser> users = (rs, n) -> new DirectoryUser(rs.getString("username"),
            rs.getString("display_name"), rs.getString("password_hash"), rs.getString("department"),
            roles(rs.getString("roles")), rs.getBoolean("enabled"));

    public UserDirectory(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = DirectorySchema.checkIdentifier(schema);
    }

    public Optional<DirectoryUser> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM " + schema + ".users WHERE username = ?", users, username).stream()
                .findFirst();
    }

    /** Every user, or those of one department, by department then username. */
    public List<DirectoryUser> list(String department) {
        if (department == null) {
            return jdbc.query("SELECT * FROM " + schema + ".users ORDER BY department, username", users);
        }
        return jdbc.query("SELECT * FROM " + schema + ".users WHERE department = ? ORDER BY username", users,
                department);
    }

    /** Adds a user; false if the username is taken. */
    public boolean create(DirectoryUser user, Instant now) {
        return jdbc.update("INSERT INTO " + schema + ".users (username, display_name, password_hash, department, "
                        + "roles, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (username) DO NOTHING",
                user.username(), user.displayName(), user.passwordHash(), user.department(), roles(user.roles()),
                user.enabled(), Timestamp.from(now), Timestamp.from(now)) == 1;
    }

    public boolean update(String username, String displayName, String department, Set<String> roles, Instant now) {
        return jdbc.update("UPDATE " + schema + ".users SET display_name = ?, department = ?, roles = ?, "
                + "updated_at = ? WHERE username = ?", displayName, department, roles(roles), Timestamp.from(now),
                username) == 1;
    }

    public boolean setEnabled(String username, boolean enabled, Instant now) {
        return jdbc.update("UPDATE " + schema + ".users SET enabled = ?, updated_at = ? WHERE username = ?",
                enabled, Timestamp.from(now), username) == 1;
    }

    public boolean setPasswordHash(String username, String hash, Instant now) {
        return jdbc.update("UPDATE " + schema + ".users SET password_hash = ?, updated_at = ? WHERE username = ?",
                hash, Timestamp.from(now), username) == 1;
    }

    public List<Department> departments() {
        return jdbc.query("SELECT code, name FROM " + schema + ".departments ORDER BY code",
                (rs, n) -> new Department(rs.getString("code"), rs.getString("name")));
    }

    public Optional<Department> department(String code) {
        return jdbc.query("SELECT code, name FROM " + schema + ".departments WHERE code = ?",
                (rs, n) -> new Department(rs.getString("code"), rs.getString("name")), code).stream().findFirst();
    }

    /** Adds a department; false if the code is taken. */
    public boolean createDepartment(Department department) {
        return jdbc.update("INSERT INTO " + schema + ".departments (code, name) VALUES (?, ?) "
                + "ON CONFLICT (code) DO NOTHING", department.code(), department.name()) == 1;
    }

    /** Renames a department; false if there is no such code. */
    public boolean renameDepartment(String code, String name) {
        return jdbc.update("UPDATE " + schema + ".departments SET name = ? WHERE code = ?", name, code) == 1;
    }

    /** The user, locked for the rest of the transaction. */
    public Optional<DirectoryUser> findForUpdate(String username) {
        return jdbc.query("SELECT * FROM " + schema + ".users WHERE username = ? FOR UPDATE", users, username)
                .stream().findFirst();
    }

    static String roles(Set<String> roles) {
        return String.join(",", new TreeSet<>(roles));
    }

    static Set<String> roles(String column) {
        return column == null || column.isBlank() ? Set.of()
                : Arrays.stream(column.split(",")).map(String::strip).collect(Collectors.toUnmodifiableSet());
    }
}
