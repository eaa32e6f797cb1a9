package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.NotificationKind;
import cn.zhenggai.contracts.rectification.SupervisionLevel;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.rectification.DepartmentDirectory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * In-app notifications (站内通知, collection {@code notifications}), written by a tracking processor over the
 * service's own event store. Each notification names its audience as strings — {@code user:<username>@<department>}
 * (a person, only as a user of the item's department), {@code role:<ROLE>@<department>} or {@code role:<ROLE>@*}
 * — and a user sees those whose audience meets theirs. A display name never addresses anyone (ADR 0084); who has
 * read it is kept per user ({@code readBy}). Idempotent: a notification's id is the id of the event it comes from,
 * inserted once. A backdated event (a past fact entered late, ADR 0090) notifies nobody: what it tells is already
 * over, and the ledger shows it. What each notification says is {@link NotificationWording}'s; it names departments
 * and people by their directory names (the read model's words, never an event's), items by their titles.
 * A notification that asked for something is resolved (已处理, {@code resolvedAt}) when the item's later event
 * settles it: a completion awaiting verification when it is verified or rejected, an extension request when it is
 * approved or refused, a supervision notice or a rejection when the item is completed (see {@link NoticeWrites}).
 * Notifications of report events ({@link ReportNotices}, from Kafka) are kept by a reset: this processor does not
 * replay them.
 */
@Component
@ProcessingGroup(NotificationProjection.GROUP)
public class NotificationProjection {

    public static final String GROUP = "notifications";
    static final String COLLECTION = "notifications";
    /** What the notifications need to know of an item: its title, department, pending extension requester. */
    static final String ITEMS = "notification_items";

    private final MongoCollection<Document> notifications;
    private final MongoCollection<Document> items;
    private final NoticeWrites writes;
    private final DepartmentDirectory directory;

    /** Without a directory (tests): departments and people are named by their codes and user names. */
    public NotificationProjection(MongoDatabase database) {
        this(database, new DepartmentDirectory(""));
    }

    @Autowired
    public NotificationProjection(MongoDatabase database, DepartmentDirectory directory) {
        this.notifications = database.getCollection(COLLECTION);
        this.items = database.getCollection(ITEMS);
        this.writes = new NoticeWrites(notifications);
        this.directory = directory;
        try {
            notifications.createIndex(Indexes.compoundIndex(Indexes.ascending("audience"),
                    Indexes.descending("createdAt")));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(NotificationProjection.class).warn("Index on {} not created now: {}", COLLECTION,
                    e.getMessage());
        }
    }

    @EventHandler
    void on(MeasurePlanned e) {
        items.updateOne(Filters.eq("_id", e.measureId()), Updates.combine(
                Updates.setOnInsert("title", e.title()), Updates.setOnInsert("department", e.department())),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(MeasureAssigned e, EventMessage<?> message) {
        if (backdated(e)) {
            return;
        }
        Set<String> audience = new LinkedHashSet<>(person(e.owner(), e.leadDepartment()));
        audience.add(role(Role.DEPT_LIAISON, e.leadDepartment()));
        for (String cooperating : e.cooperatingDepartments() == null ? List.<String>of() : e.cooperatingDepartments()) {
            audience.add(role(Role.DEPT_LIAISON, cooperating));
        }
        insert(message, NotificationKind.ASSIGNED, null, e.measureId(), e.department(), NotificationWording.ASSIGNED,
                NotificationWording.assigned(titleOf(e.measureId()), e,
                        directory.nameOf(e.leadDepartment()), personName(e.owner())), audience);
    }

    @EventHandler
    void on(SupervisionNoticeIssued e, EventMessage<?> message) {
        Set<String> audience = new LinkedHashSet<>();
        if (e.recipient() != null) {
            audience.addAll(person(e.recipient(), e.recipientDepartment() != null ? e.recipientDepartment()
                    : e.department()));
        }
        if (e.recipientRole() != null) {
            audience.add(role(e.recipientRole(), e.recipientDepartment()));
        }
        boolean review = SupervisionLevel.REVIEW.is(e.level());
        insert(message, review ? NotificationKind.REVIEW : NotificationKind.SUPERVISION, e.level(), e.measureId(),
                e.department(),
                review ? NotificationWording.REVIEW : NotificationWording.SUPERVISION, e.reason(), audience);
    }

    @EventHandler
    void on(MeasureCompleted e, EventMessage<?> message) {
        writes.resolve("measureId", e.measureId(), message.getTimestamp(), NotificationKind.SUPERVISION,
                NotificationKind.REJECTED);
        if (backdated(e)) {
            return;
        }
        insert(message, NotificationKind.COMPLETED, null, e.measureId(), e.department(), NotificationWording.COMPLETED,
                NotificationWording.completed(titleOf(e.measureId()), e, directory.nameOf(e.department())),
                List.of(role(Role.PARTY_COMMITTEE, null)));
    }

    @EventHandler
    void on(MeasureRejected e, EventMessage<?> message) {
        writes.resolve("measureId", e.measureId(), message.getTimestamp(), NotificationKind.COMPLETED);
        if (backdated(e)) {
            return;
        }
        insert(message, NotificationKind.REJECTED, null, e.measureId(), e.department(), NotificationWording.REJECTED,
                NotificationWording.rejected(titleOf(e.measureId()), e),
                List.of(role(Role.DEPT_LIAISON, e.department()), role(Role.DEPT_HEAD, e.department())));
    }

    @EventHandler
    void on(MeasureVerified e, EventMessage<?> message) {
        writes.resolve("measureId", e.measureId(), message.getTimestamp(), NotificationKind.COMPLETED,
                NotificationKind.SUPERVISION, NotificationKind.REJECTED);
    }

    @EventHandler
    void on(DeadlineExtensionRequested e, EventMessage<?> message) {
        items.updateOne(Filters.eq("_id", e.measureId()), Updates.set("extensionRequestedBy", e.requestedBy()),
                new UpdateOptions().upsert(true));
        insert(message, NotificationKind.EXTENSION_REQUESTED, null, e.measureId(), e.department(),
                NotificationWording.EXTENSION_REQUESTED,
                NotificationWording.extensionRequested(titleOf(e.measureId()), e,
                        directory.nameOf(e.department())),
                List.of(role(Role.PARTY_COMMITTEE, null)));
    }

    @EventHandler
    void on(DeadlineExtended e, EventMessage<?> message) {
        writes.resolve("measureId", e.measureId(), message.getTimestamp(), NotificationKind.EXTENSION_REQUESTED);
        if (backdated(e)) {
            return;
        }
        Set<String> audience = new LinkedHashSet<>(List.of(role(Role.DEPT_LIAISON, e.department())));
        if (e.requestedBy() != null) {
            audience.addAll(person(e.requestedBy(), e.department()));
        }
        insert(message, NotificationKind.EXTENSION_APPROVED, null, e.measureId(), e.department(),
                NotificationWording.EXTENSION_APPROVED, NotificationWording.extended(titleOf(e.measureId()), e),
                audience);
    }

    @EventHandler
    void on(DeadlineExtensionRefused e, EventMessage<?> message) {
        writes.resolve("measureId", e.measureId(), message.getTimestamp(), NotificationKind.EXTENSION_REQUESTED);
        Set<String> audience = new LinkedHashSet<>(List.of(role(Role.DEPT_LIAISON, e.department())));
        Document item = items.find(Filters.eq("_id", e.measureId())).first();
        if (item != null && item.getString("extensionRequestedBy") != null) {
            audience.addAll(person(item.getString("extensionRequestedBy"), e.department()));
        }
        insert(message, NotificationKind.EXTENSION_REFUSED, null, e.measureId(), e.department(),
                NotificationWording.EXTENSION_REFUSED, NotificationWording.extensionRefused(titleOf(e.measureId()), e),
                audience);
    }

    @ResetHandler
    void reset() {
        // the report events' notifications come from Kafka, not from this processor's replay: they stay
        notifications.deleteMany(Filters.ne(NoticeWrites.SOURCE, NoticeWrites.FROM_REPORTS));
        items.deleteMany(new Document());
    }

    // ------------------------------------------------------------------ audiences

    /**
     * A person by user name, as a user of {@code department}: an owner written as a display name (a label for
     * someone without an account, or a namesake) reaches no one personally, and a user of another department whose
     * user name happens to match is not addressed.
     */
    static List<String> person(String username, String department) {
        if (username == null || username.isBlank() || department == null || department.isBlank()) {
            return List.of();
        }
        return List.of(user(username.strip(), department));
    }

    static String user(String username, String department) {
        return "user:" + username + "@" + department;
    }

    /** Holders of {@code role} in {@code department}, or in every department when it is null. */
    static String role(Role role, String department) {
        return role(role.name(), department);
    }

    /** Holders of the role named {@code role} (as a notice event carries it) in {@code department}, or everywhere. */
    static String role(String role, String department) {
        return "role:" + role + "@" + (department == null ? "*" : department);
    }

    /** A past fact entered late (ADR 0090): what it tells is over, so it notifies nobody. */
    private static boolean backdated(EffectiveDated event) {
        return event.backdating() != null;
    }

    private String titleOf(String measureId) {
        Document item = items.find(Filters.eq("_id", measureId)).first();
        return item == null || item.getString("title") == null ? measureId : item.getString("title");
    }

    /** A person as the directory names them, or as written (a label for someone without an account). */
    private String personName(String username) {
        return username == null ? null
                : directory.user(username.strip()).map(DepartmentDirectory.User::displayName).orElse(username);
    }

    private void insert(EventMessage<?> message, NotificationKind kind, String level, String measureId,
                        String department, String subject, String text, java.util.Collection<String> audience) {
        writes.insert(new NoticeWrites.Notice(message.getIdentifier(), kind, level, measureId, null, department,
                subject, text, audience, message.getTimestamp(), null));
    }
}
