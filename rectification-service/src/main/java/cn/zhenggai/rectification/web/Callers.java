package cn.zhenggai.rectification.web;

import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.rectification.measure.Actor;

/** The HTTP caller as the items' rules see them. */
public final class Callers {

    private Callers() {
    }

    /** The caller as the item's rules see them. */
    public static Actor actor(Caller caller) {
        return new Actor(caller.username(), caller.department(),
                caller.hasAnyRole(Role.DEPT_LIAISON, Role.DEPT_HEAD), caller.hasRole(Role.PARTY_COMMITTEE),
                caller.crossDepartment());
    }
}
