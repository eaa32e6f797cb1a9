package cn.zhenggai.report.confidential;

import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.outline.OutlineJson;
import cn.zhenggai.outline.PersonalMatters;
import cn.zhenggai.report.drafting.Commands.SealedMatters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals a personal matters declaration with its person's key (AES-256-GCM, random 96-bit nonce, 128-bit tag; the
 * person and key version are authenticated as associated data) and opens it again while the key exists.
 */
@Component
public class PersonalMattersCipher {

    public static final String ALGORITHM = "AES-256-GCM";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = OutlineJson.mapper();

    private final PersonalKeys keys;

    public PersonalMattersCipher(PersonalKeys keys) {
        this.keys = keys;
    }

    public SealedMatters seal(String person, PersonalMatters matters) {
        PersonalKeys.Key key = keys.current(person);
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key.secret(), nonce, person, key.version());
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(matters));
            Base64.Encoder b64 = Base64.getEncoder();
            return new SealedMatters(person, key.version(), ALGORITHM, b64.encodeToString(nonce),
                    b64.encodeToString(sealed));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot seal personal matters", e);
        }
    }

    /** The declaration, or empty when the person's key was shredded. */
    public Optional<PersonalMatters> open(PersonalMattersDeclared declared) {
        Optional<byte[]> secret = keys.find(declared.person(), declared.keyVersion());
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, secret.get(), b64.decode(declared.nonce()),
                    declared.person(), declared.keyVersion());
            return Optional.of(JSON.readValue(cipher.doFinal(b64.decode(declared.ciphertext())),
                    PersonalMatters.class));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("personal matters of " + declared.reportId() + " fail authentication", e);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot open personal matters of " + declared.reportId(), e);
        }
    }

    private static Cipher cipher(int mode, byte[] secret, byte[] nonce, String person, int version)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD((person + "#" + version).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
