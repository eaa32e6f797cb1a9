package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.rectification.NotificationKind;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Writes to the {@code notifications} collection, shared by the projection of the service's own events and by the
 * notices of report events read from Kafka. A notification is inserted once under the id of the event it comes from
 * (a redelivery changes nothing, its read marks stay); it is resolved (已处理, {@code resolvedAt}) by a later event
 * that settles what it asked for, only if it was written before that event and is not resolved yet, so a duplicate or
 * redelivered event changes nothing and never resolves a notification that came after it.
 */
final class NoticeWrites {

    /** Where a notification came from: the report events (Kafka) are not replayed by the projection's reset. */
    static final String SOURCE = "source";
    static final String FROM_REPORTS = "report";

    private final MongoCollection<Document> notifications;

    NoticeWrites(MongoCollection<Document> notifications) {
        this.notifications = notifications;
    }

    /** One notification; returns whether it was inserted now (false for a duplicate). */
    boolean insert(Notice notice) {
        Document doc = new Document("_id", notice.id())
                .append("kind", notice.kind().name())
                .append("level", notice.level())
                .append("measureId", notice.measureId())
                .append("reportId", notice.reportId())
                .append("department", notice.department())
                .append("subject", notice.subject())
                .append("message", notice.message())
                .append("audience", new ArrayList<>(notice.audience()))
                .append("readBy", List.of())
                .append("createdAt", Date.from(notice.at()))
                .append("resolvedAt", null);
        if (notice.source() != null) {
            doc.append(SOURCE, notice.source());
        }
        try {
            notifications.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false; // the event was applied before (redelivery or replay): nothing changes
        }
    }

    /**
     * Resolves the open notifications of {@code kinds} about {@code field = value} written up to {@code at}; returns
     * how many it resolved now.
     */
    long resolve(String field, String value, Instant at, NotificationKind... kinds) {
        if (value == null) {
            return 0;
        }
        List<String> names = new ArrayList<>();
        for (NotificationKind kind : kinds) {
            names.add(kind.name());
        }
        return notifications.updateMany(Filters.and(Filters.eq(field, value), Filters.in("kind", names),
                        Filters.eq("resolvedAt", null), Filters.lte("createdAt", Date.from(at))),
                Updates.set("resolvedAt", Date.from(at))).getModifiedCount();
    }

    /** A notification to write: {@code source} null for one of the service's own events. */
    record Notice(String id, NotificationKind kind, String level, String measureId, String reportId,
                  String department, String subject, String message, Collection<String> audience, Instant at,
                  String source) {
    }
}
