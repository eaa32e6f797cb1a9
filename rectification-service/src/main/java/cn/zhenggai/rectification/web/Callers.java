package cn.zhenggai.rectification.web;

import cn.zhenggai.contracts.security.Roles;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.rectification.measure.Actor;

/** The HTTP caller as the items' rules see them. */
public final class Callers {

    private Callers() {
    }

    /** The caller as the item's rules see them. */
    public static Actor actor(Caller caller) {
        return new Actor(caller.username(), caller.department(),
                caller.hasAnyRole(Roles.DEPT_LIAISON, Roles.DEPT_HEAD), caller.hasRole(Roles.PARTY_COMMITTEE),
                caller.crossDepartment());
    }
}
