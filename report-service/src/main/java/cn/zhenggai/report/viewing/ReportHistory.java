package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.platform.axon.AxonStorageAutoConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads a report's events from the event store (upcast), for queries that must be exact, and for the export. */
@Component
public class ReportHistory {

    private final EventStore events;

    public ReportHistory(EventStore events) {
        this.events = events;
    }

    /** The report as it stands now; refused (not found, REPORT_NOT_FOUND) when there is no such report. */
    public ReportView load(String reportId) {
        if (reportId == null || !reportId.matches("[A-Za-z0-9-]{1,80}")) {
            throw Refusal.notFound("REPORT_NOT_FOUND", "报告不存在：" + reportId);
        }
        ReportView view = new ReportView();
        DomainEventStream stream = events.readEvents(reportId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (!"Report".equals(message.getType())) {
                break;
            }
            Object actor = message.getMetaData().get(AxonStorageAutoConfiguration.ACTOR);
            view.apply(message.getPayload(), new EventMeta(message.getIdentifier(), message.getSequenceNumber(),
                    message.getTimestamp(), null, actor == null ? null : String.valueOf(actor)));
        }
        if (view.reportId == null) {
            throw Refusal.notFound("REPORT_NOT_FOUND", "报告不存在：" + reportId);
        }
        return view;
    }
}
