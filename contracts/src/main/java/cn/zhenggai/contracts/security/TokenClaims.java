package cn.zhenggai.contracts.security;

/**
 * The access token contract between the gateway (which signs tokens) and every service (which validates them
 * itself with the gateway's public key). Tokens are RS256-signed JWTs.
 */
public final class TokenClaims {

    /** Issuer of every access token. */
    public static final String ISSUER = "zhenggai-gateway";
    /** Claim holding the user's roles, names from {@link Role}. */
    public static final String ROLES = "roles";
    /** Claim holding the code of the user's department. */
    public static final String DEPARTMENT = "dept";
    /** Claim set to {@link #REFRESH} on refresh tokens, which are never accepted as access tokens. */
    public static final String TOKEN_TYPE = "typ";
    public static final String REFRESH = "refresh";
    /** Claim holding the user's display name (Chinese). */
    public static final String DISPLAY_NAME = "name";

    private TokenClaims() {
    }
}
