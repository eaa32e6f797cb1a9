package cn.zhenggai.rectification.supervision;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.rectification.intake.MeasurePlanning;
import cn.zhenggai.rectification.measure.Actor;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Measure;
import cn.zhenggai.rectification.measure.MeasureIds;
import cn.zhenggai.rectification.measure.SupervisionTimers.SupervisionCheck;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * How many supervision deadline firings per second the service handles on the real stack: db-scheduler over
 * PostgreSQL, Axon's deadline manager, the Measure aggregate loaded from the JDBC event store. {@value #ITEMS}
 * assigned items get {@value #PER_ITEM} supervision checkpoints each, all due at one instant; the figure is how fast
 * the backlog drains. Each item's first firing turns it yellow (an event), the others find nothing to do and schedule
 * the next checkpoint, as stale timers do. Also times one scope-wide cancellation (db-scheduler scans every pending
 * deadline for it).
 *
 * <p>Skipped unless {@code -Dbench=supervision}; prints its figures, asserts nothing about time:
 * {@code mvn -B -pl rectification-service -am verify -Dtest=SupervisionDeadlineBenchmark -Dbench=supervision
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "supervision|all")
@SpringBootTest(properties = {
        "spring.autoconfigure.exclude=cn.zhenggai.platform.kafka.KafkaPublishingAutoConfiguration",
        "spring.kafka.listener.auto-startup=false",
        "logging.level.root=WARN"})
class SupervisionDeadlineBenchmark {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("rectification");

    static final int ITEMS = 1_000;
    static final int PER_ITEM = 10;

    @Autowired
    private MeasurePlanning planning;
    @Autowired
    private CommandSender commands;
    @Autowired
    private DeadlineManager deadlines;
    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
    }

    @Test
    void supervisionDeadlineFiringsPerSecond() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate deadline = today.plusDays(60); // nothing of its own is due during the run
        List<ReportAccepted.Measure> measures = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            measures.add(new ReportAccepted.Measure("msr-" + i, i, "整改措施" + i, "内容。", List.of(), null, null,
                    "张*", null, List.of(), List.of(), List.of()));
        }
        ReportAccepted accepted = new ReportAccepted("rpt-bench", "XZSPJ", "demo-dept", 2024, null, "demo-org", 1,
                List.of(), measures);
        long t0 = System.nanoTime();
        planning.plan(accepted, new EventEnvelope("e-bench", "ReportAccepted", "1", "Report", "rpt-bench", 1,
                Instant.now(), "demo-org", "XZSPJ", EnvelopeCodec.toTree(accepted)));
        Actor liaison = new Actor("demo-dept", "XZSPJ", true, false);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            String id = MeasureIds.fromReport("rpt-bench", "msr-" + i);
            ids.add(id);
            commands.send(new AssignMeasure(id, "XZSPJ", List.of(), "张*", deadline, false, null, today, liaison),
                    "demo-dept", "XZSPJ");
        }
        double setupSeconds = (System.nanoTime() - t0) / 1e9;

        // scheduled for later, then made due all at once (db-scheduler's own table), so that scheduling time does
        // not overlap the firings being timed
        Instant later = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long scheduling = System.nanoTime();
        for (String id : ids) {
            AggregateScopeDescriptor scope = new AggregateScopeDescriptor("Measure", id);
            for (int k = 0; k < PER_ITEM; k++) {
                deadlines.schedule(later, Measure.SUPERVISION, new SupervisionCheck(deadline.toString(), "YELLOW"),
                        scope);
            }
        }
        double scheduleSeconds = (System.nanoTime() - scheduling) / 1e9;
        long pending = jdbc.queryForObject("SELECT count(*) FROM rectification.scheduled_tasks", Long.class);
        long cancelStart = System.nanoTime();
        deadlines.cancelAllWithinScope("no-such-deadline", new AggregateScopeDescriptor("Measure", ids.get(0)));
        double cancelMillis = (System.nanoTime() - cancelStart) / 1e6;
        Instant due = Instant.now();
        int madeDue = jdbc.update("UPDATE rectification.scheduled_tasks SET execution_time = ? WHERE execution_time = ?",
                Timestamp.from(due), Timestamp.from(later));
        if (madeDue != ITEMS * PER_ITEM) {
            throw new IllegalStateException("expected " + ITEMS * PER_ITEM + " deadlines, found " + madeDue);
        }
        long drainStart = System.nanoTime();
        long remaining;
        do {
            Thread.sleep(200);
            remaining = jdbc.queryForObject("SELECT count(*) FROM rectification.scheduled_tasks WHERE execution_time"
                    + " <= ?", Long.class, Timestamp.from(due));
        } while (remaining > 0 && System.nanoTime() - drainStart < Duration.ofMinutes(20).toNanos());
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        long yellow = jdbc.queryForObject("SELECT count(*) FROM rectification.domainevententry WHERE payloadtype LIKE"
                + " '%MeasureColourChanged'", Long.class);
        int fired = ITEMS * PER_ITEM;
        System.out.printf("%nSUPERVISION BENCHMARK (db-scheduler on embedded PostgreSQL 14, 2 scheduler threads)%n");
        System.out.printf("  setup: %d items planned and assigned in %.1f s%n", ITEMS, setupSeconds);
        System.out.printf("  scheduled %d deadlines in %.1f s (%.0f/s)%n", fired, scheduleSeconds,
                fired / scheduleSeconds);
        System.out.printf("  one scope-wide cancellation with %d pending deadlines: %.0f ms%n", pending, cancelMillis);
        System.out.printf("  %d deadlines due at once fired in %.1f s: %.0f firings/s (%d left; %d turned yellow)%n",
                fired, drainSeconds, (fired - remaining) / drainSeconds, remaining, yellow);
    }
}
