package cn.zhenggai.gateway.auth;

import cn.zhenggai.gateway.GatewayErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/login} and {@code /api/auth/refresh}. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final UserDirectory directory;
    private final PasswordEncoder passwords;
    private final TokenIssuer issuer;
    private final JwtDecoder refreshTokens;

    AuthController(UserDirectory directory, PasswordEncoder passwords, TokenIssuer issuer,
                   SecurityConfig.RefreshTokenDecoder refreshTokens) {
        this.directory = directory;
        this.passwords = passwords;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens.decoder();
    }

    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 4096) String refreshToken) {
    }

    @PostMapping("/login")
    TokenIssuer.Tokens login(@Valid @RequestBody LoginRequest request) {
        DirectoryUser user = directory.find(request.username())
                .filter(u -> passwords.matches(request.password(), u.passwordHash()))
                .orElseThrow(() -> new GatewayErrors.Refused(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS",
                        "用户名或密码错误"));
        return issuer.issue(user);
    }

    @PostMapping("/refresh")
    TokenIssuer.Tokens refresh(@Valid @RequestBody RefreshRequest request) {
        Jwt token;
        try {
            token = refreshTokens.decode(request.refreshToken());
        } catch (JwtException e) {
            throw new GatewayErrors.Refused(HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN", "登录已过期，请重新登录");
        }
        DirectoryUser user = directory.find(token.getSubject())
                .orElseThrow(() -> new GatewayErrors.Refused(HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN",
                        "用户不存在"));
        return issuer.issue(user);
    }
}
