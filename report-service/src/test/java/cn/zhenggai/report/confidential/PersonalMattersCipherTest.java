package cn.zhenggai.report.confidential;

import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.outline.PersonalMatters;
import cn.zhenggai.outline.Property;
import cn.zhenggai.report.drafting.Commands.SealedMatters;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalMattersCipherTest {

    private static final PersonalMatters MATTERS = new PersonalMatters("本人没有配备秘书。未配备公务用车。", false, false,
            false, false, false, List.of(new Property("home", "*小区", "*", "*", null, null)), true, false);

    private final InMemoryKeys keys = new InMemoryKeys();
    private final PersonalMattersCipher cipher = new PersonalMattersCipher(keys);

    private static PersonalMattersDeclared declared(SealedMatters sealed) {
        return new PersonalMattersDeclared("r1", "XZSPJ", sealed.person(), sealed.keyVersion(), sealed.algorithm(),
                sealed.nonce(), sealed.ciphertext());
    }

    @Test
    void aSealedDeclarationOpensWithThePersonsKeyAndHidesItsText() {
        SealedMatters sealed = cipher.seal("demo-dept", MATTERS);
        assertThat(sealed.algorithm()).isEqualTo("AES-256-GCM");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("秘书").doesNotContain("secretary");
        assertThat(cipher.open(declared(sealed))).contains(MATTERS);
        assertThat(cipher.seal("demo-dept", MATTERS).nonce()).isNotEqualTo(sealed.nonce());
    }

    @Test
    void aTamperedCiphertextOrAnotherPersonsNameFailsAuthentication() {
        SealedMatters sealed = cipher.seal("demo-dept", MATTERS);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[3] ^= 1;
        PersonalMattersDeclared tampered = new PersonalMattersDeclared("r1", "XZSPJ", "demo-dept", 1, "AES-256-GCM",
                sealed.nonce(), Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> cipher.open(tampered)).hasMessageContaining("fail authentication");
    }

    @Test
    void shreddingThePersonsKeyMakesEveryDeclarationOfTheirsUnreadableForGood() {
        SealedMatters first = cipher.seal("demo-dept", MATTERS);
        SealedMatters other = cipher.seal("someone-else", MATTERS);
        assertThat(keys.shred("demo-dept")).isEqualTo(1);
        assertThat(cipher.open(declared(first))).isEmpty();
        assertThat(cipher.open(declared(other))).contains(MATTERS);
        SealedMatters later = cipher.seal("demo-dept", MATTERS);
        assertThat(later.keyVersion()).isEqualTo(2);
        assertThat(cipher.open(declared(first))).as("a new key never opens the shredded version").isEmpty();
        assertThat(cipher.open(declared(later))).contains(MATTERS);
    }
}
