package cn.zhenggai.gateway.docs;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.gateway.auth.TokenIssuer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/docs/ticket}: for the signed-in caller, sets the docs ticket cookie that lets this browser open
 * {@code /api/docs/ui} by a plain navigation for as long as an access token lives (204, ADR 0106). HttpOnly,
 * SameSite=Strict, path {@code /api/docs/ui} (Secure when the request came over HTTPS).
 */
@RestController
public class DocsTicketController {

    private final TokenIssuer issuer;

    public DocsTicketController(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @ErrorCodes
    @PostMapping("/api/docs/ticket")
    public ResponseEntity<Void> ticket(@AuthenticationPrincipal Jwt caller, HttpServletRequest request) {
        TokenIssuer.Ticket ticket = issuer.docsTicket(caller.getSubject());
        ResponseCookie cookie = ResponseCookie.from(DocsAccess.COOKIE, ticket.value()).path(DocsAccess.PAGE)
                .httpOnly(true).sameSite("Strict").secure(request.isSecure()).maxAge(ticket.lifetime()).build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }
}
