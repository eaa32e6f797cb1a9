package cn.zhenggai.gateway.routing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

/**
 * Routes {@code /api/**} to the service that owns it, and {@code /api/docs/<service>} to that service's OpenAPI
 * document (ADR 0100). The caller's token travels with the request: each service
 * checks it again. A service that cannot be reached is answered with 503 {@code SERVICE_UNAVAILABLE}
 * ({@link BackendUnavailable}).
 */
@Configuration
class RoutesConfig {

    @Bean
    RouterFunction<ServerResponse> reportRoutes(@Value("${zhenggai.routes.report}") String reportService) {
        return route("report-service")
                .route(path("/api/reports/**").or(path("/api/reports")).or(path("/api/meetings/**"))
                        .or(path("/api/outlines/**")).or(path("/api/docs/report")), http())
                .before(uri(reportService))
                .onError(BackendUnavailable.UNREACHABLE, BackendUnavailable.answer(Backend.REPORT))
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> rectificationRoutes(
            @Value("${zhenggai.routes.rectification}") String rectificationService) {
        RequestPredicate owned = path("/api/rectification/**").or(path("/api/ledger/**")).or(path("/api/ledger"))
                .or(path("/api/overview/**")).or(path("/api/overview")).or(path("/api/measures/**"))
                .or(path("/api/notifications/**")).or(path("/api/docs/rectification"));
        return route("rectification-service")
                .route(owned, http())
                .before(uri(rectificationService))
                .onError(BackendUnavailable.UNREACHABLE, BackendUnavailable.answer(Backend.RECTIFICATION))
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> auditRoutes(@Value("${zhenggai.routes.audit}") String auditService) {
        return route("audit-service")
                .route(path("/api/audit/**").or(path("/api/docs/audit")), http())
                .before(uri(auditService))
                .onError(BackendUnavailable.UNREACHABLE, BackendUnavailable.answer(Backend.AUDIT))
                .build();
    }
}
