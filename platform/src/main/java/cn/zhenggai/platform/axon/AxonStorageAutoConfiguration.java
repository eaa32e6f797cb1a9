package cn.zhenggai.platform.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Axon on PostgreSQL without Axon Server: the JDBC event store and token store (schema created on start),
 * persistent deadlines through db-scheduler, and the metadata every event carries (actor, department). No service
 * has a saga, so no saga tables are created (ADR 0103).
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {JdbcAutoConfiguration.class, TransactionAutoConfiguration.class,
                AxonDbSchedulerAutoConfiguration.class})
public class AxonStorageAutoConfiguration {

    /** Metadata keys copied from a command onto every event it causes. */
    public static final String ACTOR = "actor";
    public static final String DEPARTMENT = "department";

    /**
     * Axon's units of work run in Spring's JDBC transactions. (Declared here because Axon's own auto-configuration
     * orders itself after Boot 3's class names and would fall back to no transactions on Boot 4.)
     */
    /**
     * A projection whose handler fails (its store is down, say) stops and retries the batch: Axon's default logs
     * and skips the event, which loses it from the read model for good (found by the chaos run, ADR 0085).
     */
    @Bean
    public ConfigurerModule projectionsRetryInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    @Bean
    public CommandDispatcher commandDispatcher(CommandGateway commandGateway) {
        return new CommandDispatcher(commandGateway);
    }

    @Bean
    public AxonSchemaInitializer axonSchemaInitializer(DataSource dataSource,
                                                       @Value("${zhenggai.database.schema}") String schema) {
        return new AxonSchemaInitializer(dataSource, schema);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, DEPARTMENT);
    }

    /**
     * db-scheduler keeps deadlines in the {@code scheduled_tasks} table, so they survive a restart; Axon's
     * db-scheduler auto-configuration contributes the deadline and event tasks and the DeadlineManager.
     */
    @Bean(destroyMethod = "stop")
    public Scheduler deadlineScheduler(DataSource dataSource,
                                       AxonSchemaInitializer schema,
                                       List<Task<?>> tasks,
                                       @Value("${zhenggai.deadlines.polling-interval:PT1S}") Duration pollingInterval) {
        return Scheduler.create(dataSource, tasks)
                .threads(2)
                .pollingInterval(pollingInterval)
                .registerShutdownHook()
                .build();
    }

    @Bean
    public DeadlineSchedulerStarter deadlineSchedulerStarter(Scheduler scheduler) {
        return new DeadlineSchedulerStarter(scheduler);
    }
}
