package cn.zhenggai.platform.kafka;

import cn.zhenggai.contracts.messaging.MalformedEnvelopeException;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Enabled by {@code zhenggai.consuming.group}: the service consumes envelopes from Kafka. A record that cannot
 * be read (malformed JSON, unknown type, invalid payload) is dead-lettered at once; one whose effect fails for
 * another reason is retried with back-off and dead-lettered after the retries. Either way the next records flow.
 */
@AutoConfiguration(after = cn.zhenggai.platform.mongo.MongoAutoConfiguration.class)
@ConditionalOnProperty("zhenggai.consuming.group")
public class KafkaConsumingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumingAutoConfiguration.class);

    @Bean
    public DeadLetterStore deadLetterStore(MongoDatabase database, MeterRegistry registry) {
        DeadLetterStore store = new DeadLetterStore(database);
        Gauge.builder("zhenggai.dead.letters", store, DeadLetterStore::count)
                .description("Kafka records a consumer could not apply")
                .register(registry);
        return store;
    }

    @Bean
    public CommonErrorHandler deadLetteringErrorHandler(DeadLetterStore deadLetters,
                                                        @Value("${zhenggai.consuming.group}") String group,
                                                        @Value("${zhenggai.consuming.max-retry-ms:30000}") long maxRetry) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(maxRetry);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, error) -> {
            log.error("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    DeadLetterStore.rootCause(error).getMessage());
            deadLetters.store(record, group, error);
        }, backOff);
        handler.addNotRetryableExceptions(MalformedEnvelopeException.class, IllegalArgumentException.class);
        handler.setCommitRecovered(true);
        return handler;
    }

    @Bean
    public DeadLetterController deadLetterController(DeadLetterStore store) {
        return new DeadLetterController(store);
    }
}
