package cn.zhenggai.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

/** Enabled by {@code zhenggai.publishing.topic}: the service publishes its event store to that topic. */
@AutoConfiguration
@ConditionalOnProperty("zhenggai.publishing.topic")
public class KafkaPublishingAutoConfiguration {

    @Bean
    public KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, String> kafka,
                                                   @Value("${zhenggai.publishing.topic}") String topic,
                                                   @Value("${zhenggai.publishing.ack-timeout:PT20S}") Duration ackTimeout,
                                                   MeterRegistry registry) {
        return new KafkaEventPublisher(kafka, topic, ackTimeout, registry);
    }

    /** A failed publication must stop the processor (and be retried), never be logged and skipped. */
    @Bean
    public ConfigurerModule kafkaPublisherErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }
}
