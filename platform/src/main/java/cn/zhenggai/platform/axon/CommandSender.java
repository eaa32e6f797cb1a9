package cn.zhenggai.platform.axon;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.platform.security.Caller;

/**
 * Sends a command on behalf of a caller (or of the system), with actor and department in its metadata. Each service
 * makes one, naming how an unknown id of its aggregates is answered ({@code notFoundCode}, and
 * {@code notFoundMessage} followed by the id); a refusal of the command reaches the caller unchanged.
 */
public class CommandSender {

    /** The ids this platform's services make: anything else cannot exist. */
    private static final String ID = "[A-Za-z0-9-]{1,80}";

    private final CommandDispatcher commands;
    private final String notFoundCode;
    private final String notFoundMessage;

    public CommandSender(CommandDispatcher commands, String notFoundCode, String notFoundMessage) {
        this.commands = commands;
        this.notFoundCode = notFoundCode;
        this.notFoundMessage = notFoundMessage;
    }

    /** A command on behalf of an HTTP caller; an unknown aggregate is answered in this service's words. */
    public <R> R send(Object command, Caller caller) {
        return send(command, caller, notFoundCode, notFoundMessage);
    }

    /** A command on behalf of an HTTP caller to an aggregate whose unknown id is answered in these words. */
    public <R> R send(Object command, Caller caller, String code, String message) {
        return commands.send(command, caller.username(), String.valueOf(caller.department()), code, message);
    }

    /** A command on behalf of {@code actor} of {@code department} (a user, or the system). */
    public <R> R send(Object command, String actor, String department) {
        return commands.send(command, actor, department, notFoundCode, notFoundMessage);
    }

    /** An id not of the form the services make names nothing: refused as not found, in these words. */
    public static void checkId(String id, String code, String message) {
        if (id == null || !id.matches(ID)) {
            throw Refusal.notFound(code, message + id);
        }
    }
}
