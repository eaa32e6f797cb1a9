package cn.zhenggai.testsupport;

import java.util.List;

/**
 * A caller of a service in a test: user name (the token's subject), department code, roles and, optionally, the
 * display name the gateway puts in the token.
 */
public record TestUser(String name, String dept, List<String> roles, String displayName) {

    public TestUser(String name, String dept, List<String> roles) {
        this(name, dept, roles, null);
    }
}
