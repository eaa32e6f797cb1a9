package cn.zhenggai.gateway.directory;

import cn.zhenggai.contracts.refusal.Refusal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for passwords set by an administrator: 10 to 64 characters and at most 72 bytes in UTF-8 (BCrypt reads no
 * further), at least three of lower-case letters, upper-case letters, digits and other characters (Chinese
 * characters count as other), not containing the username, not one of the well-known passwords.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;

    private static final Set<String> WELL_KNOWN = Set.of("password123", "password1234", "1234567890",
            "12345678910", "qwertyuiop", "qwerty12345", "abc1234567", "admin12345", "zhenggai123", "zhenggai2022",
            "zhenggai2023", "p@ssw0rd12", "passw0rd12", "a123456789", "1qaz2wsx3edc", "1q2w3e4r5t");

    private PasswordPolicy() {
    }

    /** Refuses a weak password with {@code WEAK_PASSWORD} (400) and the rule it breaks. */
    public static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw weak("密码长度须为" + MIN_LENGTH + "至" + MAX_LENGTH + "个字符（汉字按3个字节计，总长不超过"
                    + MAX_BYTES + "字节）");
        }
        if (!password.strip().equals(password)) {
            throw weak("密码首尾不能有空格");
        }
        int classes = 0;
        classes += password.chars().anyMatch(c -> c >= 'a' && c <= 'z') ? 1 : 0;
        classes += password.chars().anyMatch(c -> c >= 'A' && c <= 'Z') ? 1 : 0;
        classes += password.chars().anyMatch(c -> c >= '0' && c <= '9') ? 1 : 0;
        classes += password.chars().anyMatch(c -> !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')
                && !(c >= '0' && c <= '9')) ? 1 : 0;
        if (classes < 3) {
            throw weak("密码须至少包含小写字母、大写字母、数字、其他字符中的三类");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw weak("密码不能包含用户名");
        }
        if (WELL_KNOWN.contains(lower) || password.chars().distinct().count() < 5) {
            throw weak("密码过于简单，容易被猜中");
        }
    }

    private static Refusal weak(String message) {
        return Refusal.invalid("WEAK_PASSWORD", message);
    }
}
