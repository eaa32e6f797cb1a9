package cn.zhenggai.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The gateway's token signing key pair as PEM files ({@code private.pem} PKCS#8, {@code public.pem} X.509).
 * The embedded default generates them on first start; they never enter the repository.
 */
public final class Keys {

    private Keys() {
    }

    /** {@code java -cp dev-stack.jar cn.zhenggai.devstack.Keys DIR}: creates the key pair in DIR if missing. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Keys DIR");
            System.exit(2);
        }
        System.out.println("token keys in " + ensure(Path.of(args[0])).toAbsolutePath());
    }

    /** Creates the key pair in {@code dir} unless both files already exist; returns {@code dir}. */
    public static Path ensure(Path dir) throws IOException {
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            return dir;
        }
        Files.createDirectories(dir);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
        Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return dir;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
