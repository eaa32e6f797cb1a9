package cn.zhenggai.gateway.auth;

import cn.zhenggai.contracts.security.TokenClaims;
import cn.zhenggai.contracts.directory.RevokedUsers;
import cn.zhenggai.gateway.GatewayErrors;
import cn.zhenggai.gateway.docs.DocsAccess;
import cn.zhenggai.gateway.directory.DirectorySchema;
import cn.zhenggai.gateway.directory.UserDirectory;
import cn.zhenggai.gateway.monitoring.ActuatorAccess;
import cn.zhenggai.gateway.monitoring.TrustedAddresses;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Login issues RS256 tokens signed with the gateway's private key; every request to {@code /api/**} except
 * login, refresh and logout needs a valid access token here and again at the service it is routed to. The user
 * directory, refresh tokens and login failures live in the gateway's PostgreSQL schema.
 */
@Configuration
public class SecurityConfig {

    /** The time everything here reads (tests replace it to move time without sleeping). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * BCrypt (cost {@code zhenggai.security.bcrypt-strength}, default 10) behind Spring Security's delegating
     * encoder: hashes are stored as {@code {bcrypt}…}, so a later switch of algorithm keeps old hashes readable.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${zhenggai.security.bcrypt-strength:10}") int strength) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(strength);
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }

    @Bean
    DirectorySchema directorySchema(JdbcTemplate jdbc, @Value("${zhenggai.database.schema:gateway}") String schema,
                                    @Value("${zhenggai.directory.seed-demo:true}") boolean seedDemo,
                                    PasswordEncoder passwords, Clock clock) {
        return new DirectorySchema(jdbc, schema, seedDemo, passwords, clock);
    }

    @Bean
    UserDirectory userDirectory(DirectorySchema created, JdbcTemplate jdbc,
                                @Value("${zhenggai.database.schema:gateway}") String schema) {
        return new UserDirectory(jdbc, schema);
    }

    @Bean
    RefreshTokens refreshTokens(DirectorySchema created, JdbcTemplate jdbc,
                                @Value("${zhenggai.database.schema:gateway}") String schema) {
        return new RefreshTokens(jdbc, schema);
    }

    @Bean
    LoginGuard loginGuard(DirectorySchema created, JdbcTemplate jdbc,
                          @Value("${zhenggai.database.schema:gateway}") String schema, Clock clock,
                          @Value("${zhenggai.login.ip-capacity:100}") int ipCapacity,
                          @Value("${zhenggai.login.ip-period:PT1M}") Duration ipPeriod,
                          @Value("${zhenggai.login.user-capacity:20}") int userCapacity,
                          @Value("${zhenggai.login.user-period:PT1M}") Duration userPeriod,
                          @Value("${zhenggai.login.max-failures:5}") int maxFailures,
                          @Value("${zhenggai.login.lock-duration:PT15M}") Duration lockDuration) {
        return new LoginGuard(new LoginGuard.Settings(ipCapacity, ipPeriod, userCapacity, userPeriod, maxFailures,
                lockDuration), jdbc, schema, clock);
    }

    @Bean
    Sessions sessions(UserDirectory directory, PasswordEncoder passwords, TokenIssuer issuer,
                      RefreshTokenDecoder refreshDecoder, RefreshTokens refreshTokens, LoginGuard guard, Clock clock,
                      cn.zhenggai.gateway.directory.DirectoryOutbox outbox) {
        return new Sessions(directory, passwords, issuer, refreshDecoder.decoder(), refreshTokens, guard, clock,
                outbox);
    }

    @Bean
    RSAPublicKey gatewayPublicKey(@Value("${zhenggai.security.public-key}") Path location) throws IOException {
        try (InputStream in = Files.newInputStream(location)) {
            return RsaKeyConverters.x509().convert(in);
        }
    }

    @Bean
    TokenIssuer tokenIssuer(RSAPublicKey publicKey,
                            @Value("${zhenggai.security.private-key}") Path privateKeyLocation,
                            @Value("${zhenggai.security.access-token-ttl:PT15M}") Duration accessTtl,
                            @Value("${zhenggai.security.refresh-token-ttl:PT8H}") Duration refreshTtl,
                            Clock clock)
            throws IOException {
        RSAPrivateKey privateKey;
        try (InputStream in = Files.newInputStream(privateKeyLocation)) {
            privateKey = RsaKeyConverters.pkcs8().convert(in);
        }
        RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        return new TokenIssuer(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk))), accessTtl, refreshTtl,
                clock);
    }

    /** Accepts access tokens only: a refresh token is refused here as at every service. */
    @Bean
    JwtDecoder jwtDecoder(RSAPublicKey publicKey) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TokenClaims.ISSUER),
                new JwtClaimValidator<String>(TokenClaims.TOKEN_TYPE, type -> !TokenClaims.REFRESH.equals(type))));
        return decoder;
    }

    /** Accepts refresh tokens only, for {@code /api/auth/refresh}. */
    @Bean
    RefreshTokenDecoder refreshTokenDecoder(RSAPublicKey publicKey) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TokenClaims.ISSUER),
                new JwtClaimValidator<String>(TokenClaims.TOKEN_TYPE, TokenClaims.REFRESH::equals)));
        return new RefreshTokenDecoder(decoder);
    }

    /** Accepts docs tickets only (ADR 0106): their own issuer and type, never an access or refresh token. */
    @Bean
    DocsAccess docsAccess(RSAPublicKey publicKey, RevokedUsers revoked) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TokenIssuer.DOCS_ISSUER),
                new JwtClaimValidator<String>(TokenClaims.TOKEN_TYPE, TokenIssuer.DOCS::equals)));
        return new DocsAccess(decoder, revoked);
    }

    /** A distinct type so that it never serves as the resource server's decoder. */
    record RefreshTokenDecoder(JwtDecoder decoder) {
    }

    /**
     * Only {@code /actuator/health} is public; the rest of the actuator (metrics, Prometheus) is served to
     * {@code zhenggai.gateway.metrics.trusted-addresses} (default loopback) or to role {@code MONITORING}.
     */
    @Bean
    ActuatorAccess actuatorAccess(
            @Value("${zhenggai.gateway.metrics.trusted-addresses:127.0.0.1,::1}") String trustedAddresses) {
        return new ActuatorAccess(new TrustedAddresses(trustedAddresses));
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, JwtDecoder decoder, ActuatorAccess actuatorAccess,
                                        DocsAccess docsAccess) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> GatewayErrors.write(response,
                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录：缺少或无效的访问令牌");
        AccessDeniedHandler forbidden = (request, response, e) -> GatewayErrors.write(response,
                HttpStatus.FORBIDDEN, "FORBIDDEN_ROLE", "您的角色无权查看网关的运行指标");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny())
                        .contentTypeOptions(c -> { })
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds()))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/auth/login", "/api/auth/refresh", "/api/auth/logout").permitAll()
                        .requestMatchers(HttpMethod.GET, DocsAccess.PAGE, DocsAccess.PAGE + "/").access(docsAccess)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").access(actuatorAccess)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }
}
