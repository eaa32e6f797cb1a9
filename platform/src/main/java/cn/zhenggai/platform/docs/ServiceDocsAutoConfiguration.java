package cn.zhenggai.platform.docs;

import cn.zhenggai.platform.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * What the services' OpenAPI documents leave out (the rest is web-edge's {@code ApiDocsAutoConfiguration}): the
 * {@link Caller} parameter, which comes from the token, not from the request.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class ServiceDocsAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
