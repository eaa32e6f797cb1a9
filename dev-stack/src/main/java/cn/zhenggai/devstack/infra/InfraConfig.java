package cn.zhenggai.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where and on which 127.0.0.1 ports {@link EmbeddedInfrastructure} runs its servers.
 *
 * @param dataDir             root of the data: {@code postgres/}, {@code kafka/}, {@code mongo/mongo.mv}
 * @param postgresPort        PostgreSQL port; 0 = a free port
 * @param kafkaPort           Kafka client (PLAINTEXT) port; 0 = a free port
 * @param kafkaControllerPort Kafka controller (KRaft) port; 0 = a free port
 * @param mongoPort           MongoDB-compatible server port; 0 = a free port
 * @param ephemeral           true: Mongo in memory and everything under {@code dataDir} deleted on close;
 *                            false: data kept for the next start
 */
public record InfraConfig(Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort, int mongoPort,
                          boolean ephemeral) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final int DEFAULT_MONGO_PORT = 27018;

    public InfraConfig {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataDir is required");
        }
        for (int port : new int[] {postgresPort, kafkaPort, kafkaControllerPort, mongoPort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** Data kept in {@code dataDir}, on the default ports (15432, 19092, 19093, 27018). */
    public static InfraConfig persistent(Path dataDir) {
        return new InfraConfig(dataDir, DEFAULT_POSTGRES_PORT, DEFAULT_KAFKA_PORT, DEFAULT_KAFKA_CONTROLLER_PORT,
                DEFAULT_MONGO_PORT, false);
    }

    /** A fresh temporary directory, free ports, everything deleted on close: for tests. */
    public static InfraConfig temporary() {
        try {
            return new InfraConfig(Files.createTempDirectory("zhenggai-infra-"), 0, 0, 0, 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** The H2 file of the Mongo store; null when ephemeral (memory backend). */
    public Path mongoFile() {
        return ephemeral ? null : dataDir.resolve("mongo").resolve("mongo.mv");
    }
}
