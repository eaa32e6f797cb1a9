package cn.zhenggai.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory's administration by the organization department, and what its changes do to logins. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zhenggai.database.schema=gw_directory")
class DirectoryAdminTest extends GatewayHttpTest {

    private static final String STRONG = "Zhengg@i-2026";

    @Autowired
    private JdbcTemplate jdbc;
    private String org;

    @BeforeEach
    void signIn() throws Exception {
        org = accessToken("demo-org", "demo");
    }

    @Test
    void onlyTheOrganizationDepartmentManagesUsers() throws Exception {
        Answer list = get("/api/directory/users", org);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("count").asInt()).isGreaterThanOrEqualTo(7);
        assertThat(list.raw().body()).contains("demo-head").doesNotContain("bcrypt").doesNotContain("$2");
        assertThat(get("/api/directory/users?department=XZSPJ", org).json().get("users").findValuesAsText("department"))
                .containsOnly("XZSPJ");

        for (String user : List.of("demo-party", "demo-audit", "demo-dept", "demo-head")) {
            String token = accessToken(user, "demo");
            Answer refused = get("/api/directory/users", token);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN_ROLE");
            assertThat(post("/api/directory/users", newUser("sneaky." + user.substring(5), "XZSPJ",
                    List.of("ORG_DEPT"), STRONG), token).status()).as(user + " creates").isEqualTo(403);
            assertThat(post("/api/directory/users/demo-cadre/password", Map.of("password", STRONG), token).status())
                    .as(user + " resets").isEqualTo(403);
            assertThat(post("/api/directory/users/demo-cadre/disable", Map.of(), token).status()).isEqualTo(403);
            assertThat(put("/api/directory/users/" + user, Map.of("displayName", "x", "department", "ZZB",
                    "roles", List.of("ORG_DEPT")), token).status()).as(user + " promotes self").isEqualTo(403);
        }
        assertThat(get("/api/directory/users", null).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gw_directory.users WHERE username LIKE 'sneaky%'",
                Long.class)).isZero();
        assertThat(get("/api/directory/departments", accessToken("demo-dept", "demo")).raw().body())
                .as("department names are for everyone").contains("行政审批局");
    }

    /** Issue 11, item 9: NUL in directory fields was a 500; now the gateway's edge refuses it and stores nothing. */
    @Test
    void controlCharactersAndOversizedBodiesAreRefusedBeforeTheDirectorySeesThem() throws Exception {
        long users = jdbc.queryForObject("SELECT count(*) FROM gw_directory.users", Long.class);
        long departments = jdbc.queryForObject("SELECT count(*) FROM gw_directory.departments", Long.class);
        Answer user = post("/api/directory/users", "{\"username\":\"nul\\u0000user\",\"displayName\":\"某\","
                + "\"department\":\"CZJ\",\"roles\":[\"CADRE\"],\"password\":\"" + STRONG + "\"}", org);
        assertThat(user.status()).isEqualTo(400);
        assertThat(user.code()).isEqualTo("INVALID_TEXT");
        assertThat(user.text("message")).contains("username");
        Answer department = post("/api/directory/departments", "{\"code\":\"NULJ\",\"name\":\"局\\u0000\"}", org);
        assertThat(department.status()).isEqualTo(400);
        assertThat(department.code()).isEqualTo("INVALID_TEXT");
        Answer surrogate = send("PUT", "/api/directory/users/demo-cadre", "{\"displayName\":\"\\udc00\","
                + "\"department\":\"XZSPJ\",\"roles\":[\"CADRE\"]}", org, Map.of());
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(surrogate.code()).isEqualTo("INVALID_TEXT");
        Answer lineBreak = post("/api/directory/departments", Map.of("code", "LBJ", "name", "换行\n局"), org);
        assertThat(lineBreak.status()).isEqualTo(400);
        assertThat(lineBreak.code()).isEqualTo("VALIDATION_FAILED");
        Answer big = post("/api/directory/departments", "{\"code\":\"BIG\",\"name\":\"" + "大".repeat(400_000)
                + "\"}", org);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        Answer nowhere = send("GET", "/api/directory/nowhere", null, org, Map.of());
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.code()).isEqualTo("NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gw_directory.users", Long.class)).isEqualTo(users);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gw_directory.departments", Long.class))
                .isEqualTo(departments);
    }

    @Test
    void aCreatedUserLogsInWithTheRolesAndDepartmentGivenAndADuplicateIsRefused() throws Exception {
        Answer created = post("/api/directory/users", newUser("cz.head", "CZJ", List.of("DEPT_HEAD", "CADRE"), STRONG),
                org);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("enabled").asBoolean()).isTrue();
        String hash = jdbc.queryForObject("SELECT password_hash FROM gw_directory.users WHERE username = 'cz.head'",
                String.class);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(STRONG);

        JsonNode claims = claims(accessToken("cz.head", STRONG));
        assertThat(claims.get("dept").asText()).isEqualTo("CZJ");
        assertThat(claims.get("name").asText()).isEqualTo("财政局新用户");
        assertThat(claims.get("roles").toString()).contains("DEPT_HEAD").contains("CADRE");

        Answer duplicate = post("/api/directory/users", newUser("cz.head", "ZZB", List.of("ORG_DEPT"), STRONG), org);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("USERNAME_TAKEN");
        assertThat(duplicate.text("message")).contains("已存在");
        assertThat(claims(accessToken("cz.head", STRONG)).get("dept").asText()).as("unchanged").isEqualTo("CZJ");
    }

    @Test
    void badUsersAreRefusedWithAReasonAndNothingIsStored() throws Exception {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("short", new Object[]{newUser("weak.one", "CZJ", List.of("CADRE"), "Ab1!"), "WEAK_PASSWORD"});
        cases.put("two classes", new Object[]{newUser("weak.two", "CZJ", List.of("CADRE"), "abcdefghij12"),
                "WEAK_PASSWORD"});
        cases.put("contains username", new Object[]{newUser("weak.three", "CZJ", List.of("CADRE"),
                "Weak.Three-2026"), "WEAK_PASSWORD"});
        cases.put("well known", new Object[]{newUser("weak.four", "CZJ", List.of("CADRE"), "P@ssw0rd12"),
                "WEAK_PASSWORD"});
        cases.put("over 72 bytes", new Object[]{newUser("weak.five", "CZJ", List.of("CADRE"),
                "密码很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长Aa1"),
                "WEAK_PASSWORD"});
        cases.put("username", new Object[]{newUser("Bad Name", "CZJ", List.of("CADRE"), STRONG), "INVALID_USERNAME"});
        cases.put("department", new Object[]{newUser("no.dept", "NOPE", List.of("CADRE"), STRONG),
                "UNKNOWN_DEPARTMENT"});
        cases.put("role", new Object[]{newUser("no.role", "CZJ", List.of("ADMIN"), STRONG), "UNKNOWN_ROLE"});
        cases.put("no roles", new Object[]{newUser("no.roles", "CZJ", List.of(), STRONG), "VALIDATION_FAILED"});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            Answer answer = post("/api/directory/users", c.getValue()[0], org);
            assertThat(answer.status()).as(c.getKey()).isEqualTo(400);
            assertThat(answer.code()).as(c.getKey()).isEqualTo(c.getValue()[1]);
            assertThat(answer.text("message")).as(c.getKey()).matches(".*[\\u4e00-\\u9fff].*");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gw_directory.users WHERE username LIKE 'weak%' OR "
                + "username LIKE 'no.%' OR username LIKE 'bad%'", Long.class)).isZero();
    }

    @Test
    void changedRolesAndDepartmentReachTheNextTokenAndDisablingEndsTheSessions() throws Exception {
        post("/api/directory/users", newUser("mover", "XZSPJ", List.of("CADRE"), STRONG), org);
        Answer session = login("mover", STRONG);
        Answer changed = put("/api/directory/users/mover", Map.of("displayName", "调任人员", "department", "CZJ",
                "roles", List.of("DEPT_LIAISON", "CADRE")), org);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("department").asText()).isEqualTo("CZJ");
        Answer refreshed = post("/api/auth/refresh", Map.of("refreshToken", session.text("refreshToken")), null);
        assertThat(claims(refreshed.text("accessToken")).get("dept").asText()).isEqualTo("CZJ");
        assertThat(claims(refreshed.text("accessToken")).get("roles").toString()).contains("DEPT_LIAISON");

        assertThat(post("/api/directory/users/mover/disable", Map.of(), org).json().get("enabled").asBoolean())
                .isFalse();
        Answer disabled = login("mover", STRONG);
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.code()).isEqualTo("ACCOUNT_DISABLED");
        assertThat(login("mover", "wrong-Password-1").code()).as("no hint without the password")
                .isEqualTo("BAD_CREDENTIALS");
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", refreshed.text("refreshToken")), null).status())
                .isEqualTo(401);
        post("/api/directory/users/mover/enable", Map.of(), org);
        assertThat(login("mover", STRONG).status()).isEqualTo(200);

        assertThat(post("/api/directory/users/demo-org/disable", Map.of(), org).code()).isEqualTo("CANNOT_CHANGE_SELF");
        assertThat(put("/api/directory/users/demo-org", Map.of("displayName", "x", "department", "ZZB",
                "roles", List.of("CADRE")), org).code()).isEqualTo("CANNOT_CHANGE_OWN_ROLES");
        assertThat(post("/api/directory/users/nobody-here/disable", Map.of(), org).status()).isEqualTo(404);
    }

    @Test
    void aPasswordResetUnlocksTheAccountAndEndsItsSessions() throws Exception {
        post("/api/directory/users", newUser("forgetful", "CZJ", List.of("CADRE"), STRONG), org);
        String refresh = login("forgetful", STRONG).text("refreshToken");
        for (int i = 0; i < 5; i++) {
            login("forgetful", "Not-The-Password-" + i);
        }
        assertThat(login("forgetful", STRONG).code()).isEqualTo("ACCOUNT_LOCKED");

        assertThat(post("/api/directory/users/forgetful/password", Map.of("password", "short"), org).code())
                .isEqualTo("WEAK_PASSWORD");
        assertThat(post("/api/directory/users/forgetful/password", Map.of("password", "Neues-Passwort-7"), org)
                .status()).isEqualTo(200);
        assertThat(login("forgetful", STRONG).code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(login("forgetful", "Neues-Passwort-7").status()).isEqualTo(200);
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", refresh), null).status()).isEqualTo(401);
    }

    @Test
    void departmentsAreAddedByTheOrganizationDepartment() throws Exception {
        Answer created = post("/api/directory/departments", Map.of("code", "JYJ", "name", "教育局"), org);
        assertThat(created.status()).isEqualTo(201);
        assertThat(post("/api/directory/departments", Map.of("code", "JYJ", "name", "教育局"), org).code())
                .isEqualTo("DEPARTMENT_TAKEN");
        assertThat(post("/api/directory/departments", Map.of("code", "jy j", "name", "x"), org).code())
                .isEqualTo("INVALID_DEPARTMENT");
        assertThat(post("/api/directory/departments", Map.of("code", "MZJ", "name", "民政局"),
                accessToken("demo-party", "demo")).status()).isEqualTo(403);
        assertThat(post("/api/directory/users", newUser("jy.cadre", "JYJ", List.of("CADRE"), STRONG), org).status())
                .isEqualTo(201);
    }

    /** The answers are records (ADR 0106): their keys come in the order the maps before them put them. */
    @Test
    void answersKeepTheirKeysInOrder() throws Exception {
        assertThat(names(get("/api/auth/me", org).json()))
                .containsExactly("username", "displayName", "department", "departmentName", "roles");
        JsonNode users = get("/api/directory/users", org).json();
        assertThat(names(users)).containsExactly("count", "users");
        assertThat(names(users.get("users").get(0)))
                .containsExactly("username", "displayName", "department", "roles", "enabled");
        JsonNode departments = get("/api/directory/departments", org).json();
        assertThat(names(departments)).containsExactly("count", "departments");
        assertThat(names(departments.get("departments").get(0))).containsExactly("code", "name");
        Answer created = post("/api/directory/users", newUser("order.check", "ZZB", List.of("ORG_DEPT"), STRONG), org);
        assertThat(created.status()).isEqualTo(201);
        assertThat(names(created.json()))
                .containsExactly("username", "displayName", "department", "roles", "enabled", "pendingGrant");
        List<String> grant = List.of("grantId", "username", "displayName", "department", "roles", "status",
                "proposedBy", "proposedAt", "decidedBy", "decidedAt", "reason", "proposedByName", "decidedByName");
        assertThat(names(created.json().get("pendingGrant"))).containsExactlyElementsOf(grant);
        JsonNode grants = get("/api/directory/grants?status=PENDING", org).json();
        assertThat(names(grants)).containsExactly("count", "grants");
        List<String> listed = new java.util.ArrayList<>(grant);
        listed.add("mayApprove");
        assertThat(names(grants.get("grants").get(0))).containsExactlyElementsOf(listed);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, Object> newUser(String username, String department, List<String> roles,
                                               String password) {
        return Map.of("username", username, "displayName", "财政局新用户", "department", department, "roles", roles,
                "password", password);
    }
}
