package cn.zhenggai.edge.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document of every door (springdoc), served at {@code springdoc.api-docs.path}, which each module sets
 * to its {@code /api/docs/<name>}: titled after {@code spring.application.name}, with the gateway as its only server
 * (the services sit on loopback behind it), and the {@link ErrorCodes} of each endpoint as its error responses.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI zhenggaiOpenApi(@Value("${spring.application.name:zhenggai}") String application,
                            @Value("${zhenggai.docs.title:}") String title) {
        return new OpenAPI()
                .info(new Info().title(title.isBlank() ? application : title).version("1"))
                .addServersItem(new Server().url("/").description("网关"));
    }

    @Bean
    ErrorCodesCustomizer errorCodesCustomizer() {
        return new ErrorCodesCustomizer();
    }
}
