package cn.zhenggai.gateway.monitoring;

import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.contracts.security.TokenClaims;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.List;
import java.util.function.Supplier;

/**
 * Who may read the gateway's actuator beyond {@code /actuator/health}: a request from a trusted address, or a
 * signed-in user with role {@link Role#MONITORING}. Everyone else is refused (401 without a token, 403 with one).
 */
public final class ActuatorAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final TrustedAddresses trusted;

    public ActuatorAccess(TrustedAddresses trusted) {
        this.trusted = trusted;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        if (trusted.trusts(context.getRequest().getRemoteAddr())) {
            return new AuthorizationDecision(true);
        }
        Authentication caller = authentication.get();
        boolean monitoring = caller != null && caller.isAuthenticated() && caller.getPrincipal() instanceof Jwt jwt
                && roles(jwt).contains(Role.MONITORING.name());
        return new AuthorizationDecision(monitoring);
    }

    private static List<String> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
        return roles == null ? List.of() : roles;
    }
}
