package cn.zhenggai.gateway.routing;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.ServerResponse;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The outline paths ({@code /api/outlines/**}) wait longer for report-service than every other route: a scanned
 * outline's preview or import is read by OCR page by page inside the request (up to the parser's page limit for
 * scans), which can take longer than the proxy's {@code spring.http.clients.read-timeout} (120 s, ADR 0066) on a busy
 * machine. Their read timeout is {@code zhenggai.gateway.outline-read-timeout}; the connect timeout stays the
 * routes'. Every other request keeps the shorter timeout, so a hung service is still reported within it.
 *
 * <p>The gateway's proxy exchange is wrapped (not replaced), so its headers filters, routes and error handling are
 * those of every route; outline requests go through an exchange of the same kind (HttpURLConnection, ADR 0064) with
 * the longer read timeout.
 */
@Configuration
class OutlineReadTimeout {

    static final String OUTLINE_PATHS = "/api/outlines/";

    @Bean
    static BeanPostProcessor outlineReadTimeoutProxy(
            @Value("${zhenggai.gateway.outline-read-timeout:PT300S}") Duration readTimeout,
            @Value("${spring.http.clients.connect-timeout:PT2S}") Duration connectTimeout,
            ObjectProvider<GatewayMvcProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                if (bean instanceof ProxyExchange exchange && !(bean instanceof ByPath)) {
                    return new ByPath(exchange, new Lazy<>(() -> slow(readTimeout, connectTimeout,
                            properties.getObject())));
                }
                return bean;
            }
        };
    }

    private static ProxyExchange slow(Duration readTimeout, Duration connectTimeout, GatewayMvcProperties properties) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory() {
            @Override
            protected void prepareConnection(java.net.HttpURLConnection connection, String method)
                    throws java.io.IOException {
                super.prepareConnection(connection, method);
                connection.setInstanceFollowRedirects(false); // a proxy passes redirects on, as the routes' client does
            }
        };
        factory.setConnectTimeout(connectTimeout);
        factory.setReadTimeout(readTimeout);
        return new RestClientProxyExchange(RestClient.builder().requestFactory(factory).build(), properties);
    }

    /** Sends outline requests through the exchange with the longer read timeout, the rest through the gateway's. */
    static final class ByPath implements ProxyExchange {

        private final ProxyExchange routes;
        private final Supplier<ProxyExchange> outlines;

        ByPath(ProxyExchange routes, Supplier<ProxyExchange> outlines) {
            this.routes = routes;
            this.outlines = outlines;
        }

        @Override
        public ServerResponse exchange(Request request) {
            String path = request.getServerRequest().path();
            return (path.startsWith(OUTLINE_PATHS) ? outlines.get() : routes).exchange(request);
        }
    }

    /** Built on first use: the gateway's properties exist by then. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) {
                        value = make.get();
                    }
                    v = value;
                }
            }
            return v;
        }
    }
}
