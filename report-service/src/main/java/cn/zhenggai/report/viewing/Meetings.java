package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.MeetingConvened;
import cn.zhenggai.platform.axon.CommandSender;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Looks meetings up in the event store (exact, no read-model lag). */
@Component
public class Meetings {

    private final EventStore events;

    public Meetings(EventStore events) {
        this.events = events;
    }

    /** The meeting as convened; 404 MEETING_NOT_FOUND when there is none. */
    public MeetingConvened require(String meetingId) {
        CommandSender.checkId(meetingId, "MEETING_NOT_FOUND", "民主生活会不存在：");
        DomainEventStream stream = events.readEvents(meetingId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof MeetingConvened convened) {
                return convened;
            }
        }
        throw Refusal.notFound("MEETING_NOT_FOUND", "民主生活会不存在：" + meetingId);
    }
}
