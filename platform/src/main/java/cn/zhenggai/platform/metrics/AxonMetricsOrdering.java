package cn.zhenggai.platform.metrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Puts Axon's Micrometer auto-configuration after Boot 4's meter registries. Axon 4.13 orders itself after
 * Boot 3's class names, so on Boot 4 its conditions could be evaluated before Boot's registries exist and it
 * would create a private registry whose processor metrics (latency, capacity, counters per processing group)
 * never reach {@code /actuator/prometheus}. With this ordering its {@code GlobalMetricRegistry} is built on
 * Boot's Prometheus registry.
 * This configuration holds no beans: it only bridges the ordering.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"},
        beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
public class AxonMetricsOrdering {
}
