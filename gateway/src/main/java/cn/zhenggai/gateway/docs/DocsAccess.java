package cn.zhenggai.gateway.docs;

import cn.zhenggai.contracts.directory.RevokedUsers;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.function.Supplier;

/**
 * Who may open the Swagger UI page {@code GET /api/docs/ui} (ADR 0106): a signed-in user, by the access token as
 * everywhere under {@code /api/**}, or by the docs ticket cookie ({@link #COOKIE}) the web UI obtained with that
 * token just before it opened the page in a new tab (a browser navigation sends no bearer token). The ticket is
 * signed by the gateway, lives as long as an access token, names its holder, is refused as soon as its holder's
 * earlier tokens are ({@link RevokedUsers}), and is no access token anywhere (another issuer). Everyone else gets the
 * usual 401. The documents themselves still need the bearer token.
 */
public final class DocsAccess implements AuthorizationManager<RequestAuthorizationContext> {

    /** The cookie's name; its path is the page's, so it goes nowhere else. */
    public static final String COOKIE = "zhenggai_docs";
    /** The page it opens. */
    public static final String PAGE = "/api/docs/ui";

    private final JwtDecoder tickets;
    private final RevokedUsers revoked;

    public DocsAccess(JwtDecoder tickets, RevokedUsers revoked) {
        this.tickets = tickets;
        this.revoked = revoked;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
            return new AuthorizationDecision(true);
        }
        return new AuthorizationDecision(ticketHolds(context.getRequest()));
    }

    private boolean ticketHolds(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                try {
                    Jwt ticket = tickets.decode(cookie.getValue());
                    if (!revoked.refuses(ticket.getSubject(), ticket.getIssuedAt())) {
                        return true;
                    }
                } catch (JwtException notATicket) {
                    // expired, forged or another kind of token: not a ticket
                }
            }
        }
        return false;
    }
}
