package cn.zhenggai.gateway.auth;

import cn.zhenggai.contracts.security.TokenClaims;
import cn.zhenggai.gateway.directory.DirectoryUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Issues RS256-signed access tokens (short-lived) and refresh tokens (longer, usable only to refresh). */
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Clock clock;

    public TokenIssuer(JwtEncoder encoder, Duration accessTtl, Duration refreshTtl, Clock clock) {
        this.encoder = encoder;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
        this.clock = clock;
    }

    /** The answer of login and refresh (field names are a public interface). */
    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
    }

    /** Tokens plus what the gateway records about the refresh token. */
    public record Issued(Tokens tokens, String refreshTokenId, Instant issuedAt, Instant refreshExpiresAt) {
    }

    public Issued issue(DirectoryUser user) {
        Instant now = clock.instant();
        JwtClaimsSet access = JwtClaimsSet.builder()
                .issuer(TokenClaims.ISSUER)
                .subject(user.username())
                .issuedAt(now)
                .expiresAt(now.plus(accessTtl))
                .id(UUID.randomUUID().toString())
                .claim(TokenClaims.ROLES, List.copyOf(user.roles()))
                .claim(TokenClaims.DEPARTMENT, user.department())
                .claim(TokenClaims.DISPLAY_NAME, user.displayName())
                .build();
        String refreshId = UUID.randomUUID().toString();
        Instant refreshExpires = now.plus(refreshTtl);
        JwtClaimsSet refresh = JwtClaimsSet.builder()
                .issuer(TokenClaims.ISSUER)
                .subject(user.username())
                .issuedAt(now)
                .expiresAt(refreshExpires)
                .id(refreshId)
                .claim(TokenClaims.TOKEN_TYPE, TokenClaims.REFRESH)
                .build();
        return new Issued(new Tokens(sign(access), sign(refresh), accessTtl.toSeconds()), refreshId, now,
                refreshExpires);
    }

    /** The issuer of docs tickets: no decoder of access tokens accepts it (they require {@link TokenClaims#ISSUER}). */
    public static final String DOCS_ISSUER = TokenClaims.ISSUER + "/docs";
    /** The {@code typ} of a docs ticket. */
    public static final String DOCS = "docs";

    /** A docs ticket and how long it holds. */
    public record Ticket(String value, Duration lifetime) {
    }

    /**
     * A ticket that opens the Swagger UI page for {@code username} by a browser navigation (ADR 0106): signed like
     * the tokens, as long-lived as an access token, of its own issuer and type so that it is never an access token.
     */
    public Ticket docsTicket(String username) {
        Instant now = clock.instant();
        JwtClaimsSet ticket = JwtClaimsSet.builder()
                .issuer(DOCS_ISSUER)
                .subject(username)
                .issuedAt(now)
                .expiresAt(now.plus(accessTtl))
                .id(UUID.randomUUID().toString())
                .claim(TokenClaims.TOKEN_TYPE, DOCS)
                .build();
        return new Ticket(sign(ticket), accessTtl);
    }

    private String sign(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
