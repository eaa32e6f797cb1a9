package cn.zhenggai.gateway.directory;

import cn.zhenggai.contracts.security.Roles;
import cn.zhenggai.contracts.security.TokenClaims;
import cn.zhenggai.gateway.GatewayErrors;
import cn.zhenggai.gateway.auth.LoginGuard;
import cn.zhenggai.gateway.auth.RefreshTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Administration of the directory, for the organization department (role {@code ORG_DEPT}) only: users (create,
 * change display name, department and roles, disable and enable, reset password) and departments. Password
 * hashes never leave the gateway. Disabling a user or resetting their password ends their sessions.
 */
@RestController
@RequestMapping("/api/directory")
class DirectoryController {

    private static final Logger log = LoggerFactory.getLogger(DirectoryController.class);

    private final UserDirectory directory;
    private final PasswordEncoder passwords;
    private final RefreshTokens refreshTokens;
    private final LoginGuard guard;
    private final Clock clock;

    DirectoryController(UserDirectory directory, PasswordEncoder passwords, RefreshTokens refreshTokens,
                        LoginGuard guard, Clock clock) {
        this.directory = directory;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.guard = guard;
        this.clock = clock;
    }

    /** Names are one line (ADR 0075): a line break in them is refused, not rewritten. */
    static final String ONE_LINE = "[^\\r\\n]*";
    static final String ONE_LINE_MESSAGE = "只能是一行文字，不能包含换行";

    record CreateUserRequest(@NotBlank @Size(max = 64) String username,
                             @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                             String displayName,
                             @NotBlank @Size(max = 40) String department,
                             @NotEmpty @Size(max = 6) Set<@NotBlank String> roles,
                             @NotNull @Size(max = 128) String password) {
    }

    record UpdateUserRequest(@NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                             String displayName,
                             @NotBlank @Size(max = 40) String department,
                             @NotEmpty @Size(max = 6) Set<@NotBlank String> roles) {
    }

    record PasswordRequest(@NotNull @Size(max = 128) String password) {
    }

    record DepartmentRequest(@NotBlank @Size(max = 40) String code,
                             @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                             String name) {
    }

