package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger projection and its queries against the MongoDB-wire-compatible store, through the official driver. */
class LedgerProjectionTest {

    private static final Instant AT = Instant.parse("2023-05-01T02:00:00Z");
    private static final Map<String, String> NAMES = Map.of("XZSPJ", "行政审批局", "CZJ", "财政局", "ZZB", "组织部");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private LedgerProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        java.net.InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("ledger-test");
        projection = new LedgerProjection(database);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private Ledger ledgerOn(String date) {
        return new Ledger(database, Clock.fixed(LocalDate.parse(date).atStartOfDay(ZoneId.of("Asia/Shanghai"))
                .plusHours(10).toInstant(), ZoneId.of("Asia/Shanghai")));
    }

    private static MeasurePlanned planned(String id, String department, int ordinal) {
        return new MeasurePlanned(id, department, MeasurePlanned.SOURCE_REPORT, "rpt-1", "msr-" + ordinal,
                department, "demo-dept", 2022, ordinal, "措施" + ordinal, "内容。", List.of(), "2023-06-30",
                "2023年6月底前", "张*", null, List.of(), List.of(), List.of(new MeasurePlanned.Problem("prb-1",
                "主题", 1, "理论学习的系统性还不够。"), new MeasurePlanned.Problem("prb-2", "主题", 2, "调查研究不够深入。")));
    }

    private static MeasureAssigned assigned(String id, String department, String deadline) {
        return new MeasureAssigned(id, department, department, List.of("ZZB"), "王*", deadline, false, null,
                "demo-dept");
    }

