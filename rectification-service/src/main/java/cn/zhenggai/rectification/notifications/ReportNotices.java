package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.rectification.NotificationKind;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.rectification.DepartmentDirectory;
import com.mongodb.client.MongoDatabase;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notifications of report-service's events (read from Kafka by the report events' listener): the author of a
 * returned report is told why (退回理由), the author of an accepted one that it passed, and the liaisons of each
 * department that leads items of an accepted report that new items arrived — one notice per department and report
 * (收到N项新整改事项), linking to the ledger. A returned report's notice is resolved when the report is submitted
 * again (or accepted). Ids come from the event's id, so a redelivered event changes nothing. The author is addressed
 * (and a delegate who submitted it) by user name within the report's department; departments and people are named
 * from the directory.
 */
@Component
public class ReportNotices {

    /** Who reviews reports, when the directory does not know the reviewer's department. */
    static final String REVIEWER = "组织部";

    private final NoticeWrites writes;
    private final DepartmentDirectory directory;

    public ReportNotices(MongoDatabase database, DepartmentDirectory directory) {
        this.writes = new NoticeWrites(database.getCollection(NotificationProjection.COLLECTION));
        this.directory = directory;
    }

    /**
     * A report returned: to its author ({@code author} from the drafted report) and whoever submitted it, when a
     * delegate did ({@code submittedBy}); either may be null when not known — no one is told when both are. Returns
     * whether anything was written.
     */
    public boolean returned(ReportReturned e, String author, String submittedBy, String title,
                            EventEnvelope envelope) {
        java.util.Set<String> audience = new java.util.LinkedHashSet<>(
                NotificationProjection.person(author, e.department()));
        audience.addAll(NotificationProjection.person(submittedBy, e.department()));
        if (audience.isEmpty()) {
            return false;
        }
        return writes.insert(new NoticeWrites.Notice(envelope.eventId(), NotificationKind.REPORT_RETURNED, null, null,
                e.reportId(), e.department(), NotificationWording.REPORT_RETURNED,
                NotificationWording.reportReturned(reviewer(e.returnedBy()), directory.nameOf(e.department()), title,
                        e.reasons() == null ? List.of() : e.reasons()),
                audience, envelope.timestamp(), NoticeWrites.FROM_REPORTS));
    }

    /** A report accepted: to its author, and to the liaisons of the departments leading its items. */
    public boolean accepted(ReportAccepted e, String title, EventEnvelope envelope) {
        boolean resolved = writes.resolve("reportId", e.reportId(), envelope.timestamp(),
                NotificationKind.REPORT_RETURNED) > 0;
        Map<String, Integer> byDepartment = new LinkedHashMap<>();
        List<ReportAccepted.Measure> measures = e.measures() == null ? List.of() : e.measures();
        for (ReportAccepted.Measure m : measures) {
            String lead = m.leadDepartment() == null || m.leadDepartment().isBlank() ? e.department()
                    : m.leadDepartment();
            byDepartment.merge(lead, 1, Integer::sum);
        }
        boolean written = false;
        List<String> author = NotificationProjection.person(e.author(), e.department());
        if (!author.isEmpty()) {
            written = writes.insert(new NoticeWrites.Notice(envelope.eventId(), NotificationKind.REPORT_ACCEPTED,
                    null, null, e.reportId(), e.department(), NotificationWording.REPORT_ACCEPTED,
                    NotificationWording.reportAccepted(reviewer(e.acceptedBy()), directory.nameOf(e.department()),
                            title, measures.size()),
                    author, envelope.timestamp(), NoticeWrites.FROM_REPORTS));
        }
        String authorName = e.author() == null ? "" : directory.user(e.author())
                .map(DepartmentDirectory.User::displayName).orElse(e.author());
        String from = directory.nameOf(e.department()) + authorName;
        for (Map.Entry<String, Integer> lead : byDepartment.entrySet()) {
            written |= writes.insert(new NoticeWrites.Notice(envelope.eventId() + "/" + lead.getKey(),
                    NotificationKind.ITEMS_RECEIVED, null, null, e.reportId(), lead.getKey(),
                    NotificationWording.ITEMS_RECEIVED,
                    NotificationWording.itemsReceived(directory.nameOf(lead.getKey()), lead.getValue(), from, title),
                    List.of(NotificationProjection.role(Role.DEPT_LIAISON, lead.getKey())), envelope.timestamp(),
                    NoticeWrites.FROM_REPORTS));
        }
        return written || resolved;
    }

    /** A report submitted again: its earlier return is dealt with. */
    public boolean submitted(ReportSubmitted e, EventEnvelope envelope) {
        return writes.resolve("reportId", e.reportId(), envelope.timestamp(), NotificationKind.REPORT_RETURNED) > 0;
    }

    /** The reviewer's department by name (组织部), from the directory. */
    private String reviewer(String username) {
        String department = directory.departmentOfUser(username);
        return department == null ? REVIEWER : directory.nameOf(department);
    }
}
