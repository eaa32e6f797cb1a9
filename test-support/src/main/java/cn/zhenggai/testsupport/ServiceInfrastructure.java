package cn.zhenggai.testsupport;

import cn.zhenggai.contracts.security.TokenClaims;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;

/**
 * What a service's Spring Boot test runs against: an embedded PostgreSQL, a Mongo-wire store in memory and an RSA
 * key pair whose public half the service validates tokens with (as it does the gateway's). Register it as a JUnit
 * extension (it stops both stores after the test class) and call {@link #register} from the test's
 * {@code @DynamicPropertySource}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("rectification");
 *
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
 *     INFRASTRUCTURE.register(registry);
 * }
 *
 * private final ApiClient api = INFRASTRUCTURE.client();
 * }</pre>
 */
public final class ServiceInfrastructure implements BeforeAllCallback, AfterAllCallback, Tokens {

    private final String schema;
    private EmbeddedPostgres postgres;
    private MongoServer mongo;
    private KeyPair keys;
    private Environment environment;

    /** @param schema the service's PostgreSQL schema, set as the data source's {@code currentSchema} */
    public ServiceInfrastructure(String schema) {
        this.schema = schema;
    }

    /**
     * Starts PostgreSQL and the Mongo-wire store, creates the key pair and writes its public key to a PEM file, then
     * registers {@code spring.datasource.*}, {@code spring.mongodb.uri} and {@code zhenggai.security.public-key}.
     */
    public void register(DynamicPropertyRegistry registry) throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        Path pem = Files.createTempFile("zhenggai-public", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        EmbeddedPostgres database = postgres;
        registry.add("spring.datasource.url",
                () -> database.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + address.getPort());
        registry.add("zhenggai.security.public-key", pem::toString);
    }

    /** A client for the test's server (its {@code local.server.port}), sending tokens from this key pair. */
    public ApiClient client() {
        return client(this);
    }

    /** A client for the test's server whose callers' tokens come from {@code tokens}. */
    public ApiClient client(Tokens tokens) {
        return new ApiClient(() -> environment.getProperty("local.server.port"), tokens);
    }

    /** The private half of the key pair, for tests that sign tokens of their own. */
    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /**
     * An access token like the gateway's: RS256, issuer {@link TokenClaims#ISSUER}, subject the user name, roles,
     * department and (if any) display name, valid for ten minutes.
     */
    @Override
    public String token(TestUser user) throws Exception {
        Date now = new Date();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TokenClaims.ISSUER).subject(user.name())
                .claim(TokenClaims.ROLES, user.roles()).claim(TokenClaims.DEPARTMENT, user.dept())
                .issueTime(now).expirationTime(new Date(now.getTime() + 600_000));
        if (user.displayName() != null) {
            claims.claim(TokenClaims.DISPLAY_NAME, user.displayName());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    /** Stops the Mongo-wire store and PostgreSQL. */
    public void stop() throws IOException {
        if (mongo != null) {
            mongo.shutdownNow();
            mongo = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        environment = SpringExtension.getApplicationContext(context).getEnvironment();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
    }
}
