package cn.zhenggai.edge;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edge of every HTTP door: {@link EdgeFilter} first of all filters (before security), {@link JsonErrorController}
 * for {@code /error}, {@link JsonErrorReportValve} for what Tomcat answers on its own. Caps come from
 * {@link BodyLimits}; {@code zhenggai.edge.max-body-size} and {@code zhenggai.edge.body-limits[/path/pattern]}
 * override them.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(JsonErrorController.class)
public class EdgeAutoConfiguration {

    /** Before Boot's character-encoding filter's neighbours and long before Spring Security's chain (-100). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    BodyLimits edgeBodyLimits(Environment environment,
                              @Value("${zhenggai.edge.max-body-size:1MB}") DataSize defaultMax) {
        Map<String, DataSize> endpoints = new LinkedHashMap<>(BodyLimits.fileEndpoints());
        Binder.get(environment).bind("zhenggai.edge.body-limits", Bindable.mapOf(String.class, DataSize.class))
                .ifBound(endpoints::putAll);
        return new BodyLimits(defaultMax, endpoints);
    }

    @Bean
    FilterRegistrationBean<EdgeFilter> edgeFilter(BodyLimits limits) {
        FilterRegistrationBean<EdgeFilter> registration = new FilterRegistrationBean<>(new EdgeFilter(limits));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Multipart text fields and file names, once the dispatcher has parsed the parts. */
    @Bean
    WebMvcConfigurer edgeMultipartTextCheck() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new MultipartTextCheck()).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }
}
