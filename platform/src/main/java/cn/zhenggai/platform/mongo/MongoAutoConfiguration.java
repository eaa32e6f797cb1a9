package cn.zhenggai.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
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
}
