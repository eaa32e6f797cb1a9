package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.rectification.NotificationKind;
import cn.zhenggai.contracts.security.Role;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Queries of the notifications read model, for one user. */
@Component
public class Notifications {

    static final int MAX_LIMIT = 200;

    private final MongoCollection<Document> notifications;

    public Notifications(MongoDatabase database) {
        this.notifications = database.getCollection(NotificationProjection.COLLECTION);
    }

    /**
     * Who a user is, as notifications address them: by user name within their department and by their roles, never
     * by display name (ADR 0084).
     *
     * @param username   the token subject
     * @param department the user's department, or null
     * @param roles      the user's roles
     */
    public record Reader(String username, String department, Set<Role> roles) {

        List<String> audience() {
            List<String> audience = new ArrayList<>();
            if (department != null) {
                audience.add(NotificationProjection.user(username, department));
            }
            for (Role role : roles) {
                audience.add(NotificationProjection.role(role, null));
                if (department != null) {
                    audience.add(NotificationProjection.role(role, department));
                }
            }
            return audience;
        }
    }

    /**
     * One notification as the reader sees it: whether they have read it, {@code createdAt} an ISO instant, whether
     * what it asked for has been dealt with ({@code resolved}, 已处理), the report it is about (report notices).
     */
    public record Notice(String id, NotificationKind kind, String level, String measureId, String department,
                         String subject, String message, String createdAt, boolean read, boolean resolved,
                         String reportId) {
    }

    /**
     * {@code GET /api/notifications}: how many are listed, how many of the reader's are unread (resolved ones are not
     * counted), the notifications.
     */
    public record Listing(int count, long unread, List<Notice> items) {
    }

    /** The reader's notifications, newest first, with whether they have read each; {@code unreadOnly} to filter. */
    public Listing list(Reader reader, boolean unreadOnly, int limit) {
        Bson mine = mine(reader);
        Bson unread = Filters.and(mine, Filters.nin("readBy", List.of(reader.username())),
                Filters.eq("resolvedAt", null));
        List<Notice> rows = new ArrayList<>();
        for (Document d : notifications.find(unreadOnly ? unread : mine).sort(Sorts.descending("createdAt"))
                .limit(Math.max(1, Math.min(limit, MAX_LIMIT)))) {
            rows.add(new Notice(d.getString("_id"), NotificationKind.valueOf(d.getString("kind")),
                    d.getString("level"), d.getString("measureId"), d.getString("department"),
                    d.getString("subject"), d.getString("message"), d.getDate("createdAt").toInstant().toString(),
                    d.getList("readBy", String.class, List.of()).contains(reader.username()),
                    d.getDate("resolvedAt") != null, d.getString("reportId")));
        }
        return new Listing(rows.size(), notifications.countDocuments(unread), rows);
    }

    /** Marks one of the reader's notifications read; false when it is not theirs (or does not exist). */
    public boolean markRead(Reader reader, String id) {
        return notifications.updateOne(Filters.and(Filters.eq("_id", id), mine(reader)),
                Updates.addToSet("readBy", reader.username())).getMatchedCount() == 1;
    }

    /** Marks every notification of the reader's read; returns how many were unread (resolved ones included). */
    public long markAllRead(Reader reader) {
        return notifications.updateMany(Filters.and(mine(reader), Filters.nin("readBy", List.of(reader.username()))),
                Updates.addToSet("readBy", reader.username())).getModifiedCount();
    }

    private static Bson mine(Reader reader) {
        return Filters.in("audience", reader.audience());
    }
}
