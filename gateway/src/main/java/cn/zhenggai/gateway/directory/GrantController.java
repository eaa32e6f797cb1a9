package cn.zhenggai.gateway.directory;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.contracts.directory.RoleGrantApproved;
import cn.zhenggai.contracts.directory.RoleGrantRejected;
import cn.zhenggai.contracts.directory.RolesGranted;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.contracts.security.TokenClaims;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grants of PARTY_COMMITTEE, DISCIPLINE and ORG_DEPT (ADR 0079): {@code GET /api/directory/grants?status=PENDING},
 * {@code POST /api/directory/grants/{id}/approve} and {@code /reject}. The organization department proposes (through
 * {@code POST/PUT /api/directory/users}); a second person approves: the party committee for PARTY_COMMITTEE, the party
 * committee or another organization department user for ORG_DEPT, the party committee or discipline inspection for
 * DISCIPLINE. The proposer may withdraw (reject) their own proposal. Both steps are directory events.
 */
@RestController
@RequestMapping("/api/directory/grants")
class GrantController {

    private static final Logger log = LoggerFactory.getLogger(GrantController.class);
    private static final Set<Role> READERS = EnumSet.of(Role.ORG_DEPT, Role.PARTY_COMMITTEE, Role.DISCIPLINE);

    private final RoleGrants grants;
    private final UserDirectory directory;
    private final DirectoryOutbox outbox;
    private final Clock clock;
    private final TransactionTemplate tx;

