package cn.zhenggai.gateway.directory;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.contracts.directory.DepartmentRegistered;
import cn.zhenggai.contracts.directory.DepartmentRenamed;
import cn.zhenggai.contracts.directory.PasswordReset;
import cn.zhenggai.contracts.directory.RoleGrantProposed;
import cn.zhenggai.contracts.directory.RolesGranted;
import cn.zhenggai.contracts.directory.RolesRevoked;
import cn.zhenggai.contracts.directory.UserDisabled;
import cn.zhenggai.contracts.directory.UserEnabled;
import cn.zhenggai.contracts.directory.UserMovedDepartment;
import cn.zhenggai.contracts.directory.UserRegistered;
import cn.zhenggai.contracts.directory.UserRenamed;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.contracts.security.TokenClaims;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Administration of the directory, for the organization department (role {@code ORG_DEPT}) only: users (create,
 * change display name, department and roles, disable and enable, reset password) and departments. Password
 * hashes never leave the gateway. Disabling a user or resetting their password ends their sessions.
 * <p>
 * Every change is recorded as a directory event in the outbox, in the same transaction (ADR 0078). No one changes
 * their own roles; the roles of {@link RoleGrants#NEEDS_APPROVAL} are only proposed here and take effect when a
 * second person approves them ({@link GrantController}, ADR 0079).
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
    private final DirectoryOutbox outbox;
    private final RoleGrants grants;
    private final TransactionTemplate tx;

    DirectoryController(UserDirectory directory, PasswordEncoder passwords, RefreshTokens refreshTokens,
                        LoginGuard guard, Clock clock, DirectoryOutbox outbox, RoleGrants grants,
                        PlatformTransactionManager transactions) {
        this.directory = directory;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.guard = guard;
        this.clock = clock;
        this.outbox = outbox;
        this.grants = grants;
        this.tx = new TransactionTemplate(transactions);
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

    record RenameDepartmentRequest(@NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                                   String name) {
    }

    @ErrorCodes(forbidden = "FORBIDDEN_ROLE")
    @GetMapping("/users")
    DirectoryLists.Users users(@RequestParam(name = "department", required = false) String department,
                               @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        List<UserView> users = directory.list(department).stream().map(UserView::of).toList();
        return new DirectoryLists.Users(users.size(), users);
    }

    @ErrorCodes(forbidden = "FORBIDDEN_ROLE", notFound = "USER_NOT_FOUND")
    @GetMapping("/users/{username}")
    UserView user(@PathVariable String username, @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        return UserView.of(require(username));
    }

    @ErrorCodes(badRequest = {"INVALID_USERNAME", "UNKNOWN_DEPARTMENT", "UNKNOWN_ROLE", "WEAK_PASSWORD"},
            forbidden = "FORBIDDEN_ROLE", conflict = {"USERNAME_TAKEN", "GRANT_ALREADY_PENDING"})
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@Valid @RequestBody CreateUserRequest request, @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        String username = request.username().strip();
        if (!UserDirectory.USERNAME.matcher(username).matches()) {
            throw Refusal.invalid("INVALID_USERNAME",
                    "用户名须为3至64位小写字母、数字或 . _ -，以字母开头");
        }
        checkDepartmentAndRoles(request.department(), request.roles());
        PasswordPolicy.check(username, request.password());
        Set<String> now = new TreeSet<>(request.roles());
        now.removeAll(RoleGrants.NEEDS_APPROVAL);
        Set<String> proposed = new TreeSet<>(request.roles());
        proposed.retainAll(RoleGrants.NEEDS_APPROVAL);
        DirectoryUser user = new DirectoryUser(username, request.displayName().strip(),
                passwords.encode(request.password()), request.department(), now, true);
        String actor = caller.getSubject();
        GrantView pending = tx.execute(status -> {
            if (!directory.create(user, clock.instant())) {
                throw Refusal.conflict("USERNAME_TAKEN", "用户名已存在：" + username);
            }
            outbox.user(username, user.department(), actor, new UserRegistered(username, user.displayName(),
                    user.department(), List.copyOf(now), actor));
            return proposed.isEmpty() ? null : propose(user, proposed, actor);
        });
        log.info("User {} ({} {}, proposed {}) created by {}", username, request.department(), now, proposed, actor);
        return withPending(UserView.of(user), pending);
    }

    @ErrorCodes(badRequest = {"UNKNOWN_DEPARTMENT", "UNKNOWN_ROLE"},
            forbidden = {"FORBIDDEN_ROLE", "CANNOT_CHANGE_OWN_ROLES"}, notFound = "USER_NOT_FOUND",
            conflict = "GRANT_ALREADY_PENDING")
    @PutMapping("/users/{username}")
    UserView update(@PathVariable String username, @Valid @RequestBody UpdateUserRequest request,
                    @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        require(username);
        checkDepartmentAndRoles(request.department(), request.roles());
        String actor = caller.getSubject();
        GrantView pending = tx.execute(status -> {
            DirectoryUser before = directory.findForUpdate(username).orElseThrow();
            if (username.equals(actor) && !request.roles().equals(before.roles())) {
                throw cannotChangeOwnRoles();
            }
            Set<String> removed = new TreeSet<>(before.roles());
            removed.removeAll(request.roles());
            Set<String> added = new TreeSet<>(request.roles());
            added.removeAll(before.roles());
            Set<String> proposed = new TreeSet<>(added);
            proposed.retainAll(RoleGrants.NEEDS_APPROVAL);
            added.removeAll(proposed);
            Set<String> roles = new TreeSet<>(before.roles());
            roles.removeAll(removed);
            roles.addAll(added);
            String displayName = request.displayName().strip();
            directory.update(username, displayName, request.department(), roles, clock.instant());
            if (!request.department().equals(before.department())) {
                outbox.user(username, request.department(), actor,
                        new UserMovedDepartment(username, before.department(), request.department(), actor));
            }
            if (!displayName.equals(before.displayName())) {
                outbox.user(username, request.department(), actor,
                        new UserRenamed(username, request.department(), displayName, actor));
            }
            if (!removed.isEmpty()) {
                outbox.user(username, request.department(), actor,
                        new RolesRevoked(username, request.department(), List.copyOf(removed), actor));
            }
            if (!added.isEmpty()) {
                outbox.user(username, request.department(), actor,
                        new RolesGranted(username, request.department(), List.copyOf(added), actor, null));
            }
            return proposed.isEmpty() ? null
                    : propose(directory.find(username).orElseThrow(), proposed, actor);
        });
        log.info("User {} changed to {} {} by {}", username, request.department(), request.roles(), actor);
        return withPending(UserView.of(require(username)), pending);
    }

    /** Records a grant of roles that need approval, refusing one that repeats a pending grant's roles. */
    private GrantView propose(DirectoryUser user, Set<String> roles, String actor) {
        Set<String> already = grants.pendingRolesOf(user.username());
        already.retainAll(roles);
        if (!already.isEmpty()) {
            throw Refusal.conflict("GRANT_ALREADY_PENDING",
                    "该用户已有待批准的授权：" + already + "，请先批准或驳回");
        }
        RoleGrants.Grant grant = new RoleGrants.Grant("grt-" + UUID.randomUUID(), user.username(), roles, actor,
                clock.instant(), RoleGrants.Status.PENDING, null, null, null);
        grants.propose(grant);
        outbox.grant(grant.grantId(), user.department(), actor, new RoleGrantProposed(grant.grantId(),
                user.username(), user.department(), List.copyOf(new TreeSet<>(roles)), actor));
        return GrantView.of(grant, user, directory);
    }

    private static UserView withPending(UserView view, GrantView pending) {
        return pending == null ? view : view.withPending(pending);
    }

    static Refusal cannotChangeOwnRoles() {
        return Refusal.forbidden("CANNOT_CHANGE_OWN_ROLES",
                "不能修改自己的角色，须由其他管理员办理");
    }

    @ErrorCodes(forbidden = "FORBIDDEN_ROLE", notFound = "USER_NOT_FOUND", conflict = "CANNOT_CHANGE_SELF")
    @PostMapping("/users/{username}/disable")
    UserView disable(@PathVariable String username, @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        require(username);
        if (username.equals(caller.getSubject())) {
            throw Refusal.conflict("CANNOT_CHANGE_SELF", "不能停用自己的账号");
        }
        int ended = tx.execute(status -> {
            DirectoryUser before = directory.findForUpdate(username).orElseThrow();
            directory.setEnabled(username, false, clock.instant());
            if (before.enabled()) {
                outbox.user(username, before.department(), caller.getSubject(),
                        new UserDisabled(username, before.department(), caller.getSubject()));
            }
            return refreshTokens.revokeUser(username, "DISABLED", clock.instant());
        });
        log.info("User {} disabled by {} ({} refresh token(s) revoked)", username, caller.getSubject(), ended);
        return UserView.of(require(username));
    }

    @ErrorCodes(forbidden = "FORBIDDEN_ROLE", notFound = "USER_NOT_FOUND")
    @PostMapping("/users/{username}/enable")
    UserView enable(@PathVariable String username, @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        require(username);
        tx.executeWithoutResult(status -> {
            DirectoryUser before = directory.findForUpdate(username).orElseThrow();
            directory.setEnabled(username, true, clock.instant());
            if (!before.enabled()) {
                outbox.user(username, before.department(), caller.getSubject(),
                        new UserEnabled(username, before.department(), caller.getSubject()));
            }
        });
        log.info("User {} enabled by {}", username, caller.getSubject());
        return UserView.of(require(username));
    }

    /** Sets a new password chosen by the administrator; unlocks the account and ends its sessions. */
    @ErrorCodes(badRequest = "WEAK_PASSWORD", forbidden = "FORBIDDEN_ROLE", notFound = "USER_NOT_FOUND")
    @PostMapping("/users/{username}/password")
    UserView resetPassword(@PathVariable String username, @Valid @RequestBody PasswordRequest request,
                           @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        require(username);
        PasswordPolicy.check(username, request.password());
        String hash = passwords.encode(request.password());
        tx.executeWithoutResult(status -> {
            DirectoryUser before = directory.findForUpdate(username).orElseThrow();
            directory.setPasswordHash(username, hash, clock.instant());
            guard.unlock(username);
            refreshTokens.revokeUser(username, "PASSWORD_RESET", clock.instant());
            outbox.user(username, before.department(), caller.getSubject(),
                    new PasswordReset(username, before.department(), caller.getSubject()));
        });
        log.info("Password of {} reset by {}", username, caller.getSubject());
        return UserView.of(require(username));
    }

    /** Departments are not secret: every signed-in user may read the list (the UI shows their names). */
    @ErrorCodes
    @GetMapping("/departments")
    DirectoryLists.Departments departments() {
        List<UserDirectory.Department> all = directory.departments();
        return new DirectoryLists.Departments(all.size(), all);
    }

    @ErrorCodes(badRequest = "INVALID_DEPARTMENT", forbidden = "FORBIDDEN_ROLE", conflict = "DEPARTMENT_TAKEN")
    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    UserDirectory.Department createDepartment(@Valid @RequestBody DepartmentRequest request,
                                              @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        if (!UserDirectory.DEPARTMENT.matcher(request.code()).matches()) {
            throw Refusal.invalid("INVALID_DEPARTMENT",
                    "部门代码须为2至40位大写字母、数字或下划线，以字母开头");
        }
        UserDirectory.Department department = new UserDirectory.Department(request.code(), request.name().strip());
        tx.executeWithoutResult(status -> {
            if (!directory.createDepartment(department)) {
                throw Refusal.conflict("DEPARTMENT_TAKEN",
                        "部门代码已存在：" + request.code());
            }
            outbox.department(department.code(), caller.getSubject(),
                    new DepartmentRegistered(department.code(), department.name(), caller.getSubject()));
        });
        log.info("Department {} ({}) created by {}", department.code(), department.name(), caller.getSubject());
        return department;
    }

    /** Renames a department (its code, which tokens and records carry, stays). */
    @ErrorCodes(forbidden = "FORBIDDEN_ROLE", notFound = "UNKNOWN_DEPARTMENT")
    @PutMapping("/departments/{code}")
    UserDirectory.Department renameDepartment(@PathVariable String code,
                                              @Valid @RequestBody RenameDepartmentRequest request,
                                              @AuthenticationPrincipal Jwt caller) {
        requireOrgDept(caller);
        UserDirectory.Department before = directory.department(code).orElseThrow(() -> Refusal.notFound("UNKNOWN_DEPARTMENT", "部门不存在：" + code));
        String name = request.name().strip();
        if (!name.equals(before.name())) {
            tx.executeWithoutResult(status -> {
                directory.renameDepartment(code, name);
                outbox.department(code, caller.getSubject(),
                        new DepartmentRenamed(code, before.name(), name, caller.getSubject()));
            });
            log.info("Department {} renamed from {} to {} by {}", code, before.name(), name, caller.getSubject());
        }
        return new UserDirectory.Department(code, name);
    }

    private void checkDepartmentAndRoles(String department, Set<String> roles) {
        if (directory.department(department).isEmpty()) {
            throw Refusal.invalid("UNKNOWN_DEPARTMENT", "部门不存在：" + department);
        }
        Set<String> unknown = new TreeSet<>(roles);
        unknown.removeIf(name -> Role.parse(name).isPresent());
        if (!unknown.isEmpty()) {
            throw Refusal.invalid("UNKNOWN_ROLE", "角色不存在：" + unknown);
        }
    }

    private DirectoryUser require(String username) {
        return directory.find(username).orElseThrow(() -> Refusal.notFound("USER_NOT_FOUND", "用户不存在：" + username));
    }

    static void requireOrgDept(Jwt caller) {
        List<String> roles = caller.getClaimAsStringList(TokenClaims.ROLES);
        if (roles == null || !roles.contains(Role.ORG_DEPT.name())) {
            throw Refusal.forbidden("FORBIDDEN_ROLE", "只有组织部可以管理用户和部门");
        }
    }

}
