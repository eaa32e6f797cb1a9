package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.rectification.DepartmentDirectory;
import cn.zhenggai.rectification.RecordMaps;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The notifications read model against the MongoDB-wire-compatible store, through the official driver. */
class NotificationProjectionTest {

    private static final Instant AT = Instant.parse("2023-05-01T02:00:00Z");
    private static final Notifications.Reader OWNER = new Notifications.Reader("zhang", "XZSPJ",
            Set.of(Role.CADRE));
    private static final Notifications.Reader LIAISON = new Notifications.Reader("demo-dept", "XZSPJ",
            Set.of(Role.DEPT_LIAISON, Role.CADRE));
    private static final Notifications.Reader HEAD = new Notifications.Reader("head-xzspj", "XZSPJ",
            Set.of(Role.DEPT_HEAD));
    private static final Notifications.Reader OTHER = new Notifications.Reader("cz-liaison", "CZJ",
            Set.of(Role.DEPT_LIAISON));
    private static final Notifications.Reader ZZB = new Notifications.Reader("zzb-liaison", "ZZB",
            Set.of(Role.DEPT_LIAISON));
    private static final Notifications.Reader PARTY = new Notifications.Reader("demo-party", "DW",
            Set.of(Role.PARTY_COMMITTEE));

    private MongoServer server;
    private MongoClient client;
    private NotificationProjection projection;
    private Notifications notifications;
    private int seq;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        java.net.InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoDatabase database = client.getDatabase("notifications-test");
        DepartmentDirectory directory = new DepartmentDirectory("XZSPJ:行政审批局,ZZB:组织部,CZJ:财政局", database);
        directory.learnUser(new DepartmentDirectory.User("zhang", "张*明", "XZSPJ", true));
        projection = new NotificationProjection(database, directory);
        notifications = new Notifications(database);
        projection.on(new MeasurePlanned("m1", "XZSPJ", "REPORT", "r1", "msr-1", "XZSPJ", "demo-dept", 2022, 1,
                "强化理论武装", "", List.of(), null, null, null, null, List.of(), List.of(), List.of()));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private EventMessage<?> message(Object payload) {
        seq++;
        return new GenericEventMessage<>("evt-" + seq, payload, Map.of(), AT.plusSeconds(seq));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(Notifications.Reader reader) {
        return RecordMaps.list(notifications.list(reader, false, 50).items());
    }

    @Test
    void anAssignmentReachesTheOwnerByNameAndTheLiaisonsOfTheLeadAndCooperatingDepartments() {
        projection.on(new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of("ZZB"), "zhang", "2023-06-30", false, null,
                "demo-dept"), message(null));
        assertThat(items(OWNER)).singleElement().satisfies(n -> {
            assertThat(n.get("kind")).isEqualTo("ASSIGNED");
            assertThat((String) n.get("message")).contains("强化理论武装").contains("完成时限2023-06-30");
            assertThat(n.get("read")).isEqualTo(false);
        });
        assertThat(items(LIAISON)).hasSize(1);
        assertThat(items(ZZB)).hasSize(1);
        assertThat(items(OTHER)).isEmpty();
        assertThat(items(HEAD)).isEmpty();
    }

