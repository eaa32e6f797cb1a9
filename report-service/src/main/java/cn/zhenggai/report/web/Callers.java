package cn.zhenggai.report.web;

import cn.zhenggai.contracts.security.Roles;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.report.drafting.Editor;

/** The HTTP caller as the report's rules see them. */
public final class Callers {

    private Callers() {
    }

    /** The caller as the report's rules see them. */
    public static Editor editor(Caller caller) {
        return caller.hasRole(Roles.ORG_DEPT) ? Editor.reviewer(caller.username(), caller.department())
                : Editor.member(caller.username(), caller.department());
    }
}
