package cn.zhenggai.report.web;

import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.report.drafting.Editor;

/** The HTTP caller as the report's rules see them. */
public final class Callers {

    private Callers() {
    }

    /** The caller as the report's rules see them. */
    public static Editor editor(Caller caller) {
        return caller.hasRole(Role.ORG_DEPT) ? Editor.reviewer(caller.username(), caller.department())
                : Editor.member(caller.username(), caller.department());
    }
}
