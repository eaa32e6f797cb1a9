package cn.zhenggai.platform.axon;

import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates, if missing, the tables Axon and db-scheduler keep in the service's PostgreSQL schema: events and
 * snapshots, tracking tokens, scheduled deadlines. Idempotent, runs on start.
 */
public class AxonSchemaInitializer implements InitializingBean {

    private static final String SCHEDULED_TASKS = """
            CREATE TABLE IF NOT EXISTS scheduled_tasks (
              task_name TEXT NOT NULL,
              task_instance TEXT NOT NULL,
              task_data BYTEA,
              execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
              picked BOOLEAN NOT NULL,
              picked_by TEXT,
              last_success TIMESTAMP WITH TIME ZONE,
              last_failure TIMESTAMP WITH TIME ZONE,
              consecutive_failures INT,
              last_heartbeat TIMESTAMP WITH TIME ZONE,
              version BIGINT NOT NULL,
              priority SMALLINT,
              PRIMARY KEY (task_name, task_instance))""";

    private final DataSource dataSource;
    private final String schema;

    AxonSchemaInitializer(DataSource dataSource, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema name must be a lower-case SQL identifier: " + schema);
        }
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        EventSchema events = EventSchema.builder().build();
        TokenSchema tokens = TokenSchema.builder().build();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                statement.execute("SET search_path TO " + schema);
            }
            if (!tableExists(connection, events.domainEventTable())) {
                execute(PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, events));
            }
            if (!tableExists(connection, events.snapshotTable())) {
                execute(PostgresEventTableFactory.INSTANCE.createSnapshotEventTable(connection, events));
            }
            if (!tableExists(connection, tokens.tokenTable())) {
                execute(PostgresTokenTableFactory.INSTANCE.createTable(connection, tokens));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(SCHEDULED_TASKS);
            }
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            query.setString(1, connection.getSchema());
            query.setString(2, table.toLowerCase());
            return query.executeQuery().next();
        }
    }

    private static void execute(PreparedStatement statement) throws SQLException {
        try (statement) {
            statement.executeUpdate();
        }
    }
}
