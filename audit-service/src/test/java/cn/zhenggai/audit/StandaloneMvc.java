package cn.zhenggai.audit;

import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiExceptionHandler;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.List;

/**
 * Controllers built by hand over a test's own collaborators (a queued executor, a hand-fed item index), served by
 * MockMvc with the platform's error handler; the caller ({@code tester}) comes from the headers
 * {@code X-Test-Roles} (comma-separated) and {@code X-Test-Department}. The tests of the running service use
 * test-support instead (see {@code AuditEndpointsTest}).
 */
public final class StandaloneMvc {

    private StandaloneMvc() {
    }

    public static MockMvc of(Object... controllers) {
        return MockMvcBuilders.standaloneSetup(controllers)
                .setControllerAdvice(new ApiExceptionHandler())
                .setCustomArgumentResolvers(new HeaderCaller())
                .build();
    }

    /** The caller from test headers. */
    private static final class HeaderCaller implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            return new Caller("tester", request.getHeader("X-Test-Department"),
                    Role.parseAll(List.of(request.getHeader("X-Test-Roles").split(","))));
        }
    }
}
