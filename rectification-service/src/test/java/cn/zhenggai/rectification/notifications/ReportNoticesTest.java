package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.rectification.DepartmentDirectory;
import cn.zhenggai.rectification.RecordMaps;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The notifications of report events (returned, accepted, resubmitted) against the MongoDB-compatible store. */
class ReportNoticesTest {

    private static final Instant AT = Instant.parse("2023-03-01T02:00:00Z");
    private static final String TITLE = "2022年度民主生活会个人发言提纲";
    private static final Notifications.Reader AUTHOR = new Notifications.Reader("demo-cz", "CZJ",
            Set.of(Role.DEPT_LIAISON, Role.CADRE));
    private static final Notifications.Reader CZ_CADRE = new Notifications.Reader("cz-cadre", "CZJ",
            Set.of(Role.CADRE));
    private static final Notifications.Reader SAME_NAME_ELSEWHERE = new Notifications.Reader("demo-cz", "XZSPJ",
            Set.of(Role.CADRE));
    private static final Notifications.Reader XZ_LIAISON = new Notifications.Reader("demo-dept", "XZSPJ",
            Set.of(Role.DEPT_LIAISON, Role.CADRE));
    private static final Notifications.Reader ZZB_LIAISON = new Notifications.Reader("zzb-liaison", "ZZB",
            Set.of(Role.DEPT_LIAISON));
    private static final Notifications.Reader ORG = new Notifications.Reader("demo-org", "ZZB",
            Set.of(Role.ORG_DEPT));

    private MongoServer server;
    private MongoClient client;
    private ReportNotices notices;
    private Notifications notifications;
    private int seq;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        java.net.InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoDatabase database = client.getDatabase("report-notices-test");
        DepartmentDirectory directory = new DepartmentDirectory("XZSPJ:行政审批局,ZZB:组织部,CZJ:财政局", database);
        directory.learnUser(new DepartmentDirectory.User("demo-org", "组织部（演示）", "ZZB", true));
        directory.learnUser(new DepartmentDirectory.User("demo-cz", "财政局（演示）", "CZJ", true));
        notices = new ReportNotices(database, directory);
        notifications = new Notifications(database);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private EventEnvelope envelope(String type) {
        seq++;
        return new EventEnvelope("evt-" + seq, type, "1", "Report", "rpt-1", seq, AT.plusSeconds(seq), "demo-org",
                "CZJ", JsonNodeFactory.instance.objectNode());
    }

    private List<Map<String, Object>> items(Notifications.Reader reader) {
        return RecordMaps.list(notifications.list(reader, false, 50).items());
    }

    private static ReportAccepted.Measure measure(String id, String lead) {
        return new ReportAccepted.Measure(id, 1, "措施" + id, "", List.of(), "2023-06-30", null, "demo-cz", lead,
                List.of(), List.of(), List.of());
    }

    @Test
    void theAuthorIsToldWhyTheReportWasReturnedNamingTheDepartments() {
        assertThat(notices.returned(new ReportReturned("rpt-1", "CZJ", "demo-org", 1,
                        List.of("问题查摆不够深入。", "整改措施不具体。")), "demo-cz", null, TITLE,
                envelope("ReportReturned"))).isTrue();
        assertThat(items(AUTHOR)).singleElement().satisfies(n -> {
            assertThat(n.get("kind")).isEqualTo("REPORT_RETURNED");
            assertThat(n.get("subject")).isEqualTo("发言提纲被退回修改");
            assertThat(n.get("reportId")).isEqualTo("rpt-1");
            assertThat(n.get("department")).isEqualTo("CZJ");
            assertThat((String) n.get("message")).isEqualTo("组织部退回了财政局的发言提纲“" + TITLE
                    + "”，请修改后重新提交。退回理由：问题查摆不够深入。；整改措施不具体。");
            assertThat(n.get("read")).isEqualTo(false);
            assertThat(n.get("resolved")).isEqualTo(false);
        });
        assertThat(items(CZ_CADRE)).as("another user of the department").isEmpty();
        assertThat(items(SAME_NAME_ELSEWHERE)).as("the same user name in another department").isEmpty();
        assertThat(items(ORG)).isEmpty();
    }

    @Test
    void aReturnWhoseAuthorIsNotKnownNotifiesNobody() {
        assertThat(notices.returned(new ReportReturned("rpt-1", "CZJ", "demo-org", 1, List.of("理由。")), null, null,
                null, envelope("ReportReturned"))).isFalse();
        assertThat(items(AUTHOR)).isEmpty();
    }

    @Test
    void aRedeliveredReturnChangesNothingAndKeepsTheReadMark() {
        EventEnvelope returned = envelope("ReportReturned");
        ReportReturned event = new ReportReturned("rpt-1", "CZJ", "demo-org", 1, List.of("理由。"));
        notices.returned(event, "demo-cz", null, TITLE, returned);
        assertThat(notifications.markAllRead(AUTHOR)).isEqualTo(1);
        assertThat(notices.returned(event, "demo-cz", null, TITLE, returned)).isFalse();
        assertThat(items(AUTHOR)).singleElement().satisfies(n -> assertThat(n.get("read")).isEqualTo(true));
    }

