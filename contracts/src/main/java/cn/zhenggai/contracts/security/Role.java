package cn.zhenggai.contracts.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles of DESIGN §1. A token's {@link TokenClaims#ROLES} claim, the directory's tables and events, and every
 * JSON answer carry a role by its {@link #name()}; code decides on the enum (ADR 0107).
 */
public enum Role {

    /** 领导干部: drafts and submits their own report. */
    CADRE,
    /** 部门联络员: keeps the department's rectification ledger. */
    DEPT_LIAISON,
    /** 部门负责人: signs off the department's measures. */
    DEPT_HEAD,
    /** 党委/党工委: sees all departments, verifies and closes measures, supervises. */
    PARTY_COMMITTEE,
    /** 组织部: reviews reports, reads personal matters declarations. */
    ORG_DEPT,
    /** 纪检/审计: audit replay and integrity checks. */
    DISCIPLINE,
    /** 运维监控: reads the gateway's metrics from any address; sees no business data. */
    MONITORING;

    /** Roles whose holders see every department, not only their own. */
    public static final Set<Role> CROSS_DEPARTMENT = EnumSet.of(PARTY_COMMITTEE, ORG_DEPT, DISCIPLINE);

    /** The role of this name, or empty for a name that is not a role (never an exception: names come from outside). */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The roles among {@code names}; names that are not roles are left out. */
    public static Set<Role> parseAll(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                parse(name).ifPresent(roles::add);
            }
        }
        return roles;
    }

    /** The names of {@code roles}, sorted by name (the order the directory stores and answers them in). */
    public static Set<String> names(Collection<Role> roles) {
        Set<String> names = new TreeSet<>();
        for (Role role : roles) {
            names.add(role.name());
        }
        return names;
    }
}
