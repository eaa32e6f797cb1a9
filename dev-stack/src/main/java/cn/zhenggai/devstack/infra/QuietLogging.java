package cn.zhenggai.devstack.infra;

import java.lang.reflect.Method;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the log level of the embedded servers' loggers through whichever slf4j binding is on the
 * classpath (Logback or Log4j 2 Core), by reflection, so that this module depends on neither.
 *
 * <p>A logger that already has a level of its own (set in logback.xml, say) is left alone, so a developer
 * can still turn the broker's logging up. Spring Boot re-initialises logging when an application context
 * starts; levels set here before that are then replaced by Boot's configuration.
 */
public final class QuietLogging {

    private static final Logger LOG = LoggerFactory.getLogger(QuietLogging.class);

    /** Loggers of the Kafka broker (not of the Kafka clients), including the few shared "common" classes that chatter. */
    public static final List<String> KAFKA_BROKER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.server",
            "org.apache.kafka.controller",
            "org.apache.kafka.raft",
            "org.apache.kafka.metadata",
            "org.apache.kafka.image",
            "org.apache.kafka.storage",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.queue",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.security",
            "org.apache.kafka.network",
            "org.apache.kafka.common.network",
            "org.apache.kafka.common.security",
            "org.apache.kafka.common.utils.AppInfoParser",
            // the broker dumps its ~300-line KafkaConfig several times per start (clients' config dumps go too)
            "org.apache.kafka.common.config.AbstractConfig",
            "org.apache.kafka.common.metrics",
            "org.apache.kafka.common.telemetry",
            "org.apache.kafka.server.logger");

    public static final List<String> POSTGRES_LOGGERS = List.of("io.zonky.test.db.postgres");

    public static final List<String> MONGO_LOGGERS = List.of("de.bwaldvogel.mongo", "io.netty");

    private QuietLogging() {
    }

    /** Sets WARN on each of {@code loggerNames} that has no level of its own yet. */
    public static void warnOnly(List<String> loggerNames) {
        for (String name : loggerNames) {
            setLevelIfUnset(name, "WARN");
        }
    }

    /**
     * Sets {@code level} (TRACE, DEBUG, INFO, WARN, ERROR) on the logger {@code name} unless it already has one.
     *
     * @return true if a level was set
     */
    public static boolean setLevelIfUnset(String name, String level) {
        Object logger = LoggerFactory.getLogger(name);
        String className = logger.getClass().getName();
        try {
            if (className.equals("ch.qos.logback.classic.Logger")) {
                Method getLevel = logger.getClass().getMethod("getLevel");
                if (getLevel.invoke(logger) != null) {
                    return false;
                }
                Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", true, logger.getClass().getClassLoader());
                Object levelValue = levelClass.getMethod("toLevel", String.class).invoke(null, level);
                logger.getClass().getMethod("setLevel", levelClass).invoke(logger, levelValue);
                return true;
            }
            if (className.startsWith("org.apache.logging.slf4j.")) {
                ClassLoader loader = logger.getClass().getClassLoader();
                Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator", true, loader);
                Class<?> levelClass = Class.forName("org.apache.logging.log4j.Level", true, loader);
                Object levelValue = levelClass.getMethod("toLevel", String.class).invoke(null, level);
                configurator.getMethod("setLevel", String.class, levelClass).invoke(null, name, levelValue);
                return true;
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.debug("cannot set the level of logger {} through {}", name, className, e);
        }
        return false;
    }
}
