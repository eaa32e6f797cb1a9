package cn.zhenggai.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every processing group of a service propagates a handler's failure (so the tracking processor retries the batch)
 * instead of Axon's default, which logs the event and goes on without it (ADR 0085).
 */
class ProjectionErrorHandlingTest {

    @Test
    void aFailingProjectionHandlerIsRetriedNotSkipped() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        new AxonStorageAutoConfiguration().projectionsRetryInsteadOfSkipping().configureModule(configurer);
        Configuration config = configurer.buildConfiguration();

        for (String group : new String[] {"report-list", "ledger", "notifications", "any-other-group"}) {
            ListenerInvocationErrorHandler handler =
                    config.eventProcessingConfiguration().listenerInvocationErrorHandler(group);
            assertThat(handler).as(group).isInstanceOf(PropagatingErrorHandler.class);
        }
    }
}
