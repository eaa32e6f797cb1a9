package cn.zhenggai.contracts.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Handlers registered by event class: {@code on(MeasurePlanned.class, (state, e, meta) -> …)}, found by the class of
 * the event, so that a fold or a listener never switches on type names; a listener hands it the envelope
 * ({@link #applyEnvelope}). Immutable once built.
 *
 * @param <S> the state a handler turns into the next state
 * @param <M> what a handler knows of the event besides its payload
 */
public final class TypedHandlers<S, M> {

    /** One typed handler: the next state after {@code event}. */
    @FunctionalInterface
    public interface Handler<S, E, M> {
        S apply(S state, E event, M meta);
    }

    private final Map<Class<?>, Handler<S, ?, M>> byType;

    private TypedHandlers(Map<Class<?>, Handler<S, ?, M>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static <S, M> Builder<S, M> builder() {
        return new Builder<>();
    }

    /** Whether a handler is registered for {@code type}. */
    public boolean handles(Class<?> type) {
        return byType.containsKey(type);
    }

    /** The next state after {@code event}, or empty when no handler is registered for its class. */
    @SuppressWarnings("unchecked")
    public <E> Optional<S> apply(S state, E event, M meta) {
        Handler<S, E, M> handler = (Handler<S, E, M>) byType.get(event.getClass());
        return handler == null ? Optional.empty() : Optional.ofNullable(handler.apply(state, event, meta));
    }

    /**
     * The next state after the envelope's event, its payload decoded into the contract record its type names
     * ({@link EventTypes}); empty, the payload left unread, when the type is not published or has no handler here, so
     * that a consumer skips the events it does not use exactly as it did by type name. A payload that does not read
     * as its record fails with {@link MalformedEnvelopeException}.
     */
    public Optional<S> applyEnvelope(S state, EventEnvelope envelope, M meta) {
        Optional<Class<?>> type = EventTypes.classOf(envelope.type()).filter(this::handles);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return apply(state, EnvelopeCodec.payloadAs(envelope, type.get()), meta);
    }

    public static final class Builder<S, M> {
        private final Map<Class<?>, Handler<S, ?, M>> byType = new HashMap<>();

        public <E> Builder<S, M> on(Class<E> type, Handler<S, E, M> handler) {
            if (byType.putIfAbsent(type, handler) != null) {
                throw new IllegalStateException("two handlers for " + type.getSimpleName());
            }
            return this;
        }

        public TypedHandlers<S, M> build() {
            return new TypedHandlers<>(byType);
        }
    }
}
