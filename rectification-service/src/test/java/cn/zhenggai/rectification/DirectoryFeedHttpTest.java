package cn.zhenggai.rectification;

import cn.zhenggai.contracts.Topics;
import cn.zhenggai.contracts.directory.DepartmentRegistered;
import cn.zhenggai.contracts.directory.DepartmentRenamed;
import cn.zhenggai.contracts.directory.RevokedUsers;
import cn.zhenggai.contracts.directory.UserDisabled;
import cn.zhenggai.contracts.directory.UserMovedDepartment;
import cn.zhenggai.contracts.directory.UserRegistered;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.platform.security.RevocationFeed;
import cn.zhenggai.rectification.directory.DirectoryEventsListener;
import cn.zhenggai.rectification.intake.MeasurePlanning;
import cn.zhenggai.rectification.measure.MeasureIds;
import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What rectification-service learns from the gateway's directory (ADR 0078, 0080): departments it can assign items
 * to, and users whose earlier tokens it refuses.
 */
@RectificationHttpTest
class DirectoryFeedHttpTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("rectification");

    static final TestUser LIAISON = new TestUser("demo-dept", "XZSPJ", List.of("DEPT_LIAISON", "CADRE"));
    static final TestUser PARTY = new TestUser("demo-party", "DW", List.of("PARTY_COMMITTEE"));

    @Autowired
    private MeasurePlanning planning;
    @Autowired
    private DirectoryEventsListener directoryEvents;
    @Autowired
    private RevokedUsers revoked;
    @Autowired
    private MongoDatabase mongo;

    private final ApiClient api = INFRASTRUCTURE.client();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
    }

    @Test
    void aDepartmentLearnedFromTheDirectoryCanBeAssignedAsLeadDepartment() throws Exception {
        ReportAccepted accepted = new ReportAccepted("rpt-dir", "XZSPJ", "demo-dept", 2022, null, "demo-org", 1,
                List.of(new ReportAccepted.Problem("prb-1", "主题", 1, "问题。")),
                List.of(new ReportAccepted.Measure("msr-1", 1, "措施", "内容。", List.of(), "2099-06-30",
                        "2099年6月底前", "张*", null, List.of(), List.of(), List.of("prb-1"))));
        planning.plan(accepted, new EventEnvelope("e-accepted-dir", "ReportAccepted", "1", "Report", "rpt-dir", 30,
                Instant.now(), "demo-org", "XZSPJ", EnvelopeCodec.toTree(accepted)));
        String item = MeasureIds.fromReport("rpt-dir", "msr-1");
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        Map<String, Object> toNew = Map.of("leadDepartment", "XQJG", "owner", "张*", "deadline", deadline);
        Answer before = ApiClient.eventually(() -> {
            Answer answer = api.post("/api/measures/" + item + "/assignment", toNew, PARTY);
            return answer.status == 404 ? null : answer;
        });
        assertThat(before.json.path("code").asText()).as("not in the seed list").isEqualTo("UNKNOWN_DEPARTMENT");

        EventEnvelope registered = new EventEnvelope("e-dept-xqjg", "DepartmentRegistered", "1", "Department", "XQJG",
                0, Instant.now(), "demo-org", "XQJG",
                EnvelopeCodec.toTree(new DepartmentRegistered("XQJG", "新区建设管理局", "demo-org")));
        directoryEvents.on(new ConsumerRecord<>(Topics.DIRECTORY_EVENTS, 0, 0L, "XQJG",
                EnvelopeCodec.toJson(registered)));
        assertThat(directoryEvents.apply(registered)).as("redelivered: nothing changes").isFalse();
        assertThat(api.post("/api/measures/" + item + "/assignment", toNew, PARTY).status).isEqualTo(200);
        assertThat(api.get("/api/rectification/departments", PARTY).json.toString()).contains("新区建设管理局");
        assertThat(new DepartmentDirectory("XZSPJ:行政审批局", mongo).known("XQJG"))
                .as("kept for the next start").isTrue();

        directoryEvents.apply(new EventEnvelope("e-dept-xqjg-2", "DepartmentRenamed", "1", "Department", "XQJG", 1,
                Instant.now(), "demo-org", "XQJG",
                EnvelopeCodec.toTree(new DepartmentRenamed("XQJG", "新区建设管理局", "新区管委会", "demo-org"))));
        assertThat(api.get("/api/rectification/departments", PARTY).json.toString()).contains("新区管委会");
    }

    private static EventEnvelope userEvent(String id, String type, String username, String department, Object payload) {
        return new EventEnvelope(id, type, "1", "User", username, 0, Instant.now(), "demo-org", department,
                EnvelopeCodec.toTree(payload));
    }

    @Test
    void anItemsOwnerIsPickedFromTheLeadDepartmentsUsersAndNoUserOfAnotherDepartmentIsOwner() throws Exception {
        directoryEvents.apply(userEvent("e-u-1", "UserRegistered", "wang-xz", "XZSPJ",
                new UserRegistered("wang-xz", "王*华", "XZSPJ", List.of("CADRE"), "demo-org")));
        directoryEvents.apply(userEvent("e-u-2", "UserRegistered", "wang-cz", "CZJ",
                new UserRegistered("wang-cz", "王*华", "CZJ", List.of("CADRE"), "demo-org")));
        directoryEvents.apply(userEvent("e-u-3", "UserRegistered", "gone-xz", "XZSPJ",
                new UserRegistered("gone-xz", "离*", "XZSPJ", List.of("CADRE"), "demo-org")));
        directoryEvents.apply(userEvent("e-u-4", "UserDisabled", "gone-xz", "XZSPJ",
                new UserDisabled("gone-xz", "XZSPJ", "demo-org")));
        assertThat(directoryEvents.apply(userEvent("e-u-4", "UserDisabled", "gone-xz", "XZSPJ",
                new UserDisabled("gone-xz", "XZSPJ", "demo-org")))).as("redelivered: nothing changes").isFalse();

        Answer owners = api.get("/api/rectification/departments/XZSPJ/users", LIAISON);
        assertThat(owners.status).isEqualTo(200);
        assertThat(owners.json.get("users").toString()).contains("wang-xz").contains("王*华")
                .doesNotContain("wang-cz").as("disabled users are not offered").doesNotContain("gone-xz");
        assertThat(api.get("/api/rectification/departments/CZJ/users", LIAISON).json.get("code").asText())
                .isEqualTo("FORBIDDEN_DEPARTMENT");
        assertThat(api.get("/api/rectification/departments/NOPE/users", PARTY).status).isEqualTo(404);

        ReportAccepted accepted = new ReportAccepted("rpt-own", "XZSPJ", "demo-dept", 2022, null, "demo-org", 1,
                List.of(new ReportAccepted.Problem("prb-1", "主题", 1, "问题。")),
                List.of(new ReportAccepted.Measure("msr-1", 1, "措施", "内容。", List.of(), "2099-06-30",
                        "2099年6月底前", "张*", null, List.of(), List.of(), List.of("prb-1"))));
        planning.plan(accepted, new EventEnvelope("e-accepted-own", "ReportAccepted", "1", "Report", "rpt-own", 30,
                Instant.now(), "demo-org", "XZSPJ", EnvelopeCodec.toTree(accepted)));
        String item = MeasureIds.fromReport("rpt-own", "msr-1");
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        Answer foreignOwner = ApiClient.eventually(() -> {
            Answer answer = api.post("/api/measures/" + item + "/assignment", Map.of("leadDepartment", "XZSPJ",
                    "owner", "wang-cz", "deadline", deadline), LIAISON);
            return answer.status == 404 ? null : answer;
        });
        assertThat(foreignOwner.status).isEqualTo(400);
        assertThat(foreignOwner.json.get("code").asText()).isEqualTo("OWNER_NOT_IN_LEAD_DEPARTMENT");
        assertThat(api.post("/api/measures/" + item + "/assignment", Map.of("leadDepartment", "XZSPJ",
                "owner", "wang-xz", "deadline", deadline), LIAISON).status).isEqualTo(200);
        assertThat(api.post("/api/measures/" + item + "/assignment", Map.of("leadDepartment", "XZSPJ",
                "owner", "王*（无账号）", "deadline", deadline), LIAISON).status).as("a label for someone without an account")
                .isEqualTo(200);

        directoryEvents.apply(userEvent("e-u-5", "UserMovedDepartment", "wang-xz", "CZJ",
                new UserMovedDepartment("wang-xz", "XZSPJ", "CZJ", "demo-org")));
        assertThat(api.get("/api/rectification/departments/XZSPJ/users", LIAISON).json.get("users").toString())
                .doesNotContain("wang-xz");
        assertThat(new DepartmentDirectory("XZSPJ:行政审批局", mongo).departmentOfUser("wang-xz"))
                .as("kept for the next start").isEqualTo("CZJ");
    }

    /** An item shows people by name: any signed-in caller resolves user names; labels and unknown names are left out. */
    @Test
    void userNamesResolveToTheDirectorysDisplayNames() throws Exception {
        directoryEvents.apply(userEvent("e-n-1", "UserRegistered", "li-xz", "XZSPJ",
                new UserRegistered("li-xz", "李*明", "XZSPJ", List.of("CADRE"), "demo-org")));
        directoryEvents.apply(userEvent("e-n-2", "UserRegistered", "zhao-cz", "CZJ",
                new UserRegistered("zhao-cz", "赵*", "CZJ", List.of("CADRE"), "demo-org")));

        Answer names = api.get("/api/rectification/users?username=li-xz&username=zhao-cz&username="
                + java.net.URLEncoder.encode("王*（无账号）", java.nio.charset.StandardCharsets.UTF_8)
                + "&username=li-xz&username=nobody", LIAISON);
        assertThat(names.status).isEqualTo(200);
        assertThat(names.json.get("users").toString()).isEqualTo(
                "[{\"username\":\"li-xz\",\"displayName\":\"李*明\"},{\"username\":\"zhao-cz\",\"displayName\":\"赵*\"}]");
        assertThat(api.get("/api/rectification/users", LIAISON).json.get("users").size()).isZero();
        String many = java.util.stream.IntStream.rangeClosed(1, 101).mapToObj(i -> "username=u" + i)
                .collect(java.util.stream.Collectors.joining("&"));
        Answer tooMany = api.get("/api/rectification/users?" + many, LIAISON);
        assertThat(tooMany.status).isEqualTo(400);
        assertThat(tooMany.json.get("code").asText()).isEqualTo("TOO_MANY_USERS");
        assertThat(api.send("GET", "/api/rectification/users?username=li-xz", null, (String) null).status)
                .as("signed-in callers only").isEqualTo(401);
    }

    @Test
    void aTokenIssuedBeforeItsUserWasDisabledIsRefused() throws Exception {
        TestUser leaving = new TestUser("leaving", "XZSPJ", List.of("DEPT_LIAISON"));
        String token = api.token(leaving);
        assertThat(api.send("GET", "/api/ledger?department=XZSPJ", null, token).status).isEqualTo(200);
        EventEnvelope disabled = new EventEnvelope("e-disabled", "UserDisabled", "1", "User", "leaving", 3,
                Instant.now(), "demo-org", "XZSPJ",
                EnvelopeCodec.toTree(new UserDisabled("leaving", "XZSPJ", "demo-org")));
        assertThat(new RevocationFeed(revoked, "unused:9092", Duration.ofMinutes(17), Clock.systemUTC())
                .apply(EnvelopeCodec.toJson(disabled))).isPresent();
        Answer refused = api.send("GET", "/api/ledger?department=XZSPJ", null, token);
        assertThat(refused.status).isEqualTo(401);
        assertThat(refused.json.get("code").asText()).isEqualTo("TOKEN_REVOKED");
        assertThat(api.get("/api/ledger?department=XZSPJ", LIAISON).status).as("others are untouched").isEqualTo(200);
    }
}
