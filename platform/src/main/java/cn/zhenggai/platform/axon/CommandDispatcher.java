package cn.zhenggai.platform.axon;

import cn.zhenggai.contracts.refusal.Refusal;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.Map;

/**
 * Sends a command and waits for it, with who caused it ({@code actor}, {@code department}) in its metadata so that
 * every event it leads to carries them; a command to an aggregate that does not exist is refused as
 * {@link Refusal.Kind#NOT_FOUND} with the caller's code and message (followed by the id).
 */
public class CommandDispatcher {

    private final CommandGateway commands;

    public CommandDispatcher(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command, String actor, String department, String notFoundCode, String notFoundMessage) {
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(
                    Map.of(AxonStorageAutoConfiguration.ACTOR, actor,
                            AxonStorageAutoConfiguration.DEPARTMENT, String.valueOf(department)))));
        } catch (AggregateNotFoundException e) {
            throw Refusal.notFound(notFoundCode, notFoundMessage + e.getAggregateIdentifier());
        }
    }
}
