package cn.zhenggai.platform.security;

import cn.zhenggai.contracts.directory.RevokedUsers;
import cn.zhenggai.contracts.security.TokenClaims;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import cn.zhenggai.platform.web.ApiError;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Every service checks the caller's token itself: an RS256 JWT signed by the gateway, validated with the
 * gateway's public key ({@code zhenggai.security.public-key}, a PEM file), and refuses a token issued before its
 * user's latest revocation on the directory's topic (ADR 0080). Health and metrics stay open.
 */
@AutoConfiguration
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder jwtDecoder(org.springframework.core.env.Environment env) throws Exception {
        String location = env.getRequiredProperty("zhenggai.security.public-key");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(Path.of(location))).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TokenClaims.ISSUER),
                new JwtClaimValidator<String>(TokenClaims.TOKEN_TYPE, type -> !TokenClaims.REFRESH.equals(type))));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain serviceSecurity(HttpSecurity http) throws Exception {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/actuator/info", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> writeError(response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录：缺少或无效的访问令牌"))
                        .accessDeniedHandler((request, response, e) -> writeError(response,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "无权执行此操作")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> writeError(response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录：缺少或无效的访问令牌"))
                        .accessDeniedHandler((request, response, e) -> writeError(response,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "无权执行此操作")));
        return http.build();
    }

    /** Users whose earlier tokens are refused (ADR 0080), for the token lifetime plus two minutes of clock skew. */
    @Bean
    @ConditionalOnMissingBean
    public RevokedUsers revokedUsers(
            @Value("${zhenggai.security.access-token-ttl:PT15M}") Duration accessTtl) {
        return new RevokedUsers(accessTtl.plus(Duration.ofMinutes(2)), Clock.systemUTC());
    }

    /** Reads revocations from the directory's topic; off where Kafka listeners are off (tests without Kafka). */
    @Bean
    @ConditionalOnProperty(name = "zhenggai.revocation.feed", havingValue = "true", matchIfMissing = true)
    @ConditionalOnExpression("${spring.kafka.listener.auto-startup:true}")
    public RevocationFeed revocationFeed(RevokedUsers revoked,
                                         @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") String servers,
                                         @Value("${zhenggai.security.access-token-ttl:PT15M}") Duration accessTtl) {
        return new RevocationFeed(revoked, servers, accessTtl.plus(Duration.ofMinutes(2)), Clock.systemUTC());
    }

    /** Runs after Spring Security's chain (order -100), so the validated token is at hand. */
    @Bean
    public FilterRegistrationBean<RevocationFilter> revocationFilter(RevokedUsers revoked) {
        FilterRegistrationBean<RevocationFilter> registration = new FilterRegistrationBean<>(
                new RevocationFilter(revoked));
        registration.setOrder(0);
        return registration;
    }

    /** Lets controllers declare a {@link Caller} parameter. */
    @Bean
    public WebMvcConfigurer callerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType() == Caller.class;
                    }

                    @Override
                    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                                  NativeWebRequest request, WebDataBinderFactory binders) {
                        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                        if (auth != null && auth.getPrincipal() instanceof Jwt jwt) {
                            return Caller.from(jwt);
                        }
                        throw new org.springframework.security.access.AccessDeniedException("no token");
                    }
                });
            }
        };
    }

    static void writeError(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ApiError.json(code, message));
    }

    static RSAPublicKey readPublicKey(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return RsaKeyConverters.x509().convert(in);
        }
    }
}
