package cn.zhenggai.gateway.auth;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.directory.UserLocked;
import cn.zhenggai.gateway.GatewayErrors;
import cn.zhenggai.gateway.directory.DirectoryOutbox;
import cn.zhenggai.gateway.directory.DirectoryUser;
import cn.zhenggai.gateway.directory.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Login, refresh with rotation and reuse detection, logout. Unknown user, wrong password and (before the password
 * is known to be right) disabled user get the same answer, after the same BCrypt work.
 */
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final UserDirectory directory;
    private final PasswordEncoder passwords;
    private final TokenIssuer issuer;
    private final JwtDecoder refreshDecoder;
    private final RefreshTokens refreshTokens;
    private final LoginGuard guard;
    private final Clock clock;
    private final String noSuchUserHash;
    private final DirectoryOutbox outbox;

    public Sessions(UserDirectory directory, PasswordEncoder passwords, TokenIssuer issuer, JwtDecoder refreshDecoder,
                    RefreshTokens refreshTokens, LoginGuard guard, Clock clock, DirectoryOutbox outbox) {
        this.outbox = outbox;
        this.directory = directory;
        this.passwords = passwords;
        this.issuer = issuer;
        this.refreshDecoder = refreshDecoder;
        this.refreshTokens = refreshTokens;
        this.guard = guard;
        this.clock = clock;
        this.noSuchUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    public TokenIssuer.Tokens login(String username, String password, String clientAddress) {
        guard.checkRate(clientAddress, username);
        guard.checkNotLocked(username);
        Optional<DirectoryUser> found = directory.find(username);
        boolean matches = passwords.matches(password, found.map(DirectoryUser::passwordHash).orElse(noSuchUserHash));
        if (found.isEmpty() || !matches) {
            try {
                guard.recordFailure(username);
            } catch (GatewayErrors.Refused locked) {
                // an existing account just got locked: its earlier access tokens are refused everywhere (ADR 0080)
                found.ifPresent(user -> outbox.user(user.username(), user.department(), DirectoryOutbox.SYSTEM,
                        new UserLocked(user.username(), user.department(), guard.lockedUntil(username)
                                .map(Object::toString).orElse(null), guard.maxFailures())));
                log.info("Account '{}' locked after repeated failed logins from {}", user(found), clientAddress);
                throw locked;
            }
            log.info("Failed login for '{}' from {}", printable(username), clientAddress);
            throw badCredentials();
        }
        DirectoryUser user = found.get();
        if (!user.enabled()) {
            throw Refusal.forbidden("ACCOUNT_DISABLED", "账号已停用，请联系组织部");
        }
        guard.recordSuccess(username);
        return start(user, UUID.randomUUID().toString());
    }

    public TokenIssuer.Tokens refresh(String refreshToken) {
        Jwt token = decode(refreshToken);
        // refused while locked, before the refresh token is used up: it works again once the lock has run out
        guard.checkNotLocked(token.getSubject());
        RefreshTokens.Outcome outcome = refreshTokens.use(token.getId(), token.getSubject(), clock.instant());
        switch (outcome.use()) {
            case OK -> {
            }
            case REUSED -> {
                log.warn("Refresh token of '{}' presented twice: session family {} revoked", token.getSubject(),
                        outcome.familyId());
                throw new GatewayErrors.Refused(HttpStatus.UNAUTHORIZED, "REFRESH_TOKEN_REUSED",
                        "登录凭证已被使用过，为安全起见该会话已注销，请重新登录");
            }
            default -> throw new GatewayErrors.Refused(HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN",
                    "登录已失效，请重新登录");
        }
        DirectoryUser user = directory.find(token.getSubject()).filter(DirectoryUser::enabled)
                .orElseThrow(() -> {
                    refreshTokens.revokeFamily(outcome.familyId(), "DISABLED", clock.instant());
                    return new GatewayErrors.Refused(HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN",
                            "账号不存在或已停用，请联系组织部");
                });
        return start(user, outcome.familyId());
    }

    /** Revokes the session (token family) the refresh token belongs to. Idempotent. */
    public void logout(String refreshToken) {
        Jwt token = decode(refreshToken);
        String family = refreshTokens.familyOf(token.getId(), token.getSubject());
        if (family != null) {
            refreshTokens.revokeFamily(family, "LOGOUT", clock.instant());
        }
    }

    private TokenIssuer.Tokens start(DirectoryUser user, String familyId) {
        TokenIssuer.Issued issued = issuer.issue(user);
        refreshTokens.record(issued.refreshTokenId(), familyId, user.username(), issued.issuedAt(),
                issued.refreshExpiresAt());
        return issued.tokens();
    }

    private Jwt decode(String refreshToken) {
        try {
            Jwt token = refreshDecoder.decode(refreshToken);
            if (token.getId() == null || token.getSubject() == null) {
                throw new JwtException("no jti or sub");
            }
            return token;
        } catch (JwtException e) {
            throw new GatewayErrors.Refused(HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN", "登录已过期，请重新登录");
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void forgetOld() {
        int tokens = refreshTokens.forgetExpired(clock.instant().minus(Duration.ofDays(1)));
        int failures = guard.forgetOld(Duration.ofDays(1));
        if (tokens + failures > 0) {
            log.info("Forgot {} expired refresh token(s) and {} old login failure count(s)", tokens, failures);
        }
    }

    static GatewayErrors.Refused badCredentials() {
        return new GatewayErrors.Refused(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "用户名或密码错误");
    }

    private static String user(Optional<DirectoryUser> found) {
        return found.map(DirectoryUser::username).orElse("?");
    }

    private static String printable(String username) {
        String cleaned = username.replaceAll("[^\\p{L}\\p{N}._@-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