    @Test
    void aPersonIsAddressedByUserNameInTheItemsDepartmentNeverByDisplayName() {
        // issue 11 item 2: a CZJ user created with the display name of an XZSPJ owner received XZSPJ notices
        projection.on(new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of(), "王*华", "2023-06-30", false, null,
                "demo-dept"), message(null));
        projection.on(new SupervisionNoticeIssued("n1", "m1", "XZSPJ", "OWNER", null, "XZSPJ", "zhang", "已逾期1天。",
                "2023-06-30", 1), message(null));
        Notifications.Reader namesake = new Notifications.Reader("wang-cz", "CZJ", Set.of(Role.CADRE));
        Notifications.Reader sameUserNameElsewhere = new Notifications.Reader("zhang", "CZJ", Set.of(Role.CADRE));
        assertThat(items(namesake)).isEmpty();
        assertThat(items(sameUserNameElsewhere)).isEmpty();
        assertThat(items(OWNER)).extracting(n -> n.get("message")).containsExactly("已逾期1天。");
        assertThat(items(LIAISON)).extracting(n -> n.get("kind")).containsExactly("ASSIGNED");
    }

    @Test
    void aBackdatedPastNotifiesNobody() {
        cn.zhenggai.contracts.history.Backdating past = new cn.zhenggai.contracts.history.Backdating(
                Instant.parse("2022-03-01T00:00:00Z"), "demo-party", "纸质台账补录", null);
        projection.on(new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of("ZZB"), "zhang", "2022-06-30", false, null,
                "demo-party", false, past), message(null));
        projection.on(new MeasureCompleted("m1", "XZSPJ", "已完成。", "demo-party", "2022-06-30", false, past),
                message(null));
        projection.on(new MeasureRejected("m1", "XZSPJ", "party-2", List.of("缺少佐证材料。"), past), message(null));
        projection.on(new DeadlineExtended("m1", "XZSPJ", "2022-06-30", "2022-08-31", "head-xzspj", "demo-party",
                past), message(null));
        assertThat(items(OWNER)).isEmpty();
        assertThat(items(LIAISON)).isEmpty();
        assertThat(items(HEAD)).isEmpty();
        assertThat(items(PARTY)).isEmpty();
        // the same completion entered when it happened notifies the party committee
        projection.on(new MeasureCompleted("m1", "XZSPJ", "已完成。", "demo-dept", "2022-06-30", false),
                message(null));
        assertThat(items(PARTY)).extracting(n -> n.get("kind")).containsExactly("COMPLETED");
    }

    @Test
    void supervisionNoticesReachTheirLevelsRecipients() {
        projection.on(new SupervisionNoticeIssued("n1", "m1", "XZSPJ", "OWNER", null, "XZSPJ", "zhang", "已逾期1天。",
                "2023-06-30", 1), message(null));
        projection.on(new SupervisionNoticeIssued("n2", "m1", "XZSPJ", "DEPT_HEAD", "DEPT_HEAD", "XZSPJ", null,
                "已逾期8天。", "2023-06-30", 8), message(null));
        projection.on(new SupervisionNoticeIssued("n3", "m1", "XZSPJ", "PARTY_COMMITTEE", "PARTY_COMMITTEE", null,
                null, "已逾期15天。", "2023-06-30", 15), message(null));
        projection.on(new SupervisionNoticeIssued("n4", "m1", "XZSPJ", "REVIEW", "DEPT_LIAISON", "XZSPJ", null,
                "评估提醒。", "2023-08-01", 0), message(null));
        assertThat(items(OWNER)).extracting(n -> n.get("message")).containsExactly("已逾期1天。");
        assertThat(items(HEAD)).extracting(n -> n.get("level")).containsExactly("DEPT_HEAD");
        assertThat(items(PARTY)).extracting(n -> n.get("level")).containsExactly("PARTY_COMMITTEE");
        assertThat(items(LIAISON)).extracting(n -> n.get("kind")).containsExactly("REVIEW");
        assertThat(items(OTHER)).isEmpty();
    }

    @Test
    void rejectionsAndExtensionDecisionsReachTheDepartmentAndTheRequester() {
        projection.on(new MeasureRejected("m1", "XZSPJ", "demo-party", List.of("缺少佐证材料。")), message(null));
        projection.on(new DeadlineExtensionRequested("m1", "XZSPJ", "2023-06-30", "2023-09-30", "理由。",
                "head-xzspj"), message(null));
        projection.on(new DeadlineExtensionRefused("m1", "XZSPJ", "2023-09-30", "demo-party", "理由不充分。"),
                message(null));
        projection.on(new DeadlineExtended("m1", "XZSPJ", "2023-06-30", "2023-08-31", "head-xzspj", "demo-party"),
                message(null));
        assertThat(items(LIAISON)).extracting(n -> n.get("kind"))
                .containsExactly("EXTENSION_APPROVED", "EXTENSION_REFUSED", "REJECTED");
        assertThat(items(HEAD)).extracting(n -> n.get("kind"))
                .containsExactly("EXTENSION_APPROVED", "EXTENSION_REFUSED", "REJECTED");
        assertThat(items(PARTY)).extracting(n -> n.get("kind")).containsExactly("EXTENSION_REQUESTED");
        assertThat(items(LIAISON).get(2).get("message").toString()).contains("缺少佐证材料。");
    }

    @Test
    void aCompletionAwaitsThePartyCommitteesVerification() {
        projection.on(new MeasureCompleted("m1", "XZSPJ", "全年开展理论学习12次。", "demo-dept", "2023-06-30", true),
                message(null));
        assertThat(items(PARTY)).singleElement().satisfies(n -> {
            assertThat(n.get("kind")).isEqualTo("COMPLETED");
            assertThat((String) n.get("message")).contains("强化理论武装").contains("逾期后完成").contains("全年开展理论学习12次。");
        });
        assertThat(items(LIAISON)).isEmpty();
    }

    @Test
    void aNotificationIsMarkedReadPerUserAndOnlyByItsRecipients() {
        EventMessage<?> assigned = message(null);
        projection.on(new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of(), "zhang", "2023-06-30", false, null,
                "demo-dept"), assigned);
        String id = assigned.getIdentifier();
        assertThat(notifications.markRead(OTHER, id)).as("not theirs").isFalse();
        assertThat(notifications.markRead(OWNER, "no-such-id")).isFalse();
        assertThat(notifications.markRead(OWNER, id)).isTrue();
        assertThat(items(OWNER).get(0).get("read")).isEqualTo(true);
        assertThat(items(LIAISON).get(0).get("read")).as("read per user").isEqualTo(false);
        assertThat(RecordMaps.map(notifications.list(OWNER, true, 50)).get("count")).isEqualTo(0);
        assertThat(RecordMaps.map(notifications.list(LIAISON, true, 50)).get("unread")).isEqualTo(1L);
    }

    @Test
    void aRedeliveredEventChangesNothingAndKeepsReadMarks() {
        EventMessage<?> assigned = message(null);
        MeasureAssigned event = new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of(), "zhang", "2023-06-30", false,
                null, "demo-dept");
        projection.on(event, assigned);
        notifications.markRead(OWNER, assigned.getIdentifier());
        projection.on(event, assigned);
        assertThat(items(OWNER)).singleElement().satisfies(n -> assertThat(n.get("read")).isEqualTo(true));
    }

    // ------------------------------------------------------------------ names, resolution, read-all (issue 17)

    @Test
    void noticesNameDepartmentsAndPeopleByTheirDirectoryNamesAndTheItemByItsTitle() {
        projection.on(new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of("ZZB"), "zhang", "2023-06-30", false, null,
                "demo-dept"), message(null));
        projection.on(new MeasureCompleted("m1", "XZSPJ", "已完成。", "demo-dept", "2023-06-30", false),
                message(null));
        assertThat((String) items(OWNER).get(0).get("message")).contains("强化理论武装").contains("牵头单位行政审批局")
                .contains("责任人张*明").doesNotContain("XZSPJ").doesNotContain("zhang");
        assertThat((String) items(PARTY).get(0).get("message")).startsWith("行政审批局整改事项“强化理论武装”已完成");
        assertThat(items(PARTY).get(0).get("department")).as("the code stays the notice's key").isEqualTo("XZSPJ");
    }

    @Test
    void aCompletionsNoticeIsResolvedWhenTheItemIsVerifiedAndNoLongerCountsAsUnread() {
        projection.on(new MeasureCompleted("m1", "XZSPJ", "已完成。", "demo-dept", "2023-06-30", false),
                message(null));
        assertThat(notifications.list(PARTY, false, 50).unread()).isEqualTo(1);
        assertThat(items(PARTY).get(0).get("resolved")).isEqualTo(false);
        projection.on(new MeasureVerified("m1", "XZSPJ", "demo-party", "同意销号。"), message(null));
        assertThat(items(PARTY)).singleElement().satisfies(n -> {
            assertThat(n.get("resolved")).isEqualTo(true);
            assertThat(n.get("read")).as("resolved is not read").isEqualTo(false);
        });
        assertThat(notifications.list(PARTY, false, 50).unread()).as("resolved ones are not counted").isZero();
        assertThat(notifications.list(PARTY, true, 50).count()).isZero();
    }

    @Test
    void aCompletionsNoticeIsResolvedWhenItIsRejectedButTheNextCompletionsIsNot() {
        projection.on(new MeasureCompleted("m1", "XZSPJ", "已完成。", "demo-dept", "2023-06-30", false),
                message(null));
        EventMessage<?> rejection = message(null);
        MeasureRejected rejected = new MeasureRejected("m1", "XZSPJ", "demo-party", List.of("缺少佐证材料。"));
        projection.on(rejected, rejection);
        assertThat(items(PARTY)).extracting(n -> n.get("resolved")).containsExactly(true);
        assertThat(items(LIAISON)).extracting(n -> n.get("kind"), n -> n.get("resolved"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REJECTED", false));
        projection.on(new MeasureCompleted("m1", "XZSPJ", "补充了佐证材料。", "demo-dept", "2023-06-30", false),
                message(null));
        assertThat(items(LIAISON)).as("the rejection is dealt with by completing again")
                .extracting(n -> n.get("resolved")).containsExactly(true);
        // the rejection delivered again (a processor's batch replayed): the later completion stays open
        projection.on(rejected, rejection);
        assertThat(items(PARTY)).extracting(n -> n.get("message").toString().contains("补充了佐证材料"),
                n -> n.get("resolved")).containsExactly(org.assertj.core.groups.Tuple.tuple(true, false),
                org.assertj.core.groups.Tuple.tuple(false, true));
        assertThat(notifications.list(PARTY, false, 50).unread()).isEqualTo(1);
    }

    @Test
    void anExtensionRequestsNoticeIsResolvedWhenApprovedOrRefused() {
        Notifications.Reader party = PARTY;
        projection.on(new DeadlineExtensionRequested("m1", "XZSPJ", "2023-06-30", "2023-09-30", "理由。",
                "head-xzspj"), message(null));
        assertThat((String) items(party).get(0).get("message")).startsWith("行政审批局整改事项“强化理论武装”申请");
        projection.on(new DeadlineExtensionRefused("m1", "XZSPJ", "2023-09-30", "demo-party", "理由不充分。"),
                message(null));
        assertThat(items(party)).extracting(n -> n.get("resolved")).containsExactly(true);
        projection.on(new DeadlineExtensionRequested("m1", "XZSPJ", "2023-06-30", "2023-08-31", "再次申请。",
                "head-xzspj"), message(null));
        assertThat(items(party)).extracting(n -> n.get("resolved")).containsExactly(false, true);
        projection.on(new DeadlineExtended("m1", "XZSPJ", "2023-06-30", "2023-08-31", "head-xzspj", "demo-party"),
                message(null));
        assertThat(items(party)).extracting(n -> n.get("resolved")).containsExactly(true, true);
    }

    @Test
    void aSupervisionNoticeIsResolvedWhenTheItemIsCompletedAndADuplicateChangesNothing() {
        projection.on(new SupervisionNoticeIssued("n1", "m1", "XZSPJ", "OWNER", null, "XZSPJ", "zhang", "已逾期1天。",
                "2023-06-30", 1), message(null));
        // another item's completion resolves nothing of this one
        projection.on(new MeasureCompleted("m2", "XZSPJ", "已完成。", "demo-dept", "2023-06-30", false),
                message(null));
        assertThat(items(OWNER)).extracting(n -> n.get("resolved")).containsExactly(false);
        EventMessage<?> completion = message(null);
        MeasureCompleted completed = new MeasureCompleted("m1", "XZSPJ", "已完成。", "zhang", "2023-06-30", true);
        projection.on(completed, completion);
        assertThat(items(OWNER)).extracting(n -> n.get("resolved")).containsExactly(true);
        Object resolvedAt = database().getCollection("notifications").find().first().get("resolvedAt");
        projection.on(completed, completion);
        assertThat(database().getCollection("notifications").find(
                com.mongodb.client.model.Filters.eq("kind", "SUPERVISION")).first().get("resolvedAt"))
                .isEqualTo(resolvedAt);
        assertThat(items(PARTY)).as("the duplicate completion adds no notice").hasSize(2);
    }

    @Test
    void readAllMarksOnlyTheCallersNotificationsRead() {
        projection.on(new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of("ZZB"), "zhang", "2023-06-30", false, null,
                "demo-dept"), message(null));
        projection.on(new SupervisionNoticeIssued("n1", "m1", "XZSPJ", "OWNER", null, "XZSPJ", "zhang", "已逾期1天。",
                "2023-06-30", 1), message(null));
        projection.on(new MeasureCompleted("m1", "XZSPJ", "已完成。", "zhang", "2023-06-30", true), message(null));
        assertThat(notifications.list(OWNER, false, 50).unread()).as("the supervision is resolved").isEqualTo(1);
        assertThat(notifications.markAllRead(OWNER)).as("both, the resolved one too").isEqualTo(2);
        assertThat(notifications.list(OWNER, false, 50).unread()).isZero();
        assertThat(items(OWNER)).extracting(n -> n.get("read")).containsOnly(true);
        assertThat(notifications.list(LIAISON, false, 50).unread()).as("the liaison's stay unread").isEqualTo(1);
        assertThat(notifications.list(ZZB, false, 50).unread()).isEqualTo(1);
        assertThat(notifications.list(PARTY, false, 50).unread()).isEqualTo(1);
        assertThat(notifications.markAllRead(OWNER)).as("again: nothing left").isZero();
        assertThat(notifications.markAllRead(OTHER)).as("nothing of theirs").isZero();
    }

    @Test
    void aResetKeepsTheReportEventsNotifications() {
        projection.on(new MeasureCompleted("m1", "XZSPJ", "已完成。", "demo-dept", "2023-06-30", false),
                message(null));
        database().getCollection("notifications").insertOne(new org.bson.Document("_id", "from-kafka")
                .append("kind", "REPORT_RETURNED").append("source", "report").append("audience", List.of("user:zhang@XZSPJ"))
                .append("readBy", List.of()).append("createdAt", java.util.Date.from(AT)));
        projection.reset();
        assertThat(items(PARTY)).isEmpty();
        assertThat(items(OWNER)).extracting(n -> n.get("id")).containsExactly("from-kafka");
    }

    private MongoDatabase database() {
        return client.getDatabase("notifications-test");
    }
}
