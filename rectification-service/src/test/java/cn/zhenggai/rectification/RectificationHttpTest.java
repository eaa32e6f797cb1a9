package cn.zhenggai.rectification;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Spring Boot test every HTTP test of rectification-service runs as: the whole service on a random port, no Kafka
 * (publishing excluded, listeners not started), the persistent deadlines polled every ten seconds. The class still
 * declares its own {@code ServiceInfrastructure} and {@code @DynamicPropertySource} (three lines): each class gets
 * its own PostgreSQL and Mongo-wire store, stopped after the class, so no two classes may share one Spring context.
 * Add a property with {@code @TestPropertySource}; the evidence directory with {@link HttpTests#evidenceDirectory}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=cn.zhenggai.platform.kafka.KafkaPublishingAutoConfiguration",
        "spring.kafka.listener.auto-startup=false",
        "zhenggai.deadlines.polling-interval=PT10S"})
public @interface RectificationHttpTest {
}
