package cn.zhenggai.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** The service's own read-model database ({@code zhenggai.mongo.database}) through the official driver. */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnProperty("zhenggai.mongo.database")
public class MongoAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoClient.class)
    public MongoDatabase readModelDatabase(MongoClient client, @Value("${zhenggai.mongo.database}") String name) {
        return client.getDatabase(name);
    }

    /**
     * Health of the read-model store by {@code ping}, which every MongoDB-wire server answers (Boot's own indicator
     * uses {@code hello}, which the embedded store does not know; it is switched off in the defaults).
     */
    @Bean
    @ConditionalOnBean(MongoClient.class)
    public HealthIndicator readModels(MongoDatabase readModelDatabase) {
        return () -> {
            try {
                readModelDatabase.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", readModelDatabase.getName()).build();
            } catch (RuntimeException e) {
                return Health.down(e).withDetail("database", readModelDatabase.getName()).build();
            }
        };
    }
}
