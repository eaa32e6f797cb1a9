package cn.zhenggai.contracts.security;

import java.util.Set;

/** Role names carried in the {@link TokenClaims#ROLES} claim (DESIGN §1). */
public final class Roles {

    /** 领导干部: drafts and submits their own report. */
    public static final String CADRE = "CADRE";
    /** 部门联络员: keeps the department's rectification ledger. */
    public static final String DEPT_LIAISON = "DEPT_LIAISON";
    /** 部门负责人: signs off the department's measures. */
    public static final String DEPT_HEAD = "DEPT_HEAD";
    /** 党委/党工委: sees all departments, verifies and closes measures, supervises. */
    public static final String PARTY_COMMITTEE = "PARTY_COMMITTEE";
    /** 组织部: reviews reports, reads personal matters declarations. */
    public static final String ORG_DEPT = "ORG_DEPT";
    /** 纪检/审计: audit replay and integrity checks. */
    public static final String DISCIPLINE = "DISCIPLINE";
    /** 运维监控: reads the gateway's metrics from any address; sees no business data. */
    public static final String MONITORING = "MONITORING";

    /** Roles whose holders see every department, not only their own. */
    public static final Set<String> CROSS_DEPARTMENT = Set.of(PARTY_COMMITTEE, ORG_DEPT, DISCIPLINE);

    public static final Set<String> ALL = Set.of(CADRE, DEPT_LIAISON, DEPT_HEAD, PARTY_COMMITTEE, ORG_DEPT, DISCIPLINE,
            MONITORING);

    private Roles() {
    }
}
