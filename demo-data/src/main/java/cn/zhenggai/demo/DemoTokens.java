package cn.zhenggai.demo;

import cn.zhenggai.contracts.security.TokenClaims;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens for the demo's generated cadres and liaisons of other departments, signed with the embedded
 * stack's own token key ({@code data/keys/private.pem}, which the dev stack created): the user directory holds only
 * the four demo accounts, and the demo needs people in a dozen departments. Same claims as the gateway's tokens;
 * every request still goes through the gateway and each service checks the token itself.
 */
public final class DemoTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    public DemoTokens(Path keysDir) throws IOException {
        String pem = Files.readString(keysDir.resolve("private.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        try {
            this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IOException("the token key in " + keysDir + " is not readable", e);
        }
    }

    /** An RS256 access token for one hour. */
    public String token(String username, String displayName, String department, List<String> roles)
            throws IOException {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TokenClaims.ISSUER);
        claims.put("sub", username);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put(TokenClaims.ROLES, roles);
        claims.put(TokenClaims.DEPARTMENT, department);
        claims.put(TokenClaims.DISPLAY_NAME, displayName);
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = B64.encodeToString(JSON.writeValueAsBytes(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign a demo token", e);
        }
    }
}
