package cn.zhenggai.gateway.auth;

import java.util.Set;

/** A user of the platform: BCrypt password hash, department, roles. */
public record DirectoryUser(String username, String displayName, String passwordHash, String department,
                            Set<String> roles) {
}
