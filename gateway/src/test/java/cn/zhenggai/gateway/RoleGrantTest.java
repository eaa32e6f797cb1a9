package cn.zhenggai.gateway;

import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.gateway.directory.DirectoryOutbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No one changes their own roles; PARTY_COMMITTEE, DISCIPLINE and ORG_DEPT need a second person, and DISCIPLINE is
 * never granted by the organization department alone (ADR 0079).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zhenggai.database.schema=gw_grants")
class RoleGrantTest extends GatewayHttpTest {

    private static final String STRONG = "Zhengg@i-2026";

    @Autowired
    private DirectoryOutbox outbox;
    private String org;

    @BeforeEach
    void signIn() throws Exception {
        org = accessToken("demo-org", "demo");
    }

    @Test
    void theOrganizationDepartmentCannotGrantItselfRoles() throws Exception {
        int before = outbox.all().size();
        Answer self = put("/api/directory/users/demo-org", Map.of("displayName", "组织部（演示）", "department", "ZZB",
                "roles", List.of("ORG_DEPT", "PARTY_COMMITTEE", "DISCIPLINE")), org);
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.code()).isEqualTo("CANNOT_CHANGE_OWN_ROLES");
        assertThat(self.text("message")).contains("不能修改自己的角色");
        assertThat(outbox.all()).hasSize(before);
        assertThat(claims(accessToken("demo-org", "demo")).get("roles").toString()).isEqualTo("[\"ORG_DEPT\"]");
    }

    @Test
    void anAllRolesAccountIsCreatedWithoutThePrivilegedRolesUntilApproved() throws Exception {
        Answer created = post("/api/directory/users", Map.of("username", "all.roles", "displayName", "全角色",
                "department", "ZZB", "roles", List.of("CADRE", "ORG_DEPT", "PARTY_COMMITTEE", "DISCIPLINE"),
                "password", STRONG), org);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("roles").toString()).isEqualTo("[\"CADRE\"]");
        JsonAssert pending = new JsonAssert(created.json().get("pendingGrant"));
        assertThat(pending.text("status")).isEqualTo("PENDING");
        assertThat(pending.node().get("roles").toString()).isEqualTo("[\"DISCIPLINE\",\"ORG_DEPT\",\"PARTY_COMMITTEE\"]");
        assertThat(claims(accessToken("all.roles", STRONG)).get("roles").toString()).isEqualTo("[\"CADRE\"]");

        String grantId = pending.text("grantId");
        Answer byProposer = post("/api/directory/grants/" + grantId + "/approve", Map.of(), org);
        assertThat(byProposer.status()).isEqualTo(403);
        assertThat(byProposer.code()).isEqualTo("SAME_PERSON");
        Answer bySubject = post("/api/directory/grants/" + grantId + "/approve", Map.of(),
                accessToken("all.roles", STRONG));
        assertThat(bySubject.status()).isEqualTo(403);

        // DISCIPLINE in it: another organization department user is not enough, the party committee is
        createOrgUser("org.second");
        Answer byOtherOrg = post("/api/directory/grants/" + grantId + "/approve", Map.of(),
                accessToken("org.second", STRONG));
        assertThat(byOtherOrg.status()).isEqualTo(403);
        assertThat(byOtherOrg.code()).isEqualTo("APPROVER_NOT_ENTITLED");
        assertThat(byOtherOrg.text("message")).contains("党委");

        String party = accessToken("demo-party", "demo");
        Answer list = get("/api/directory/grants?status=PENDING", party);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("grants").findValuesAsText("grantId")).contains(grantId);
        Answer approved = post("/api/directory/grants/" + grantId + "/approve", Map.of(), party);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.text("decidedBy")).isEqualTo("demo-party");
        assertThat(approved.text("proposedByName")).isEqualTo("组织部（演示）");
        assertThat(approved.text("decidedByName")).isEqualTo("党委（演示）");
        clock.advance(Duration.ofSeconds(2));
        assertThat(claims(accessToken("all.roles", STRONG)).get("roles")).extracting(n -> n.asText())
                .containsExactlyInAnyOrder("CADRE", "DISCIPLINE", "ORG_DEPT", "PARTY_COMMITTEE");
        assertThat(post("/api/directory/grants/" + grantId + "/approve", Map.of(), party).code())
                .isEqualTo("GRANT_NOT_PENDING");

        List<EventEnvelope> grantEvents = outbox.all().stream().filter(e -> e.aggregateId().equals(grantId)).toList();
        assertThat(grantEvents).extracting(EventEnvelope::type).containsExactly("RoleGrantProposed",
                "RoleGrantApproved");
        assertThat(grantEvents.get(0).actor()).isEqualTo("demo-org");
        assertThat(grantEvents.get(1).payload().get("approvedBy").asText()).isEqualTo("demo-party");
        assertThat(grantEvents.get(1).payload().get("proposedBy").asText()).isEqualTo("demo-org");
        EventEnvelope granted = outbox.all().stream().filter(e -> e.type().equals("RolesGranted")
                && e.aggregateId().equals("all.roles")).findFirst().orElseThrow();
        assertThat(granted.payload().get("grantId").asText()).isEqualTo(grantId);
        assertThat(granted.actor()).isEqualTo("demo-party");
    }

    @Test
    void disciplineIsApprovedByDisciplineInspectionAndARejectedGrantChangesNothing() throws Exception {
        post("/api/directory/users", Map.of("username", "jw.new", "displayName", "纪委新人", "department", "JW",
                "roles", List.of("CADRE"), "password", STRONG), org);
        Answer proposed = put("/api/directory/users/jw.new", Map.of("displayName", "纪委新人", "department", "JW",
                "roles", List.of("CADRE", "DISCIPLINE")), org);
        assertThat(proposed.status()).isEqualTo(200);
        assertThat(proposed.json().get("roles").toString()).isEqualTo("[\"CADRE\"]");
        String grantId = proposed.json().get("pendingGrant").get("grantId").asText();
        assertThat(put("/api/directory/users/jw.new", Map.of("displayName", "纪委新人", "department", "JW",
                "roles", List.of("CADRE", "DISCIPLINE")), org).code()).isEqualTo("GRANT_ALREADY_PENDING");
        assertThat(get("/api/directory/grants", accessToken("demo-dept", "demo")).status()).isEqualTo(403);
        assertThat(post("/api/directory/grants/" + grantId + "/approve", Map.of(), accessToken("demo-audit", "demo"))
                .text("status")).isEqualTo("APPROVED");

        Answer again = put("/api/directory/users/demo-cz", Map.of("displayName", "财政局联络员（演示）",
                "department", "CZJ", "roles", List.of("DEPT_LIAISON", "CADRE", "ORG_DEPT")), org);
        String second = again.json().get("pendingGrant").get("grantId").asText();
        Answer rejected = post("/api/directory/grants/" + second + "/reject", Map.of("reason", "不符合任职条件。"),
                accessToken("demo-party", "demo"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(claims(accessToken("demo-cz", "demo")).get("roles").toString()).doesNotContain("ORG_DEPT");
        assertThat(post("/api/directory/grants/grt-nope/approve", Map.of(), accessToken("demo-party", "demo"))
                .status()).isEqualTo(404);
        assertThat(get("/api/directory/grants?status=SOMETHING", org).code()).isEqualTo("INVALID_STATUS");
        EventEnvelope rejection = outbox.all().stream().filter(e -> e.aggregateId().equals(second)
                && e.type().equals("RoleGrantRejected")).findFirst().orElseThrow();
        assertThat(rejection.payload().get("reason").asText()).isEqualTo("不符合任职条件。");
    }

    private void createOrgUser(String username) throws Exception {
        Answer created = post("/api/directory/users", Map.of("username", username, "displayName", "组织部二",
                "department", "ZZB", "roles", List.of("ORG_DEPT"), "password", STRONG), org);
        String grantId = created.json().get("pendingGrant").get("grantId").asText();
        assertThat(post("/api/directory/grants/" + grantId + "/approve", Map.of(), accessToken("demo-party", "demo"))
                .status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
    }

    private record JsonAssert(com.fasterxml.jackson.databind.JsonNode node) {
        String text(String field) {
            return node.path(field).asText(null);
        }
    }
}
