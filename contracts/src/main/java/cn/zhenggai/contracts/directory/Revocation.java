package cn.zhenggai.contracts.directory;

import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.EventTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a directory event means for access tokens already issued (ADR 0080): after a user is disabled, moved to another
 * department, locked, loses roles or has their password reset, every token issued to them before the event's time is
 * refused, by the gateway and by every service.
 *
 * @param username whose tokens
 * @param at       tokens issued before this instant are refused
 */
public record Revocation(String username, Instant at) {

    /** The events that revoke the user's earlier tokens. */
    public static final Set<Class<?>> REVOKING_EVENTS = Set.of(UserDisabled.class, UserMovedDepartment.class,
            UserLocked.class, RolesRevoked.class, PasswordReset.class);

    /** Their type names, as the envelopes and the gateway's outbox carry them. */
    public static final Set<String> REVOKING_TYPES = REVOKING_EVENTS.stream().map(EventTypes::nameOf)
            .collect(Collectors.toUnmodifiableSet());

    /** The revocation a directory event stands for, if any (the user aggregate's id is the user name). */
    public static Optional<Revocation> of(EventEnvelope envelope) {
        boolean revoking = EventTypes.classOf(envelope.type()).filter(REVOKING_EVENTS::contains).isPresent();
        if (!revoking || !"User".equals(envelope.aggregateType())) {
            return Optional.empty();
        }
        return Optional.of(new Revocation(envelope.aggregateId(), envelope.timestamp()));
    }

    /** Whether a token of {@code username} issued at {@code issuedAt} is refused by this revocation. */
    public boolean refuses(String subject, Instant issuedAt) {
        return username.equals(subject) && (issuedAt == null || issuedAt.isBefore(at));
    }
}
