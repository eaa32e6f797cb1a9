package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.security.Role;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import cn.zhenggai.contracts.security.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The reader's notifications, newest first, with whether they have read each; {@code unreadOnly} to filter. */
    public Map<String, Object> list(Reader reader, boolean unreadOnly, int limit) {
        Bson mine = Filters.in("audience", reader.audience());
        Bson unread = Filters.and(mine, Filters.nin("readBy", List.of(reader.username())));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Document d : notifications.find(unreadOnly ? unread : mine).sort(Sorts.descending("createdAt"))
                .limit(Math.max(1, Math.min(limit, MAX_LIMIT)))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.getString("_id"));
            row.put("kind", d.getString("kind"));
            row.put("level", d.getString("level"));
            row.put("measureId", d.getString("measureId"));
            row.put("department", d.getString("department"));
            row.put("subject", d.getString("subject"));
            row.put("message", d.getString("message"));
            row.put("createdAt", d.getDate("createdAt").toInstant().toString());
            row.put("read", d.getList("readBy", String.class, List.of()).contains(reader.username()));
            rows.add(row);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", rows.size());
        answer.put("unread", notifications.countDocuments(unread));
        answer.put("items", rows);
        return answer;
    }

    /** Marks one of the reader's notifications read; false when it is not theirs (or does not exist). */
    public boolean markRead(Reader reader, String id) {
        return notifications.updateOne(Filters.and(Filters.eq("_id", id), Filters.in("audience", reader.audience())),
                Updates.addToSet("readBy", reader.username())).getMatchedCount() == 1;
    }
}
