package cn.zhenggai.platform.security;

import cn.zhenggai.contracts.directory.RevokedUsers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * After the token has been validated: a token issued to a user before they were disabled, moved, locked, lost roles
 * or had their password reset is refused with 401 {@code TOKEN_REVOKED} (ADR 0080).
 */
public class RevocationFilter extends OncePerRequestFilter {

    public static final String CODE = "TOKEN_REVOKED";
    public static final String MESSAGE = "登录状态已失效（账号已停用、调整部门、锁定或角色变更），请重新登录";

    private final RevokedUsers revoked;

    public RevocationFilter(RevokedUsers revoked) {
        this.revoked = revoked;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt
                && revoked.refuses(jwt.getSubject(), jwt.getIssuedAt())) {
            ServiceSecurityAutoConfiguration.writeError(response, HttpStatus.UNAUTHORIZED, CODE, MESSAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
