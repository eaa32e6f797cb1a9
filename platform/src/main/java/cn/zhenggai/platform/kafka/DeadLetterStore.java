package cn.zhenggai.platform.kafka;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Records that a consumer could not apply: kept with their error in the {@code dead_letters} collection, where
 * operators see them ({@code GET /api/{service}/dead-letters}, metric {@code zhenggai.dead.letters}); the
 * consumer moves on to the next record.
 */
public class DeadLetterStore {

    public static final String COLLECTION = "dead_letters";

    private final MongoCollection<Document> collection;

    public DeadLetterStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        this.collection.createIndex(Indexes.ascending("topic", "partition", "offset"), new IndexOptions().unique(true));
    }

    public void store(ConsumerRecord<?, ?> record, String consumer, Throwable error) {
        Throwable cause = rootCause(error);
        Document letter = new Document("topic", record.topic())
                .append("partition", record.partition())
                .append("offset", record.offset())
                .append("key", record.key() == null ? null : record.key().toString())
                .append("value", record.value() == null ? null : record.value().toString())
                .append("consumer", consumer)
                .append("error", cause.getClass().getSimpleName())
                .append("message", String.valueOf(cause.getMessage()))
                .append("failedAt", Date.from(Instant.now()));
        collection.replaceOne(Filters.and(Filters.eq("topic", record.topic()),
                        Filters.eq("partition", record.partition()), Filters.eq("offset", record.offset())),
                letter, new ReplaceOptions().upsert(true));
    }

    public long count() {
        return collection.countDocuments();
    }

    public List<Document> latest(int limit) {
        List<Document> letters = new ArrayList<>();
        collection.find().sort(Sorts.descending("failedAt")).limit(limit)
                .forEach(d -> {
                    d.remove("_id");
                    letters.add(d);
                });
        return letters;
    }

    static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof cn.zhenggai.contracts.messaging.MalformedEnvelopeException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
