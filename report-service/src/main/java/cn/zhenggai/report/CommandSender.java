package cn.zhenggai.report;

import cn.zhenggai.contracts.security.Roles;
import cn.zhenggai.report.drafting.Editor;
import cn.zhenggai.platform.axon.CommandDispatcher;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of the caller, with actor and department in its metadata. */
@Component
public class CommandSender {

    private final CommandDispatcher commands;

    public CommandSender(CommandDispatcher commands) {
        this.commands = commands;
    }

    public <R> R send(Object command, Caller caller, String notFoundCode, String notFoundMessage) {
        return commands.send(command, caller.username(), caller.department(), notFoundCode, notFoundMessage);
    }

    /** A command to a report. */
    public <R> R toReport(Object command, Caller caller) {
        return send(command, caller, "REPORT_NOT_FOUND", "报告不存在：");
    }

    /** The caller as the report's rules see them. */
    public static Editor editor(Caller caller) {
        return caller.hasRole(Roles.ORG_DEPT) ? Editor.reviewer(caller.username(), caller.department())
                : Editor.member(caller.username(), caller.department());
    }

    /** Report and meeting ids are made by this service; anything else cannot exist. */
    public static void checkId(String id, String code, String message) {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,80}")) {
            throw ApiException.notFound(code, message + id);
        }
    }
}