    @Test
    void aPlannedItemAppearsInItsDepartmentsLedgerOnceEvenWhenDeliveredTwice() {
        MeasurePlanned planned = planned("m1", "XZSPJ", 1);
        projection.on(planned, 0, AT);
        projection.on(planned, 0, AT);

        List<Map<String, Object>> rows = Ledger.wire(ledgerOn("2023-05-01").rows("XZSPJ"));
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("measureId")).isEqualTo("m1");
        assertThat(row.get("source")).isEqualTo("REPORT");
        assertThat(row.get("problem")).isEqualTo("理论学习的系统性还不够。；调查研究不够深入。");
        assertThat(row.get("title")).isEqualTo("措施1");
        assertThat(row.get("leadDepartment")).isEqualTo("XZSPJ");
        assertThat(row.get("owner")).isEqualTo("张*");
        assertThat(row.get("deadline")).isNull();
        assertThat(row.get("proposedDeadline")).isEqualTo("2023-06-30");
        assertThat(row.get("status")).isEqualTo("PLANNED");
        assertThat(row.get("colour")).isEqualTo("GREEN");
        assertThat(row.get("lastProgress")).isNull();
        assertThat(Ledger.wire(ledgerOn("2023-05-01").rows("CZJ"))).isEmpty();
    }

    @Test
    void theLifecycleIsFollowedAndARepeatedEventChangesNothing() {
        projection.on(planned("m1", "XZSPJ", 1), 0, AT);
        projection.on(assigned("m1", "XZSPJ", "2023-06-30"), 1, AT);
        ProgressReported first = new ProgressReported("m1", "XZSPJ", "已开展三次集中学习。", "demo-dept", "XZSPJ");
        projection.on(first, 2, AT);
        projection.on(new ProgressReported("m1", "XZSPJ", "已开展五次集中学习。", "demo-dept", "XZSPJ"), 3, AT);
        projection.on(first, 2, AT); // redelivered late: older than what is applied

        Map<String, Object> row = Ledger.wire(ledgerOn("2023-05-01").item("m1"));
        assertThat(row.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(row.get("owner")).isEqualTo("王*");
        assertThat(row.get("deadline")).isEqualTo("2023-06-30");
        assertThat(row.get("cooperatingDepartments")).isEqualTo(List.of("ZZB"));
        assertThat(row.get("lastProgress")).isEqualTo("已开展五次集中学习。");
        assertThat(database.getCollection(LedgerProjection.COLLECTION).find().first().getInteger("progressCount"))
                .isEqualTo(2);

        projection.on(new MeasureCompleted("m1", "XZSPJ", "完成。", "demo-dept", "2023-06-30", false), 4, AT);
        assertThat(Ledger.wire(ledgerOn("2023-05-01").item("m1")).get("status")).isEqualTo("COMPLETED");
        projection.on(new MeasureRejected("m1", "XZSPJ", "demo-party", List.of("缺少材料。")), 5, AT);
        projection.on(new MeasureReopened("m1", "XZSPJ", "demo-party", "缺少材料。"), 6, AT);
        assertThat(Ledger.wire(ledgerOn("2023-05-01").item("m1"))).containsEntry("status", "IN_PROGRESS")
                .containsEntry("lastRejection", List.of("缺少材料。")).containsEntry("completedBy", null);
        projection.on(new MeasureCompleted("m1", "XZSPJ", "补充完成。", "demo-dept", "2023-06-30", false), 7, AT);
        MeasureVerified verified = new MeasureVerified("m1", "XZSPJ", "demo-party", "同意销号。");
        projection.on(verified, 8, AT);
        projection.on(verified, 8, AT);
        assertThat(Ledger.wire(ledgerOn("2023-05-01").item("m1"))).containsEntry("status", "VERIFIED")
                .containsEntry("verifiedBy", "demo-party").containsEntry("completedBy", "demo-dept");
    }

    @Test
    void overdueAndExtensionsShowInTheLedger() {
        projection.on(planned("m1", "XZSPJ", 1), 0, AT);
        projection.on(assigned("m1", "XZSPJ", "2023-06-30"), 1, AT);
        projection.on(new MeasureOverdue("m1", "XZSPJ", "2023-06-30", "王*"), 2, AT);
        assertThat(Ledger.wire(ledgerOn("2023-07-01").item("m1"))).containsEntry("overdue", true)
                .as("the colour is only what MeasureColourChanged said").containsEntry("colour", "GREEN");
        projection.on(new MeasureColourChanged("m1", "XZSPJ", "RED", "YELLOW", "2023-06-30", "王*"), 2, AT);
        assertThat(Ledger.wire(ledgerOn("2023-07-01").item("m1"))).as("an event of an applied sequence changes nothing")
                .containsEntry("colour", "GREEN");
        projection.on(new MeasureColourChanged("m1", "XZSPJ", "RED", "YELLOW", "2023-06-30", "王*"), 3, AT);
        assertThat(Ledger.wire(ledgerOn("2023-07-01").item("m1"))).containsEntry("colour", "RED");
        projection.on(new DeadlineExtensionRequested("m1", "XZSPJ", "2023-06-30", "2023-09-30", "理由。", "demo-dept"),
                4, AT);
        assertThat(((Map<?, ?>) Ledger.wire(ledgerOn("2023-07-01").item("m1")).get("pendingExtension")).get("deadline"))
                .isEqualTo("2023-09-30");
        projection.on(new DeadlineExtended("m1", "XZSPJ", "2023-06-30", "2023-09-30", "demo-dept", "demo-party"), 5,
                AT);
        assertThat(Ledger.wire(ledgerOn("2023-07-01").item("m1"))).containsEntry("overdue", false)
                .containsEntry("deadline", "2023-09-30").containsEntry("pendingExtension", null)
                .as("still red until the supervision says otherwise").containsEntry("colour", "RED");
        projection.on(new MeasureColourChanged("m1", "XZSPJ", "GREEN", "RED", "2023-09-30", "王*"), 6, AT);
        assertThat(Ledger.wire(ledgerOn("2023-07-01").item("m1"))).containsEntry("colour", "GREEN");
    }

    @Test
    void aReassignmentKeepingTheDeadlineKeepsTheOverdueMarkAndANewDeadlineClearsIt() {
        projection.on(planned("m1", "XZSPJ", 1), 0, AT);
        projection.on(assigned("m1", "XZSPJ", "2023-06-30"), 1, AT);
        projection.on(new MeasureOverdue("m1", "XZSPJ", "2023-06-30", "王*"), 2, AT);
        projection.on(assigned("m1", "XZSPJ", "2023-06-30"), 3, AT);
        assertThat(Ledger.wire(ledgerOn("2023-07-01").item("m1"))).containsEntry("overdue", true);
        projection.on(assigned("m1", "XZSPJ", "2023-12-31"), 4, AT);
        projection.on(assigned("m1", "XZSPJ", "2023-12-31"), 4, AT);
        assertThat(Ledger.wire(ledgerOn("2023-07-01").item("m1"))).containsEntry("overdue", false);
    }

    @Test
    void aCooperatingDepartmentSeesTheItemAsCooperating() {
        projection.on(planned("m1", "XZSPJ", 1), 0, AT);
        projection.on(assigned("m1", "XZSPJ", "2023-06-30"), 1, AT);
        List<Map<String, Object>> rows = Ledger.wire(ledgerOn("2023-05-01").rows("ZZB"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("role", "COOPERATING").containsEntry("leadDepartment", "XZSPJ");
        assertThat(Ledger.wire(ledgerOn("2023-05-01").rows("XZSPJ")).get(0)).containsEntry("role", "LEAD");
    }

    @Test
    void theOverviewCountsPerLeadDepartment() {
        for (int i = 1; i <= 4; i++) {
            projection.on(planned("x" + i, "XZSPJ", i), 0, AT);
            projection.on(assigned("x" + i, "XZSPJ", "2023-06-30"), 1, AT);
        }
        projection.on(new MeasureCompleted("x1", "XZSPJ", "完成。", "demo-dept", "2023-06-30", false), 2, AT);
        projection.on(new MeasureCompleted("x2", "XZSPJ", "完成。", "demo-dept", "2023-06-30", false), 2, AT);
        projection.on(new MeasureVerified("x2", "XZSPJ", "demo-party", null), 3, AT);
        projection.on(new MeasureVerified("x2", "XZSPJ", "demo-party", null), 3, AT);
        projection.on(new MeasureOverdue("x3", "XZSPJ", "2023-06-30", "王*"), 2, AT);
        projection.on(new MeasureOverdue("x3", "XZSPJ", "2023-06-30", "王*"), 2, AT);
        projection.on(planned("c1", "CZJ", 1), 0, AT);

        List<Ledger.DepartmentFigures> all = ledgerOn("2023-07-01").overview(null, NAMES);
        assertThat(all).containsExactly(
                new Ledger.DepartmentFigures("CZJ", "财政局", 1, 0, 0, 0, 0.0, 0, 0, 0),
                new Ledger.DepartmentFigures("XZSPJ", "行政审批局", 4, 2, 1, 1, 0.5, 0, 0, 0));
        assertThat(ledgerOn("2023-07-01").overview("XZSPJ", NAMES)).containsExactly(
                new Ledger.DepartmentFigures("XZSPJ", "行政审批局", 4, 2, 1, 1, 0.5, 0, 0, 0));
        assertThat(ledgerOn("2023-07-01").overview("ZZB", NAMES)).containsExactly(
                new Ledger.DepartmentFigures("ZZB", "组织部", 0, 0, 0, 0, 0.0, 0, 0, 0));
    }

    @Test
    void aResetEmptiesTheLedgerForAReplay() {
        projection.on(planned("m1", "XZSPJ", 1), 0, AT);
        projection.reset();
        assertThat(Ledger.wire(ledgerOn("2023-05-01").rows("XZSPJ"))).isEmpty();
        projection.on(planned("m1", "XZSPJ", 1), 0, AT);
        assertThat(Ledger.wire(ledgerOn("2023-05-01").rows("XZSPJ"))).hasSize(1);
    }
}
