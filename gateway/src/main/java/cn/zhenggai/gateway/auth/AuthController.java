package cn.zhenggai.gateway.auth;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.gateway.GatewayErrors;
import cn.zhenggai.gateway.directory.DirectoryUser;
import cn.zhenggai.gateway.directory.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.SortedSet;
import java.util.TreeSet;

/** {@code POST /api/auth/login}, {@code /refresh}, {@code /logout} and {@code GET /api/auth/me}. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final Sessions sessions;
    private final UserDirectory directory;

    AuthController(Sessions sessions, UserDirectory directory) {
        this.sessions = sessions;
        this.directory = directory;
    }

    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    /** The answer of {@code GET /api/auth/me}: who the caller is, their department's name and roles (by name). */
    record Me(String username, String displayName, String department, String departmentName,
              SortedSet<String> roles) {
    }

    record RefreshRequest(@NotBlank @Size(max = 4096) String refreshToken) {
    }

    @ErrorCodes(unauthorized = "BAD_CREDENTIALS", forbidden = "ACCOUNT_DISABLED", locked = "ACCOUNT_LOCKED",
            tooMany = "RATE_LIMITED", signedIn = false)
    @PostMapping("/login")
    TokenIssuer.Tokens login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return sessions.login(request.username(), request.password(), http.getRemoteAddr());
    }

    @ErrorCodes(unauthorized = {"INVALID_REFRESH_TOKEN", "REFRESH_TOKEN_REUSED"}, signedIn = false)
    @PostMapping("/refresh")
    TokenIssuer.Tokens refresh(@Valid @RequestBody RefreshRequest request) {
        return sessions.refresh(request.refreshToken());
    }

    /** Ends the session of the refresh token; its access token lapses within its short lifetime (ADR 0061). */
    @ErrorCodes(signedIn = false)
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        sessions.logout(request.refreshToken());
    }

    /** Who the access token's holder is, as the directory says now (for the UI's header and menus). */
    @ErrorCodes
    @GetMapping("/me")
    Me me(@AuthenticationPrincipal Jwt token) {
        DirectoryUser user = directory.find(token.getSubject()).filter(DirectoryUser::enabled)
                .orElseThrow(() -> new GatewayErrors.Refused(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                        "账号不存在或已停用"));
        return new Me(user.username(), user.displayName(), user.department(),
                directory.department(user.department()).map(UserDirectory.Department::name)
                        .orElse(user.department()), new TreeSet<>(user.roles()));
    }
}
