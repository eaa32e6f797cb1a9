package cn.zhenggai.gateway.auth;

import cn.zhenggai.contracts.security.Roles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The user directory. For now it holds the demo accounts of the embedded default (password {@code demo});
 * the full directory with administration comes with the gateway issue.
 */
@Component
public class UserDirectory {

    /** Department of the sample outline: 行政审批局. */
    public static final String SAMPLE_DEPARTMENT = "XZSPJ";

    private final Map<String, DirectoryUser> users;

    public UserDirectory(PasswordEncoder encoder) {
        String demo = encoder.encode("demo");
        users = Stream.of(
                        new DirectoryUser("demo-party", "党委（演示）", demo, "DW", Set.of(Roles.PARTY_COMMITTEE)),
                        new DirectoryUser("demo-audit", "纪检监察（演示）", demo, "JW", Set.of(Roles.DISCIPLINE)),
                        new DirectoryUser("demo-dept", "行政审批局联络员（演示）", demo, SAMPLE_DEPARTMENT,
                                Set.of(Roles.DEPT_LIAISON, Roles.CADRE)),
                        new DirectoryUser("demo-org", "组织部（演示）", demo, "ZZB", Set.of(Roles.ORG_DEPT)))
                .collect(Collectors.toUnmodifiableMap(DirectoryUser::username, Function.identity()));
    }

    public Optional<DirectoryUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }
}