    @GetMapping("/users")
    Map<String, Object> users(@RequestParam(name = "department", required = false) String department,
                              @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        List<Map<String, Object>> users = directory.list(department).stream().map(DirectoryController::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", users.size());
        body.put("users", users);
        return body;
    }

    @GetMapping("/users/{username}")
    Map<String, Object> user(@PathVariable String username, @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        return view(require(username));
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@Valid @RequestBody CreateUserRequest request, @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        String username = request.username().strip();
        if (!UserDirectory.USERNAME.matcher(username).matches()) {
            throw new GatewayErrors.Refused(HttpStatus.BAD_REQUEST, "INVALID_USERNAME",
                    "用户名须为3至64位小写字母、数字或 . _ -，以字母开头");
        }
        checkDepartmentAndRoles(request.department(), request.roles());
        PasswordPolicy.check(username, request.password());
        DirectoryUser user = new DirectoryUser(username, request.displayName().strip(),
                passwords.encode(request.password()), request.department(), request.roles(), true);
        if (!directory.create(user, clock.instant())) {
            throw new GatewayErrors.Refused(HttpStatus.CONFLICT, "USERNAME_TAKEN", "用户名已存在：" + username);
        }
        log.info("User {} ({} {}) created by {}", username, request.department(), request.roles(), caller.getSubject());
        return view(user);
    }

    @PutMapping("/users/{username}")
    Map<String, Object> update(@PathVariable String username, @Valid @RequestBody UpdateUserRequest request,
                               @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        require(username);
        checkDepartmentAndRoles(request.department(), request.roles());
        if (username.equals(caller.getSubject()) && !request.roles().contains(Roles.ORG_DEPT)) {
            throw new GatewayErrors.Refused(HttpStatus.CONFLICT, "CANNOT_CHANGE_SELF",
                    "不能取消自己的组织部角色，请由其他管理员操作");
        }
        directory.update(username, request.displayName().strip(), request.department(), request.roles(),
                clock.instant());
        log.info("User {} changed to {} {} by {}", username, request.department(), request.roles(), caller.getSubject());
        return view(require(username));
    }

    @PostMapping("/users/{username}/disable")
    Map<String, Object> disable(@PathVariable String username, @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        require(username);
        if (username.equals(caller.getSubject())) {
            throw new GatewayErrors.Refused(HttpStatus.CONFLICT, "CANNOT_CHANGE_SELF", "不能停用自己的账号");
        }
        directory.setEnabled(username, false, clock.instant());
        int ended = refreshTokens.revokeUser(username, "DISABLED", clock.instant());
        log.info("User {} disabled by {} ({} refresh token(s) revoked)", username, caller.getSubject(), ended);
        return view(require(username));
    }

    @PostMapping("/users/{username}/enable")
    Map<String, Object> enable(@PathVariable String username, @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        require(username);
        directory.setEnabled(username, true, clock.instant());
        log.info("User {} enabled by {}", username, caller.getSubject());
        return view(require(username));
    }

    /** Sets a new password chosen by the administrator; unlocks the account and ends its sessions. */
    @PostMapping("/users/{username}/password")
    Map<String, Object> resetPassword(@PathVariable String username, @Valid @RequestBody PasswordRequest request,
                                      @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        require(username);
        PasswordPolicy.check(username, request.password());
        directory.setPasswordHash(username, passwords.encode(request.password()), clock.instant());
        guard.unlock(username);
        refreshTokens.revokeUser(username, "PASSWORD_RESET", clock.instant());
        log.info("Password of {} reset by {}", username, caller.getSubject());
        return view(require(username));
    }

    /** Departments are not secret: every signed-in user may read the list (the UI shows their names). */
    @GetMapping("/departments")
    Map<String, Object> departments() {
        List<UserDirectory.Department> all = directory.departments();
        return Map.of("count", all.size(), "departments", all);
    }

    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    UserDirectory.Department createDepartment(@Valid @RequestBody DepartmentRequest request,
                                              @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        if (!UserDirectory.DEPARTMENT.matcher(request.code()).matches()) {
            throw new GatewayErrors.Refused(HttpStatus.BAD_REQUEST, "INVALID_DEPARTMENT",
                    "部门代码须为2至40位大写字母、数字或下划线，以字母开头");
        }
        UserDirectory.Department department = new UserDirectory.Department(request.code(), request.name().strip());
        if (!directory.createDepartment(department)) {
            throw new GatewayErrors.Refused(HttpStatus.CONFLICT, "DEPARTMENT_TAKEN", "部门代码已存在：" + request.code());
        }
        log.info("Department {} ({}) created by {}", department.code(), department.name(), caller.getSubject());
        return department;
    }

    private void checkDepartmentAndRoles(String department, Set<String> roles) {
        if (directory.department(department).isEmpty()) {
            throw new GatewayErrors.Refused(HttpStatus.BAD_REQUEST, "UNKNOWN_DEPARTMENT", "部门不存在：" + department);
        }
        Set<String> unknown = new TreeSet<>(roles);
        unknown.removeAll(Roles.ALL);
        if (!unknown.isEmpty()) {
            throw new GatewayErrors.Refused(HttpStatus.BAD_REQUEST, "UNKNOWN_ROLE", "角色不存在：" + unknown);
        }
    }

    private DirectoryUser require(String username) {
        return directory.find(username).orElseThrow(() -> new GatewayErrors.Refused(HttpStatus.NOT_FOUND,
                "USER_NOT_FOUND", "用户不存在：" + username));
    }

    static void requireOrgDept(Jwt caller) {
        List<String> roles = caller.getClaimAsStringList(TokenClaims.ROLES);
        if (roles == null || !roles.contains(Roles.ORG_DEPT)) {
            throw new GatewayErrors.Refused(HttpStatus.FORBIDDEN, "FORBIDDEN_ROLE", "只有组织部可以管理用户和部门");
        }
    }

    private static Map<String, Object> view(DirectoryUser user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", user.username());
        view.put("displayName", user.displayName());
        view.put("department", user.department());
        view.put("roles", new TreeSet<>(user.roles()));
        view.put("enabled", user.enabled());
        return view;
    }
}
