package cn.zhenggai.rectification.intake;

import cn.zhenggai.contracts.Topics;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.MalformedEnvelopeException;
import cn.zhenggai.contracts.messaging.TypedHandlers;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.rectification.carryover.CarryOverPreparation;
import cn.zhenggai.rectification.notifications.ReportNotices;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies report-service's events: to the intake read model, an accepted report's measures become items, and a
 * drafted report gets its carry-over prepared, and the author and liaisons are notified of the report's review
 * ({@link ReportNotices}: returned, accepted; a resubmission resolves the return's notice) (one listener for the topic: two in the same consumer group would split its partitions between them).
 */
@Component
class ReportEventsListener {

    private final ProblemIntake intake;
    private final MeasurePlanning planning;
    private final CarryOverPreparation carryOver;
    private final ReportNotices notices;
    private final MeterRegistry registry;
    /** Whether an event changed anything, by event class; the report's other events are skipped. */
    private final TypedHandlers<Boolean, EventEnvelope> handlers;

    ReportEventsListener(ProblemIntake intake, MeasurePlanning planning, CarryOverPreparation carryOver,
                         ReportNotices notices, MeterRegistry registry) {
        this.intake = intake;
        this.planning = planning;
        this.carryOver = carryOver;
        this.notices = notices;
        this.registry = registry;
        this.handlers = TypedHandlers.<Boolean, EventEnvelope>builder()
                .on(ReportDrafted.class, (applied, drafted, envelope) -> {
                    boolean recorded = intake.on(drafted, envelope);
                    // a new meeting's report: prepare its carry-over from the cadre's earlier items (once per report)
                    return carryOver.on(drafted, envelope) || recorded;
                })
                .on(ProblemIdentified.class, (applied, problem, envelope) -> intake.on(problem, envelope))
                .on(ReportAccepted.class, (applied, accepted, envelope) -> {
                    boolean planned = planning.plan(accepted, envelope) > 0;
                    return notices.accepted(accepted, intake.drafted(accepted.reportId()).title(), envelope)
                            || planned;
                })
                .on(ReportReturned.class, (applied, returned, envelope) -> {
                    ProblemIntake.Drafted drafted = intake.drafted(returned.reportId());
                    return notices.returned(returned, drafted.author(), drafted.submittedBy(), drafted.title(),
                            envelope);
                })
                .on(ReportSubmitted.class, (applied, submitted, envelope) -> {
                    boolean recorded = intake.on(submitted, envelope);
                    return notices.submitted(submitted, envelope) || recorded;
                })
                .build();
    }

    @KafkaListener(topics = Topics.REPORT_EVENTS, groupId = "${zhenggai.consuming.group}")
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EnvelopeCodec.fromJson(record.value());
        if (record.key() != null && !record.key().equals(envelope.aggregateId())) {
            throw new MalformedEnvelopeException("record key " + record.key()
                    + " differs from aggregate id " + envelope.aggregateId());
        }
        boolean applied = handlers.applyEnvelope(false, envelope, envelope).orElse(false);
        registry.counter("zhenggai.events.consumed", "type", envelope.type(),
                "outcome", applied ? "applied" : "skipped").increment();
    }
}
