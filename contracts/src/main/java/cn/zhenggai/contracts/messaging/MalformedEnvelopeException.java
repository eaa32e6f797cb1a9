package cn.zhenggai.contracts.messaging;

/** A Kafka record that cannot be read as an event: it is dead-lettered, never retried. */
public class MalformedEnvelopeException extends RuntimeException {

    public MalformedEnvelopeException(String message) {
        super(message);
    }

    public MalformedEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
