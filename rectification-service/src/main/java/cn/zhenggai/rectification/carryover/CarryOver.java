package cn.zhenggai.rectification.carryover;

import cn.zhenggai.contracts.rectification.CarryOverPrepared;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The draft carry-over prepared for one new report ({@code cov-<reportId>}): prepared once, so a redelivered
 * ReportDrafted prepares nothing twice. Its only event is published to Kafka for report-service.
 */
@Aggregate
public class CarryOver {

    /** Prepare the draft carry-over of a report; preparing it again changes nothing. */
    public record PrepareCarryOver(@TargetAggregateIdentifier String carryOverId, String reportId, String department,
                                   String author, Integer year, Integer previousYear,
                                   List<CarryOverPrepared.Group> groups, List<String> measureIds) {
    }

    @AggregateIdentifier
    private String carryOverId;

    protected CarryOver() {
        // for Axon
    }

    public static String idOf(String reportId) {
        return "cov-" + reportId;
    }

    /** Returns whether it was prepared now (false: it already was). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(PrepareCarryOver command) {
        if (carryOverId != null) {
            return false;
        }
        apply(new CarryOverPrepared(command.reportId(), command.department(), command.author(), command.year(),
                command.previousYear(), List.copyOf(command.groups()), List.copyOf(command.measureIds())));
        return true;
    }

    @EventSourcingHandler
    void on(CarryOverPrepared event) {
        carryOverId = idOf(event.reportId());
    }
}
