package cn.zhenggai.devstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so this reads docker-compose.yml and checks it against what the applications
 * expect: ports, environment (every variable names a property the service reads), start order by health,
 * health checks, memory limits, volumes and the jars the build produces.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> APPS = List.of("report-service", "rectification-service", "audit-service");

    private static Map<String, Object> services;
    private static Properties defaults;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
        defaults = properties(ROOT.resolve("platform/src/main/resources/zhenggai-defaults.properties"));
    }

    @Test
    void everyServiceAndItsInfrastructureIsThere() {
        assertThat(services).containsKeys("postgres", "kafka", "mongo", "keys", "report-service",
                "rectification-service", "audit-service", "gateway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report-service", "rectification-service", "audit-service"})
    void eventSourcedServicesMatchTheirApplicationProperties(String name) throws IOException {
        Map<String, Object> service = service(name);
        Map<String, Object> env = map(service.get("environment"));
        Properties app = properties(ROOT.resolve(name).resolve("src/main/resources/application.properties"));

        String port = app.getProperty("server.port");
        assertThat(String.valueOf(env.get("SERVER_PORT"))).isEqualTo(port);
        assertThat(list(service.get("expose"))).containsExactly(port);
        assertThat(service).as(name + " is reached through the gateway only: no port published on the host")
                .doesNotContainKey("ports");
        assertThat(healthCheck(service)).contains("http://localhost:" + port + "/actuator/health");

        Map<String, Object> postgres = map(service("postgres").get("environment"));
        URI jdbc = URI.create(env.get("SPRING_DATASOURCE_URL").toString().substring("jdbc:".length()));
        assertThat(jdbc.getHost()).isEqualTo("postgres");
        assertThat(jdbc.getPort()).isEqualTo(5432);
        assertThat(jdbc.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
        assertThat(jdbc.getQuery()).isEqualTo("currentSchema=" + app.getProperty("zhenggai.database.schema"));
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));

        Map<String, Object> kafka = map(service("kafka").get("environment"));
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS").toString())
                .isEqualTo("PLAINTEXT://" + env.get("SPRING_KAFKA_BOOTSTRAPSERVERS"));
        assertThat(env.get("SPRING_MONGODB_URI")).isEqualTo("mongodb://mongo:27017");
        assertThat(env.get("ZHENGGAI_KEYS")).isEqualTo("/keys");
        assertThat(list(service.get("volumes"))).contains("keys:/keys:ro");

        for (String variable : env.keySet()) {
            if (!variable.equals("JAVA_TOOL_OPTIONS")) {
                assertThat(knows(app, variable)).as("%s reads %s", name, variable).isTrue();
            }
        }

        Map<String, Object> dependsOn = map(service.get("depends_on"));
        for (String infra : List.of("postgres", "kafka", "mongo")) {
            assertThat(map(dependsOn.get(infra)).get("condition")).isEqualTo("service_healthy");
        }
        assertThat(map(dependsOn.get("keys")).get("condition")).isEqualTo("service_completed_successfully");
        assertJarMounted(service, name);
    }

    @Test
    void theGatewayRoutesToEveryServiceAndStartsAfterThem() throws IOException {
        Map<String, Object> gateway = service("gateway");
        Map<String, Object> env = map(gateway.get("environment"));
        Properties app = properties(ROOT.resolve("gateway/src/main/resources/application.properties"));
        assertThat(String.valueOf(env.get("SERVER_PORT"))).isEqualTo(app.getProperty("server.port"));
        assertThat(list(gateway.get("ports"))).containsExactly(app.getProperty("server.port") + ":" + app.getProperty("server.port"));
        for (String variable : env.keySet()) {
            if (!variable.equals("JAVA_TOOL_OPTIONS")) {
                assertThat(knows(app, variable)).as("gateway reads %s", variable).isTrue();
            }
        }
        Map<String, String> routes = Map.of("ZHENGGAI_ROUTES_REPORT", "report-service",
                "ZHENGGAI_ROUTES_RECTIFICATION", "rectification-service", "ZHENGGAI_ROUTES_AUDIT", "audit-service");
        Map<String, Object> dependsOn = map(gateway.get("depends_on"));
        for (Map.Entry<String, String> route : routes.entrySet()) {
            Properties target = properties(ROOT.resolve(route.getValue()).resolve("src/main/resources/application.properties"));
            assertThat(env.get(route.getKey()))
                    .isEqualTo("http://" + route.getValue() + ":" + target.getProperty("server.port"));
            assertThat(map(dependsOn.get(route.getValue())).get("condition")).isEqualTo("service_healthy");
        }
        assertThat(healthCheck(gateway)).as("the gateway's liveness: its full health is DOWN while a service is")
                .contains("http://localhost:" + app.getProperty("server.port") + "/actuator/health/liveness");
        assertJarMounted(gateway, "gateway");

        // the user directory lives in the gateway's schema of the same PostgreSQL
        Map<String, Object> postgres = map(service("postgres").get("environment"));
        URI jdbc = URI.create(env.get("SPRING_DATASOURCE_URL").toString().substring("jdbc:".length()));
        assertThat(jdbc.getHost()).isEqualTo("postgres");
        assertThat(jdbc.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
        assertThat(jdbc.getQuery()).isEqualTo("currentSchema=" + app.getProperty("zhenggai.database.schema"));
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat(map(dependsOn.get("postgres")).get("condition")).isEqualTo("service_healthy");
    }

    @Test
    void everyContainerHasAMemoryLimitAndEveryServerAHealthCheck() {
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Map<String, Object> service = map(entry.getValue());
            if (!entry.getKey().equals("keys")) {
                assertThat(service).as(entry.getKey()).containsKey("mem_limit");
                assertThat(service).as(entry.getKey()).containsKey("healthcheck");
            }
        }
        assertThat(list(service("postgres").get("volumes"))).anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
        assertThat(list(service("kafka").get("volumes"))).anyMatch(v -> v.endsWith(":/var/lib/kafka/data"));
        assertThat(list(service("mongo").get("volumes"))).anyMatch(v -> v.endsWith(":/data/db"));
        Map<String, Object> rectification = service("rectification-service");
        assertThat(list(rectification.get("volumes"))).as("evidence files outlive the container")
                .contains("evidence:" + map(rectification.get("environment")).get("ZHENGGAI_EVIDENCE_DIR"));
    }

    @Test
    void theKeysContainerRunsTheDevStacksKeyGenerator() {
        Map<String, Object> keys = service("keys");
        assertThat(list(keys.get("command"))).contains("-Dloader.main=" + Keys.class.getName());
        assertJarMounted(keys, "dev-stack");
    }

    private static void assertJarMounted(Map<String, Object> service, String module) {
        String pom;
        try {
            pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        } catch (IOException e) {
            throw new AssertionError("no pom for " + module, e);
        }
        String jar = "./" + module + "/target/" + module + "-0.1.0-SNAPSHOT-exec.jar";
        assertThat(list(service.get("volumes"))).anyMatch(v -> v.startsWith(jar + ":"));
        assertThat(pom)
                .contains("<artifactId>" + module + "</artifactId>")
                .contains("<classifier>exec</classifier>");
    }

    /**
     * Whether an environment variable binds (Spring's relaxed binding) to a property the service knows, or is
     * a placeholder its properties read.
     */
    private static boolean knows(Properties app, String variable) {
        String property = variable.toLowerCase().replace('_', '.');
        return app.stringPropertyNames().stream().anyMatch(p -> p.replace("-", "").equals(property))
                || defaults.stringPropertyNames().stream().anyMatch(p -> p.replace("-", "").equals(property))
                || app.values().stream().anyMatch(v -> v.toString().contains("${" + variable + ":"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    private static String healthCheck(Map<String, Object> service) {
        return String.join(" ", list(map(service.get("healthcheck")).get("test")));
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
