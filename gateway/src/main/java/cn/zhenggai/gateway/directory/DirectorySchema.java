package cn.zhenggai.gateway.directory;

import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.contracts.directory.DepartmentRegistered;
import cn.zhenggai.contracts.directory.RevokedUsers;
import cn.zhenggai.contracts.directory.UserRegistered;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates the gateway's tables if missing (idempotent, on start) and, when {@code zhenggai.directory.seed-demo}
 * is on, adds the demo departments and accounts (password {@code demo}) that are not there yet, with their events. An
 * account an administrator has changed is left as it is. Tables: departments, users, refresh tokens, login failures,
 * the directory's outbox (ADR 0078) and role grants (ADR 0079).
 */
public class DirectorySchema implements InitializingBean {

    /** Department of the sample outline: 行政审批局. */
    public static final String SAMPLE_DEPARTMENT = "XZSPJ";

    static final List<UserDirectory.Department> DEMO_DEPARTMENTS = List.of(
            new UserDirectory.Department("DW", "党委"),
            new UserDirectory.Department("ZZB", "组织部"),
            new UserDirectory.Department("JW", "纪委监委"),
            new UserDirectory.Department(SAMPLE_DEPARTMENT, "行政审批局"),
            new UserDirectory.Department("CZJ", "财政局"));

    private record Demo(String username, String displayName, String department, Set<String> roles) {
    }

    private static final List<Demo> DEMO_USERS = List.of(
            new Demo("demo-party", "党委（演示）", "DW", Role.names(EnumSet.of(Role.PARTY_COMMITTEE))),
            new Demo("demo-audit", "纪检监察（演示）", "JW", Role.names(EnumSet.of(Role.DISCIPLINE))),
            new Demo("demo-dept", "行政审批局联络员（演示）", SAMPLE_DEPARTMENT, Role.names(EnumSet.of(Role.DEPT_LIAISON, Role.CADRE))),
            new Demo("demo-org", "组织部（演示）", "ZZB", Role.names(EnumSet.of(Role.ORG_DEPT))),
            new Demo("demo-head", "行政审批局局长（演示）", SAMPLE_DEPARTMENT, Role.names(EnumSet.of(Role.DEPT_HEAD, Role.CADRE))),
            new Demo("demo-cadre", "行政审批局干部（演示）", SAMPLE_DEPARTMENT, Role.names(EnumSet.of(Role.CADRE))),
            new Demo("demo-cz", "财政局联络员（演示）", "CZJ", Role.names(EnumSet.of(Role.DEPT_LIAISON, Role.CADRE))));

    private final JdbcTemplate jdbc;
    private final String schema;
    private final boolean seedDemo;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public DirectorySchema(JdbcTemplate jdbc, String schema, boolean seedDemo, PasswordEncoder passwords,
                           Clock clock) {
        this.jdbc = jdbc;
        this.schema = checkIdentifier(schema);
        this.seedDemo = seedDemo;
        this.passwords = passwords;
        this.clock = clock;
    }

    static String checkIdentifier(String schema) {
        if (schema == null || !schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema name must be a lower-case SQL identifier: " + schema);
        }
        return schema;
    }

    @Override
    public void afterPropertiesSet() {
        String s = schema + ".";
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + s + "departments (code VARCHAR(40) PRIMARY KEY, "
                + "name VARCHAR(100) NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + s + "users (username VARCHAR(64) PRIMARY KEY, "
                + "display_name VARCHAR(100) NOT NULL, password_hash VARCHAR(200) NOT NULL, "
                + "department VARCHAR(40) NOT NULL REFERENCES " + s + "departments(code), roles VARCHAR(200) NOT NULL, "
                + "enabled BOOLEAN NOT NULL, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + s + "refresh_tokens (token_id VARCHAR(64) PRIMARY KEY, "
                + "family_id VARCHAR(64) NOT NULL, username VARCHAR(64) NOT NULL, issued_at TIMESTAMPTZ NOT NULL, "
                + "expires_at TIMESTAMPTZ NOT NULL, used_at TIMESTAMPTZ, revoked_at TIMESTAMPTZ, "
                + "revoke_reason VARCHAR(40))");
        jdbc.execute("CREATE INDEX IF NOT EXISTS refresh_tokens_family ON " + s + "refresh_tokens (family_id)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS refresh_tokens_user ON " + s + "refresh_tokens (username)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + s + "login_failures (username VARCHAR(64) PRIMARY KEY, "
                + "failures INT NOT NULL, locked_until TIMESTAMPTZ, last_failure TIMESTAMPTZ NOT NULL)");
        jdbc.execute(DirectoryOutbox.createTable(schema));
        jdbc.execute("CREATE INDEX IF NOT EXISTS directory_outbox_unpublished ON " + s
                + "directory_outbox (position) WHERE published_at IS NULL");
        jdbc.execute(RoleGrants.createTable(schema));
        if (seedDemo) {
            seed();
        }
    }

    /**
     * The bootstrap step: the demo departments and accounts go in directly (the demo's roles need no approval, ADR
     * 0079), each with its event in the outbox in the same transaction, by {@code system}.
     */
    private void seed() {
        UserDirectory directory = new UserDirectory(jdbc, schema);
        DirectoryOutbox outbox = new DirectoryOutbox(jdbc, schema, clock, new RevokedUsers(Duration.ZERO, clock));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(
                java.util.Objects.requireNonNull(jdbc.getDataSource())));
        for (UserDirectory.Department department : DEMO_DEPARTMENTS) {
            tx.executeWithoutResult(status -> {
                if (directory.createDepartment(department)) {
                    outbox.department(department.code(), DirectoryOutbox.SYSTEM,
                            new DepartmentRegistered(department.code(), department.name(), DirectoryOutbox.SYSTEM));
                }
            });
        }
        String demo = null;
        for (Demo user : DEMO_USERS) {
            if (directory.find(user.username()).isEmpty()) {
                if (demo == null) {
                    demo = passwords.encode("demo");
                }
                String hash = demo;
                tx.executeWithoutResult(status -> {
                    if (directory.create(new DirectoryUser(user.username(), user.displayName(), hash,
                            user.department(), user.roles(), true), clock.instant())) {
                        outbox.user(user.username(), user.department(), DirectoryOutbox.SYSTEM, new UserRegistered(
                                user.username(), user.displayName(), user.department(),
                                List.copyOf(new TreeSet<>(user.roles())), DirectoryOutbox.SYSTEM));
                    }
                });
            }
        }
    }
}
