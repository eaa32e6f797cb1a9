package cn.zhenggai.rectification;

import cn.zhenggai.contracts.security.Roles;
import cn.zhenggai.platform.axon.CommandDispatcher;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import cn.zhenggai.rectification.measure.Actor;
import cn.zhenggai.rectification.scope.ItemScope;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of a caller (or of the system), with actor and department in its metadata. */
@Component
public class CommandSender {

    private final CommandDispatcher commands;

    public CommandSender(CommandDispatcher commands) {
        this.commands = commands;
    }

    /**
     * A command to an item on behalf of an HTTP caller; an unknown item is a 404, answered in the same words as the
     * item's refusal of a caller who does not see it (ADR 0072).
     */
    public <R> R toMeasure(Object command, Caller caller) {
        return send(command, caller.username(), String.valueOf(caller.department()));
    }

    public <R> R send(Object command, String actor, String department) {
        return commands.send(command, actor, department, ItemScope.NOT_FOUND_CODE,
                ItemScope.NOT_FOUND_MESSAGE);
    }

    /** The caller as the item's rules see them. */
    public static Actor actor(Caller caller) {
        return new Actor(caller.username(), caller.department(),
                caller.hasAnyRole(Roles.DEPT_LIAISON, Roles.DEPT_HEAD), caller.hasRole(Roles.PARTY_COMMITTEE),
                caller.crossDepartment());
    }

    /** Item ids are made by this service; anything else cannot exist. */
    public static void checkId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,80}")) {
            throw ApiException.notFound(ItemScope.NOT_FOUND_CODE, ItemScope.NOT_FOUND_MESSAGE + id);
        }
    }
}