    GrantController(RoleGrants grants, UserDirectory directory, DirectoryOutbox outbox, Clock clock,
                    PlatformTransactionManager transactions) {
        this.grants = grants;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    record RejectRequest(@Size(max = 500) String reason) {
    }

    @ErrorCodes(badRequest = "INVALID_STATUS", forbidden = "FORBIDDEN_ROLE")
    @GetMapping
    DirectoryLists.Grants list(@RequestParam(name = "status", required = false) String status,
                               @AuthenticationPrincipal Jwt caller) {
        Set<Role> roles = rolesOf(caller);
        RoleGrants.Status wanted = parseStatus(status);
        List<GrantView> items = grants.list(wanted).stream().map(grant ->
                GrantView.of(grant, directory.find(grant.username()).orElse(null), directory).withMayApprove(
                        grant.status() == RoleGrants.Status.PENDING
                                && RoleGrants.mayApprove(caller.getSubject(), roles, grant))).toList();
        return new DirectoryLists.Grants(items.size(), items);
    }

    @ErrorCodes(forbidden = {"FORBIDDEN_ROLE", "SAME_PERSON", "APPROVER_NOT_ENTITLED"},
            notFound = {"GRANT_NOT_FOUND", "USER_NOT_FOUND"}, conflict = "GRANT_NOT_PENDING")
    @PostMapping("/{grantId}/approve")
    GrantView approve(@PathVariable String grantId, @AuthenticationPrincipal Jwt caller) {
        Set<Role> roles = rolesOf(caller);
        String approver = caller.getSubject();
        GrantView answer = tx.execute(status -> {
            RoleGrants.Grant grant = pending(grantId);
            if (approver.equals(grant.username())) {
                throw DirectoryController.cannotChangeOwnRoles();
            }
            if (approver.equals(grant.proposedBy())) {
                throw Refusal.forbidden("SAME_PERSON",
                        "不能批准自己提出的授权，须由另一人批准");
            }
            if (!RoleGrants.mayApprove(approver, roles, grant)) {
                throw Refusal.forbidden("APPROVER_NOT_ENTITLED", notEntitled(grant));
            }
            DirectoryUser user = directory.findForUpdate(grant.username()).orElseThrow(() -> userGone(grant));
            Set<String> added = new TreeSet<>(grant.roles());
            added.removeAll(user.roles());
            Set<String> now = new TreeSet<>(user.roles());
            now.addAll(grant.roles());
            directory.update(user.username(), user.displayName(), user.department(), now, clock.instant());
            grants.decide(grantId, RoleGrants.Status.APPROVED, approver, null, clock.instant());
            List<String> granted = List.copyOf(new TreeSet<>(grant.roles()));
            outbox.grant(grantId, user.department(), approver, new RoleGrantApproved(grantId, user.username(),
                    user.department(), granted, grant.proposedBy(), approver));
            if (!added.isEmpty()) {
                outbox.user(user.username(), user.department(), approver, new RolesGranted(user.username(),
                        user.department(), List.copyOf(added), approver, grantId));
            }
            return GrantView.of(grants.findForUpdate(grantId).orElseThrow(), user, directory);
        });
        log.info("Grant {} approved by {}", grantId, approver);
        return answer;
    }

    @ErrorCodes(forbidden = {"FORBIDDEN_ROLE", "APPROVER_NOT_ENTITLED"},
            notFound = {"GRANT_NOT_FOUND", "USER_NOT_FOUND"}, conflict = "GRANT_NOT_PENDING")
    @PostMapping("/{grantId}/reject")
    GrantView reject(@PathVariable String grantId, @Valid @RequestBody(required = false) RejectRequest request,
                     @AuthenticationPrincipal Jwt caller) {
        Set<Role> roles = rolesOf(caller);
        String actor = caller.getSubject();
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        GrantView answer = tx.execute(status -> {
            RoleGrants.Grant grant = pending(grantId);
            if (!actor.equals(grant.proposedBy()) && !RoleGrants.mayApprove(actor, roles, grant)) {
                throw Refusal.forbidden("APPROVER_NOT_ENTITLED", notEntitled(grant));
            }
            DirectoryUser user = directory.find(grant.username()).orElseThrow(() -> userGone(grant));
            grants.decide(grantId, RoleGrants.Status.REJECTED, actor, reason, clock.instant());
            outbox.grant(grantId, user.department(), actor, new RoleGrantRejected(grantId, user.username(),
                    user.department(), List.copyOf(new TreeSet<>(grant.roles())), grant.proposedBy(), actor, reason));
            return GrantView.of(grants.findForUpdate(grantId).orElseThrow(), user, directory);
        });
        log.info("Grant {} rejected by {}", grantId, actor);
        return answer;
    }

    private RoleGrants.Grant pending(String grantId) {
        RoleGrants.Grant grant = grants.findForUpdate(grantId).orElseThrow(() -> Refusal.notFound("GRANT_NOT_FOUND", "授权申请不存在：" + grantId));
        if (grant.status() != RoleGrants.Status.PENDING) {
            throw Refusal.conflict("GRANT_NOT_PENDING",
                    "该授权申请已处理（" + (grant.status() == RoleGrants.Status.APPROVED ? "已批准" : "已驳回") + "）");
        }
        return grant;
    }

    private static String notEntitled(RoleGrants.Grant grant) {
        if (grant.roles().contains(Role.PARTY_COMMITTEE.name())) {
            return "党委角色须由党委人员批准";
        }
        if (grant.roles().contains(Role.DISCIPLINE.name())) {
            return "纪检监察角色须由党委或纪检监察人员批准，组织部不能单独授予";
        }
        return "组织部角色须由党委或另一位组织部人员批准";
    }

    private static Refusal userGone(RoleGrants.Grant grant) {
        return Refusal.notFound("USER_NOT_FOUND", "用户不存在：" + grant.username());
    }

    private static Set<Role> rolesOf(Jwt caller) {
        Set<Role> held = Role.parseAll(caller.getClaimAsStringList(TokenClaims.ROLES));
        if (held.stream().noneMatch(READERS::contains)) {
            throw Refusal.forbidden("FORBIDDEN_ROLE",
                    "只有组织部、党委和纪检监察可以查看和审批授权");
        }
        return held;
    }

    private static RoleGrants.Status parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RoleGrants.Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("INVALID_STATUS",
                    "状态须为 PENDING、APPROVED 或 REJECTED");
        }
    }
}
