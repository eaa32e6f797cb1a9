package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.ledger.ItemAction;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.rectification.HttpTests;
import cn.zhenggai.rectification.RectificationHttpTest;
import cn.zhenggai.rectification.intake.MeasurePlanning;
import cn.zhenggai.rectification.measure.MeasureIds;
import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.zhenggai.testsupport.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code actions} of {@code GET /api/measures/{id}} over HTTP: each role sees what it may do in each state, and
 * every action offered is one the service accepts (through a whole lifecycle every {@link ItemAction} is offered
 * and then taken), while one not offered is refused.
 */
@RectificationHttpTest
class ItemActionsHttpTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("rectification");

    static final TestUser LIAISON = HttpTests.LIAISON;
    static final TestUser COOPERATING = new TestUser("zzb-liaison", "ZZB", List.of("DEPT_LIAISON"), null);
    static final TestUser CADRE = new TestUser("xz-cadre", "XZSPJ", List.of("CADRE"), null);
    static final TestUser PARTY = HttpTests.PARTY;
    static final TestUser OTHER_PARTY = new TestUser("party-2", "DW", List.of("PARTY_COMMITTEE"), null);
    static final TestUser ORG = HttpTests.ORG;

    private static final List<String> ALL_OPEN = List.of("ASSIGN", "REPORT_PROGRESS", "ATTACH_EVIDENCE", "COMPLETE",
            "REQUEST_EXTENSION");

    @Autowired
    private MeasurePlanning planning;

    private final ApiClient api = INFRASTRUCTURE.client();
    private final Set<ItemAction> accepted = EnumSet.noneOf(ItemAction.class);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
        HttpTests.evidenceDirectory(registry);
    }

    @Test
    void eachRoleIsOfferedWhatTheServiceAcceptsThroughTheWholeLifecycle() throws Exception {
        String item = plan("rpt-actions");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        awaitStatus(item, "PLANNED");

        assertThat(actions(item, LIAISON)).containsExactly("ASSIGN");
        assertThat(actions(item, PARTY)).containsExactly("ASSIGN");
        assertThat(actions(item, CADRE)).as("a cadre keeps no ledger").isEmpty();
        assertThat(actions(item, ORG)).as("a cross-department reader only reads").isEmpty();
        Answer early = api.post("/api/measures/" + item + "/supervision", Map.of("reason", "请加快进度。"), PARTY);
        assertThat(early.status).as("督办 is not offered on a planned item, and refused: " + early).isEqualTo(409);

        take(ItemAction.ASSIGN, api.post("/api/measures/" + item + "/assignment", Map.of("leadDepartment", "XZSPJ",
                "cooperatingDepartments", List.of("ZZB"), "owner", "王*", "deadline", today.plusDays(30).toString()),
                LIAISON));
        awaitStatus(item, "IN_PROGRESS");
        assertThat(actions(item, LIAISON)).containsExactlyElementsOf(ALL_OPEN);
        assertThat(actions(item, COOPERATING)).containsExactly("REPORT_PROGRESS", "ATTACH_EVIDENCE");
        List<String> partyOpen = new ArrayList<>(ALL_OPEN);
        partyOpen.add("SUPERVISE");
        assertThat(actions(item, PARTY)).containsExactlyElementsOf(partyOpen);
        assertThat(actions(item, ORG)).isEmpty();

        take(ItemAction.REPORT_PROGRESS, api.post("/api/measures/" + item + "/progress",
                Map.of("text", "配合开展学习。"), COOPERATING));
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        take(ItemAction.ATTACH_EVIDENCE, api.multipart("/api/measures/" + item + "/evidence", "学习记录.pdf", pdf,
                LIAISON));
        take(ItemAction.SUPERVISE, api.post("/api/measures/" + item + "/supervision",
                Map.of("level", "OWNER", "reason", "请加快进度。"), PARTY));
        take(ItemAction.REQUEST_EXTENSION, api.post("/api/measures/" + item + "/extension-request",
                Map.of("deadline", today.plusDays(60).toString(), "reason", "客观原因。"), LIAISON));
        eventually(() -> get(item, PARTY).path("pendingExtension").isObject() ? true : null);
        assertThat(actions(item, LIAISON)).as("one extension at a time, decided by the party committee")
                .containsExactly("ASSIGN", "REPORT_PROGRESS", "ATTACH_EVIDENCE", "COMPLETE");
        assertThat(actions(item, PARTY)).contains("DECIDE_EXTENSION").doesNotContain("REQUEST_EXTENSION");
        take(ItemAction.DECIDE_EXTENSION, api.post("/api/measures/" + item + "/extension-approval", Map.of(),
                PARTY));
        eventually(() -> get(item, PARTY).path("pendingExtension").isNull() ? true : null);

        take(ItemAction.COMPLETE, api.post("/api/measures/" + item + "/completion", Map.of("summary", "完成。"),
                LIAISON));
        awaitStatus(item, "COMPLETED");
        assertThat(actions(item, LIAISON)).isEmpty();
        assertThat(actions(item, COOPERATING)).isEmpty();
        assertThat(actions(item, PARTY)).containsExactly("VERIFY", "REJECT");
        take(ItemAction.REJECT, api.post("/api/measures/" + item + "/rejection",
                Map.of("reasons", List.of("材料不全。")), PARTY));
        awaitStatus(item, "IN_PROGRESS");

        take(ItemAction.COMPLETE, api.post("/api/measures/" + item + "/completion", Map.of("summary", "补充完成。"),
                PARTY));
        awaitStatus(item, "COMPLETED");
        assertThat(actions(item, PARTY)).as("no one verifies their own completion").isEmpty();
        assertThat(actions(item, OTHER_PARTY)).containsExactly("VERIFY", "REJECT");
        Answer own = api.post("/api/measures/" + item + "/verification", Map.of(), PARTY);
        assertThat(own.status).as("not offered, and refused: " + own).isEqualTo(403);
        take(ItemAction.VERIFY, api.post("/api/measures/" + item + "/verification", Map.of(), OTHER_PARTY));
        awaitStatus(item, "VERIFIED");
        assertThat(actions(item, LIAISON)).isEmpty();
        assertThat(actions(item, PARTY)).containsExactly("REOPEN");
        take(ItemAction.REOPEN, api.post("/api/measures/" + item + "/reopening", Map.of("reason", "复查。"), PARTY));
        awaitStatus(item, "IN_PROGRESS");

        assertThat(accepted).as("every action was offered and then accepted")
                .containsExactlyInAnyOrder(ItemAction.values());
    }

    private void take(ItemAction action, Answer answer) {
        assertThat(answer.status).as(action + ": " + answer.json).isEqualTo(200);
        accepted.add(action);
    }

    private JsonNode get(String item, TestUser user) throws Exception {
        Answer answer = api.get("/api/measures/" + item, user);
        assertThat(answer.status).as(answer.json.toString()).isEqualTo(200);
        return answer.json;
    }

    private List<String> actions(String item, TestUser user) throws Exception {
        List<String> names = new ArrayList<>();
        get(item, user).path("actions").forEach(a -> names.add(a.asText()));
        return names;
    }

    private void awaitStatus(String item, String status) throws Exception {
        eventually(() -> {
            Answer answer = api.get("/api/measures/" + item, PARTY);
            return answer.status == 200 && status.equals(answer.json.path("status").asText()) ? true : null;
        });
    }

    private String plan(String reportId) {
        ReportAccepted accepted = new ReportAccepted(reportId, "XZSPJ", "demo-dept", 2022, null, "demo-org", 1,
                List.of(new ReportAccepted.Problem("prb-1", "主题", 1, "理论学习的系统性还不够。")),
                List.of(new ReportAccepted.Measure("msr-1", 1, "强化理论武装", "内容。", List.of(), null, null, "王*",
                        null, List.of(), List.of(), List.of("prb-1"))));
        EventEnvelope envelope = new EventEnvelope("e-accepted-" + reportId, "ReportAccepted", "1", "Report",
                reportId, 30, Instant.now(), "demo-org", "XZSPJ", EnvelopeCodec.toTree(accepted));
        assertThat(planning.plan(accepted, envelope)).isEqualTo(1);
        return MeasureIds.fromReport(reportId, "msr-1");
    }
}
