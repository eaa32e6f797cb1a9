package cn.zhenggai.rectification.docs;

import cn.zhenggai.rectification.HttpTests;
import cn.zhenggai.rectification.RectificationHttpTest;
import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ApiDocumentation;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rectification-service's OpenAPI document (ADR 0100, 0105): served at {@code /api/docs/rectification} to signed-in
 * callers only, with every endpoint of the service and the error codes it declares; every operation on an item
 * documents the item's 404 and every command the 409 of a concurrent change.
 */
@RectificationHttpTest
class ApiDocumentationTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("rectification");

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
        Answer document = api.get("/api/docs/rectification", HttpTests.PARTY);

        assertThat(document.status).isEqualTo(200);
        assertThat(document.json.path("openapi").asText()).startsWith("3.");
        assertThat(ApiDocumentation.undocumented(mapping, document.json)).isEmpty();
    }

    @Test
    void everyOperationOnAnItemDocumentsTheUnknownItemAndEveryCommandAConcurrentChange() throws Exception {
        JsonNode paths = api.get("/api/docs/rectification", HttpTests.PARTY).json.path("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            if (!path.getKey().startsWith("/api/measures/{measureId}")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = o.next();
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (!listed(operation.getValue(), "404", "MEASURE_NOT_FOUND")) {
                    missing.add(name + ": 404 MEASURE_NOT_FOUND");
                }
                boolean command = operation.getKey().equals("post") && !path.getKey().endsWith("/evidence");
                if (command && !listed(operation.getValue(), "409", "CONCURRENT_MODIFICATION")) {
                    missing.add(name + ": 409 CONCURRENT_MODIFICATION");
                }
                if (command && !listed(operation.getValue(), "400", "VALIDATION_FAILED")) {
                    missing.add(name + ": 400 VALIDATION_FAILED");
                }
            }
        }
        assertThat(operations).as("item operations in the document").isGreaterThanOrEqualTo(13);
        assertThat(missing).isEmpty();
    }

    @Test
    void theDocumentNeedsASignedInCaller() throws Exception {
        Answer refused = api.send("GET", "/api/docs/rectification", null, (String) null);

        assertThat(refused.status).isEqualTo(401);
        assertThat(refused.json.path("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    private static boolean listed(JsonNode operation, String status, String code) {
        for (JsonNode listed : operation.path("responses").path(status).path("x-error-codes")) {
            if (listed.asText().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
