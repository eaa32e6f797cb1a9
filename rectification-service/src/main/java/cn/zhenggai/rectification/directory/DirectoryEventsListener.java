package cn.zhenggai.rectification.directory;

import cn.zhenggai.contracts.Topics;
import cn.zhenggai.contracts.directory.DepartmentRegistered;
import cn.zhenggai.contracts.directory.DepartmentRenamed;
import cn.zhenggai.contracts.directory.UserDisabled;
import cn.zhenggai.contracts.directory.UserEnabled;
import cn.zhenggai.contracts.directory.UserMovedDepartment;
import cn.zhenggai.contracts.directory.UserRegistered;
import cn.zhenggai.contracts.directory.UserRenamed;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.TypedHandlers;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.MalformedEnvelopeException;
import cn.zhenggai.rectification.DepartmentDirectory;
import cn.zhenggai.rectification.DepartmentDirectory.User;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns departments and users from the gateway's directory (ADR 0078): a department registered with
 * {@code POST /api/directory/departments} can be assigned as lead or cooperating department as soon as its event
 * arrives, and a department's users are the owners (责任人) one picks for its items (ADR 0084). Its own consumer group, so that it does not share partitions with the report events' listener.
 */
@Component
public class DirectoryEventsListener {

    private static final Logger log = LoggerFactory.getLogger(DirectoryEventsListener.class);

    private final DepartmentDirectory departments;
    private final MeterRegistry registry;
    /** Whether an event changed what the service knows, by event class; the directory's other events are skipped. */
    private final TypedHandlers<Boolean, EventEnvelope> handlers = TypedHandlers.<Boolean, EventEnvelope>builder()
            .on(DepartmentRegistered.class, (changed, e, envelope) -> learnDepartment(e.code(), e.name()))
            .on(DepartmentRenamed.class, (changed, e, envelope) -> learnDepartment(e.code(), e.name()))
            .on(UserRegistered.class, (changed, u, envelope) ->
                    learnUser(new User(u.username(), u.displayName(), u.department(), true)))
            .on(UserRenamed.class, (changed, u, envelope) -> changeUser(u.username(), known ->
                    new User(known.username(), u.displayName(), known.department(), known.enabled())))
            .on(UserMovedDepartment.class, (changed, u, envelope) -> changeUser(u.username(), known ->
                    new User(known.username(), known.displayName(), u.department(), known.enabled())))
            .on(UserDisabled.class, (changed, u, envelope) -> changeUser(u.username(), known ->
                    new User(known.username(), known.displayName(), known.department(), false)))
            .on(UserEnabled.class, (changed, u, envelope) -> changeUser(u.username(), known ->
                    new User(known.username(), known.displayName(), known.department(), true)))
            .build();

    DirectoryEventsListener(DepartmentDirectory departments, MeterRegistry registry) {
        this.departments = departments;
        this.registry = registry;
    }

    @KafkaListener(topics = Topics.DIRECTORY_EVENTS, groupId = "${zhenggai.consuming.group}-directory")
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EnvelopeCodec.fromJson(record.value());
        if (record.key() != null && !record.key().equals(envelope.aggregateId())) {
            throw new MalformedEnvelopeException("record key " + record.key()
                    + " differs from aggregate id " + envelope.aggregateId());
        }
        boolean applied = apply(envelope);
        registry.counter("zhenggai.events.consumed", "type", envelope.type(),
                "outcome", applied ? "applied" : "skipped").increment();
    }

    /** Returns whether the event changed what the service knows. */
    public boolean apply(EventEnvelope envelope) {
        boolean changed = handlers.applyEnvelope(false, envelope, envelope).orElse(false);
        if (changed) {
            log.info("{} learned from the directory ({})", envelope.aggregateId(), envelope.type());
        }
        return changed;
    }

    private boolean learnDepartment(String code, String name) {
        return departments.learn(code, name);
    }

    private boolean learnUser(User user) {
        return departments.learnUser(user);
    }

    /** A change to a user the service knows; one it never heard of (registered before the topic began) is skipped. */
    private boolean changeUser(String username, java.util.function.UnaryOperator<User> change) {
        return departments.user(username).map(known -> departments.learnUser(change.apply(known))).orElse(false);
    }
}