    @Test
    void theReturnsNoticeIsResolvedWhenTheReportIsSubmittedAgainButNotByAnEarlierSubmission() {
        EventEnvelope first = envelope("ReportSubmitted");
        notices.returned(new ReportReturned("rpt-1", "CZJ", "demo-org", 1, List.of("理由。")), "demo-cz", null, TITLE,
                envelope("ReportReturned"));
        assertThat(notices.submitted(new ReportSubmitted("rpt-1", "CZJ", "demo-cz", 1), first))
                .as("the submission before the return, delivered again").isFalse();
        assertThat(items(AUTHOR)).extracting(n -> n.get("resolved")).containsExactly(false);
        assertThat(notifications.list(AUTHOR, false, 50).unread()).isEqualTo(1);
        assertThat(notices.submitted(new ReportSubmitted("rpt-1", "CZJ", "demo-cz", 2), envelope("ReportSubmitted")))
                .isTrue();
        assertThat(items(AUTHOR)).extracting(n -> n.get("resolved")).containsExactly(true);
        assertThat(notifications.list(AUTHOR, false, 50).unread()).isZero();
        assertThat(notices.submitted(new ReportSubmitted("rpt-1", "CZJ", "demo-cz", 2), envelope("ReportSubmitted")))
                .as("nothing left to resolve").isFalse();
    }

    @Test
    void anAcceptanceTellsTheAuthorAndEachLeadDepartmentsLiaisonsOnceForAllItsItems() {
        EventEnvelope accepted = envelope("ReportAccepted");
        ReportAccepted event = new ReportAccepted("rpt-1", "CZJ", "demo-cz", 2022, null, "demo-org", 1, List.of(),
                List.of(measure("1", "CZJ"), measure("2", null), measure("3", "XZSPJ")));
        assertThat(notices.accepted(event, TITLE, accepted)).isTrue();
        List<Map<String, Object>> author = items(AUTHOR);
        assertThat(author).extracting(n -> n.get("kind")).containsExactlyInAnyOrder("REPORT_ACCEPTED",
                "ITEMS_RECEIVED");
        assertThat(author).filteredOn(n -> n.get("kind").equals("REPORT_ACCEPTED")).singleElement()
                .satisfies(n -> assertThat((String) n.get("message")).isEqualTo("组织部已审核通过财政局的发言提纲“"
                        + TITLE + "”，3项整改措施已转入整改台账。"));
        assertThat(author).filteredOn(n -> n.get("kind").equals("ITEMS_RECEIVED")).singleElement()
                .satisfies(n -> {
                    assertThat((String) n.get("message")).startsWith("财政局收到2项新整改事项，来自财政局财政局（演示）的发言提纲");
                    assertThat(n.get("department")).isEqualTo("CZJ");
                    assertThat(n.get("reportId")).isEqualTo("rpt-1");
                });
        assertThat(items(XZ_LIAISON)).singleElement().satisfies(n -> {
            assertThat(n.get("kind")).isEqualTo("ITEMS_RECEIVED");
            assertThat((String) n.get("message")).startsWith("行政审批局收到1项新整改事项");
        });
        assertThat(items(CZ_CADRE)).as("a cadre who is not the liaison").isEmpty();
        assertThat(items(ZZB_LIAISON)).isEmpty();

        assertThat(notices.accepted(event, TITLE, accepted)).as("redelivered").isFalse();
        assertThat(items(AUTHOR)).hasSize(2);
        assertThat(items(XZ_LIAISON)).hasSize(1);
    }

    @Test
    void readAllOfTheAuthorLeavesTheLiaisonsOfOtherDepartmentsUnread() {
        notices.accepted(new ReportAccepted("rpt-1", "CZJ", "demo-cz", 2022, null, "demo-org", 1, List.of(),
                List.of(measure("1", "XZSPJ"))), TITLE, envelope("ReportAccepted"));
        assertThat(notifications.markAllRead(AUTHOR)).isEqualTo(1);
        assertThat(notifications.list(AUTHOR, false, 50).unread()).isZero();
        assertThat(notifications.list(XZ_LIAISON, false, 50).unread()).isEqualTo(1);
    }

    @Test
    void aDelegateWhoSubmittedTheReportIsToldToo() {
        notices.returned(new ReportReturned("rpt-1", "CZJ", "demo-org", 1, List.of("理由。")), "demo-cz", "cz-cadre",
                TITLE, envelope("ReportReturned"));
        assertThat(items(AUTHOR)).hasSize(1);
        assertThat(items(CZ_CADRE)).singleElement().satisfies(n -> assertThat(n.get("kind"))
                .isEqualTo("REPORT_RETURNED"));
        assertThat(items(XZ_LIAISON)).isEmpty();
    }
}
