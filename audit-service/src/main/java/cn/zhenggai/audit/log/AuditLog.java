package cn.zhenggai.audit.log;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The append-only audit log ({@code audit_log}): one document per event, {@code _id} = event id, so an event
 * delivered twice is stored once. Documents are only ever inserted.
 */
public class AuditLog {

    static final String COLLECTION = "audit_log";

    private final MongoCollection<Document> log;

    public AuditLog(MongoDatabase database) {
        this.log = database.getCollection(COLLECTION);
    }

    /** Appends the event; returns false when it was already in the log. */
    public boolean append(EventEnvelope envelope, String topic, int partition, long offset) {
        Document entry = new Document("_id", envelope.eventId())
                .append("type", envelope.type())
                .append("revision", envelope.revision())
                .append("aggregateType", envelope.aggregateType())
                .append("aggregateId", envelope.aggregateId())
                .append("sequence", envelope.sequence())
                .append("timestamp", Date.from(envelope.timestamp()))
                .append("actor", envelope.actor())
                .append("department", envelope.department())
                .append("payload", Document.parse(envelope.payload().toString()))
                .append("source", new Document("topic", topic).append("partition", partition).append("offset", offset))
                .append("loggedAt", Date.from(Instant.now()));
        try {
            log.insertOne(entry);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public List<Document> entries(String aggregateId, String department, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (aggregateId != null) {
            filters.add(Filters.eq("aggregateId", aggregateId));
        }
        if (department != null) {
            filters.add(Filters.eq("department", department));
        }
        List<Document> found = new ArrayList<>();
        log.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.ascending("timestamp", "sequence"))
                .limit(limit)
                .forEach(d -> {
                    d.put("eventId", d.remove("_id"));
                    found.add(d);
                });
        return found;
    }

    public long size() {
        return log.countDocuments();
    }
}
