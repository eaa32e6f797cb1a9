package cn.zhenggai.report.confidential;

import cn.zhenggai.contracts.report.PersonalMattersShredded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The history of one person's personal matters keys, as far as it must be auditable: each shredding is an event
 * ({@code keyring-<person>}). The keys themselves are never in an event.
 */
@Aggregate
public class Keyring {

    @AggregateIdentifier
    private String keyringId;

    /** Record that the person's keys were deleted. */
    public record RecordShredding(@TargetAggregateIdentifier String keyringId, String person, int keysDeleted,
                                  String shreddedBy, String department) {
    }

    public static String idOf(String person) {
        return "keyring-" + person;
    }

    protected Keyring() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordShredding command) {
        apply(new PersonalMattersShredded(command.person(), command.department(), command.shreddedBy(),
                command.keysDeleted()));
    }

    @EventSourcingHandler
    void on(PersonalMattersShredded event) {
        keyringId = idOf(event.person());
    }
}
