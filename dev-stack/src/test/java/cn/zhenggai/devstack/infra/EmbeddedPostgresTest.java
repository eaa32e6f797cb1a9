package cn.zhenggai.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path tmp;

    @Test
    void keepsDataAcrossRestartsOnTheSamePortAndDirectory() throws Exception {
        Path dataDir = tmp.resolve("pg");
        int port;
        long pid;
        try (EmbeddedPostgres pg = new EmbeddedPostgres(dataDir, 0).start()) {
            port = pg.port();
            assertThat(pg.jdbcUrl("zhenggai")).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/zhenggai");
            assertThat(pg.username()).isEqualTo("postgres");

            pg.ensureDatabase("zhenggai", "report", "audit");
            pg.ensureDatabase("zhenggai", "report"); // idempotent
            try (Connection c = pg.connect("zhenggai"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE report.item (id int PRIMARY KEY, title text NOT NULL)");
                s.execute("INSERT INTO report.item VALUES (1, '整改事项')");
            }
            assertThat(schemas(pg)).contains("report", "audit");
            OptionalLong running = pg.postmasterPid();
            assertThat(running).isPresent();
            pid = running.getAsLong();
            assertThat(EmbeddedPostgres.isRunning(pid)).isTrue();
        }
        // the postmaster is gone, the data stays
        assertThat(EmbeddedPostgres.isRunning(pid)).isFalse();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        try (EmbeddedPostgres pg = new EmbeddedPostgres(dataDir, port).start()) {
            pg.ensureDatabase("zhenggai", "report");
            try (Connection c = pg.connect("zhenggai");
                 PreparedStatement ps = c.prepareStatement("SELECT title FROM report.item WHERE id = ?")) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("整改事项");
                }
            }
            // a plain JDBC URL with user/password works too (what Spring's datasource does)
            try (Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrl("zhenggai"), pg.username(),
                    pg.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_encoding")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("UTF8");
            }
        }
    }

    @Test
    void deletesTheDataWhenAskedAndRejectsBadNames() throws Exception {
        Path dataDir = tmp.resolve("pg-temp");
        EmbeddedPostgres pg = new EmbeddedPostgres(dataDir, 0, true).start();
        try {
            assertThatThrownBy(() -> pg.ensureDatabase("x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
            try (Connection c = pg.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW listen_addresses")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
            }
        } finally {
            pg.close();
        }
        assertThat(Files.exists(dataDir)).isFalse();
        pg.close(); // idempotent
    }

    @Test
    void failsFastWhenThePortIsTaken() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            EmbeddedPostgres pg = new EmbeddedPostgres(tmp.resolve("pg-busy"), taken.getLocalPort());
            assertThatThrownBy(pg::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
            assertThat(pg.isRunning()).isFalse();
        }
    }

    private static List<String> schemas(EmbeddedPostgres pg) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = pg.connect("zhenggai"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT schema_name FROM information_schema.schemata")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
