package cn.zhenggai.gateway.auth;

import cn.zhenggai.contracts.security.TokenClaims;
import cn.zhenggai.gateway.GatewayErrors;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;

/**
 * Login issues RS256 tokens signed with the gateway's private key; every request to {@code /api/**} except
 * login and refresh needs a valid access token here and again at the service it is routed to.
 */
@Configuration
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
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
                            @Value("${zhenggai.security.refresh-token-ttl:PT8H}") Duration refreshTtl)
            throws IOException {
        RSAPrivateKey privateKey;
        try (InputStream in = Files.newInputStream(privateKeyLocation)) {
            privateKey = RsaKeyConverters.pkcs8().convert(in);
        }
        RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        return new TokenIssuer(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk))), accessTtl, refreshTtl,
                Clock.systemUTC());
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

    /** A distinct type so that it never serves as the resource server's decoder. */
    record RefreshTokenDecoder(JwtDecoder decoder) {
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, JwtDecoder decoder) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/auth/login", "/api/auth/refresh").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint((request, response, e) -> GatewayErrors.write(response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录：缺少或无效的访问令牌")));
        return http.build();
    }
}
