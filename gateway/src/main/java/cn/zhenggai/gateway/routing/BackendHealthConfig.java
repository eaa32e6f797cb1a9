package cn.zhenggai.gateway.routing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;

/**
 * Components {@code report}, {@code rectification} and {@code audit} of the gateway's {@code /actuator/health}
 * (ADR 0066): a backend that is down makes the gateway's overall health DOWN (HTTP 503); the liveness and
 * readiness groups stay on the gateway's own state.
 */
@Configuration
class BackendHealthConfig {

    @Bean
    HealthIndicator reportHealthIndicator(@Value("${zhenggai.routes.report}") String url, Settings settings) {
        return settings.indicator(url);
    }

    @Bean
    HealthIndicator rectificationHealthIndicator(@Value("${zhenggai.routes.rectification}") String url,
                                                 Settings settings) {
        return settings.indicator(url);
    }

    @Bean
    HealthIndicator auditHealthIndicator(@Value("${zhenggai.routes.audit}") String url, Settings settings) {
        return settings.indicator(url);
    }

    @Bean
    Settings backendHealthSettings(@Value("${zhenggai.gateway.backend-health.timeout:PT2S}") Duration timeout,
                                   @Value("${zhenggai.gateway.backend-health.cache:PT5S}") Duration cacheFor,
                                   Clock clock) {
        return new Settings(timeout, cacheFor, clock);
    }

    record Settings(Duration timeout, Duration cacheFor, Clock clock) {
        HealthIndicator indicator(String url) {
            return new BackendHealth(url, timeout, cacheFor, clock);
        }
    }
}
