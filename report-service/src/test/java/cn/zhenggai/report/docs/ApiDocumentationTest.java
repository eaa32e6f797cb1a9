package cn.zhenggai.report.docs;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ApiDocumentation;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.zhenggai.testsupport.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * report-service's OpenAPI document (ADR 0100, 0104): served at {@code /api/docs/report} to signed-in callers only,
 * with every endpoint of the service and the error codes it declares; and the typed answers keep the keys and their
 * order the hand-built maps had.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=cn.zhenggai.platform.kafka.KafkaPublishingAutoConfiguration",
        "spring.kafka.listener.auto-startup=false"})
class ApiDocumentationTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("report");

    private static final TestUser AUTHOR = new TestUser("demo-dept", "XZSPJ", List.of("DEPT_LIAISON", "CADRE"));
    private static final TestUser PARTY = new TestUser("demo-party", "DW", List.of("PARTY_COMMITTEE"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    private final ApiClient api = INFRASTRUCTURE.client();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
    }

    @Test
    void everyEndpointIsDocumentedWithItsErrorCodes() throws Exception {
        Answer document = api.get("/api/docs/report", AUTHOR);

        assertThat(document.status).isEqualTo(200);
        assertThat(document.json.path("openapi").asText()).startsWith("3.");
        assertThat(ApiDocumentation.undocumented(mapping, document.json)).isEmpty();
        JsonNode detail = document.json.at("/components/schemas/ReportDetail/properties");
        assertThat(detail.at("/rootCauses/items/$ref").asText()).endsWith("/RootCauseView");
        assertThat(detail.at("/measures/items/$ref").asText()).endsWith("/MeasureView");
    }

    /** What every guarded or report-scoped handler can answer, whatever else it refuses. */
    @Test
    void guardedAndReportScopedEndpointsDeclareThoseRefusals() {
        List<String> missing = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            ErrorCodes codes = handler.getMethodAnnotation(ErrorCodes.class);
            if (!handler.getBeanType().getName().startsWith("cn.zhenggai.report.") || codes == null) {
                return; // a handler without @ErrorCodes fails everyEndpointIsDocumentedWithItsErrorCodes
            }
            String name = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
            if (handler.hasMethodAnnotation(PreAuthorize.class) && !List.of(codes.forbidden()).contains("FORBIDDEN")) {
                missing.add(name + ": guarded by @PreAuthorize, no 403 FORBIDDEN");
            }
            if (info.getPatternValues().stream().anyMatch(p -> p.contains("{reportId}"))
                    && !List.of(codes.notFound()).contains("REPORT_NOT_FOUND")) {
                missing.add(name + ": names a report, no 404 REPORT_NOT_FOUND");
            }
        });

        assertThat(missing).isEmpty();
    }

    @Test
    void theDocumentNeedsASignedInCaller() throws Exception {
        Answer refused = api.send("GET", "/api/docs/report", null, (String) null);

        assertThat(refused.status).isEqualTo(401);
        assertThat(refused.json.path("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theTypedAnswersKeepTheirKeysInOrder() throws Exception {
        Answer meeting = api.post("/api/meetings", Map.of("organization", "行政审批局党组", "year", 2022,
                "kind", "ANNUAL", "themes", List.of(Map.of("name", "带头严守政治纪律"))), PARTY);
        assertThat(meeting.status).isEqualTo(201);
        assertThat(keys(meeting.json)).containsExactly("meetingId");
        Answer convened = api.get("/api/meetings/" + meeting.json.get("meetingId").asText(), AUTHOR);
        assertThat(convened.json.get("kind").asText()).isEqualTo("ANNUAL");

        Answer drafted = api.post("/api/reports", Map.of("title", "2022年度发言提纲", "year", 2022), AUTHOR);
        assertThat(keys(drafted.json)).containsExactly("reportId");
        String reportId = drafted.json.get("reportId").asText();
        String base = "/api/reports/" + reportId;
        Answer problem = api.post(base + "/problems", Map.of("theme", "政治方面", "ordinal", 1, "statement", "学习不深入。"),
                AUTHOR);
        assertThat(keys(problem.json)).containsExactly("reportId", "problemId");
        Answer rootCause = api.post(base + "/root-causes", Map.of("title", "理论学习不够",
                "problemIds", List.of(problem.json.get("problemId").asText())), AUTHOR);
        assertThat(keys(rootCause.json)).containsExactly("reportId", "rootCauseId");
        Answer measure = api.post(base + "/measures", Map.of("title", "加强学习", "deadline", "2023-06-30",
                "actions", List.of(Map.of("text", "每月学习一次。"))), AUTHOR);
        assertThat(keys(measure.json)).containsExactly("reportId", "measureId");
        Answer areas = api.put(base + "/clean-areas", Map.of("areas", List.of("廉洁方面")), AUTHOR);
        assertThat(keys(areas.json)).containsExactly("reportId");
        Answer delegated = api.post(base + "/delegations", Map.of("delegate", "demo-head"), AUTHOR);
        assertThat(keys(delegated.json)).containsExactly("reportId", "delegate");

        Answer detail = api.get(base, AUTHOR);
        assertThat(keys(detail.json)).containsExactly("reportId", "title", "year", "author", "department",
                "meetingId", "notice", "status", "round", "returnReasons", "delegates", "carryOver", "problems",
                "cleanAreas", "rootCauses", "measures", "personalMattersDeclared", "version", "updatedAt",
                "rounds");
        assertThat(detail.json.get("meetingId").isNull()).isTrue();
        assertThat(keys(detail.json.get("problems").get(0)))
                .containsExactly("problemId", "theme", "ordinal", "statement", "example");
        assertThat(keys(detail.json.get("rootCauses").get(0)))
                .containsExactly("rootCauseId", "ordinal", "title", "analysis", "problemIds");
        assertThat(keys(detail.json.get("measures").get(0))).containsExactly("measureId", "ordinal", "title",
                "content", "actions", "deadline", "deadlineText", "owner", "leadDepartment", "cooperatingDepartments",
                "rootCauseIds");

        Answer submitted = api.send("POST", base + "/submission", null, AUTHOR);
        assertThat(keys(submitted.json)).containsExactly("reportId", "status");
        assertThat(submitted.json.get("status").asText()).isEqualTo("SUBMITTED");

        JsonNode list = eventually(() -> {
            JsonNode body = api.get("/api/reports", AUTHOR).json;
            for (JsonNode r : body.get("reports")) {
                if (r.get("reportId").asText().equals(reportId) && r.get("status").asText().equals("SUBMITTED")) {
                    return body;
                }
            }
            return null;
        });
        assertThat(keys(list)).containsExactly("department", "count", "reports");
        assertThat(keys(list.get("reports").get(0))).containsExactly("reportId", "title", "year", "author",
                "department", "meetingId", "notice", "status", "round", "problems", "personalMattersDeclared",
                "returnReasons", "rootCauses", "measures", "updatedAt");
    }

    @Test
    void theOutlineAnswersKeepTheirKeysInOrder() throws Exception {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/outlines/sample-2022.txt")) {
            sample = in.readAllBytes();
        }

        Answer preview = api.multipart("/api/outlines/preview", "sample.txt", sample, AUTHOR);
        assertThat(preview.status).isEqualTo(200);
        assertThat(keys(preview.json)).containsExactly("fileName", "outline", "warnings", "counts", "warningCodes",
                "source", "carryOverSummary");
        assertThat(keys(preview.json.get("counts"))).containsExactly("carryOver", "problems", "cleanAreas",
                "rootCauses", "personalMatters", "measures");
        assertThat(preview.json.get("warnings").size()).isEqualTo(preview.json.get("warningCodes").size());
        for (JsonNode code : preview.json.get("warningCodes")) {
            assertThat(keys(code)).containsExactly("code", "params");
        }

        Answer imported = api.multipart("/api/outlines/import", "sample.txt", sample, AUTHOR);
        assertThat(imported.status).isEqualTo(201);
        assertThat(keys(imported.json)).containsExactly("reportId", "title", "year", "counts", "warnings",
                "warningCodes");
        assertThat(imported.json.get("counts")).isEqualTo(preview.json.get("counts"));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
