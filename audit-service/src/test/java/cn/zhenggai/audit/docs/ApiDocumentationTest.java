package cn.zhenggai.audit.docs;

import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ApiDocumentation;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * audit-service's OpenAPI document (ADR 0100): served at {@code /api/docs/audit} to signed-in callers only, with every
 * endpoint of the service and the error codes it declares.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=cn.zhenggai.platform.kafka.KafkaPublishingAutoConfiguration",
        "spring.kafka.listener.auto-startup=false"})
class ApiDocumentationTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("audit");

    private static final TestUser AUDITOR = new TestUser("demo-jw", "JW", List.of("DISCIPLINE"), null);

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
        Answer document = api.get("/api/docs/audit", AUDITOR);

        assertThat(document.status).isEqualTo(200);
        assertThat(document.json.path("openapi").asText()).startsWith("3.");
        assertThat(ApiDocumentation.undocumented(mapping, document.json)).isEmpty();
    }

    @Test
    void theDocumentNeedsASignedInCaller() throws Exception {
        Answer refused = api.send("GET", "/api/docs/audit", null, (String) null);

        assertThat(refused.status).isEqualTo(401);
        assertThat(refused.json.path("code").asText()).isEqualTo("UNAUTHENTICATED");
    }
}
