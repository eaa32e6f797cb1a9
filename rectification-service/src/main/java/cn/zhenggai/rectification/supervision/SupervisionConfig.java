package cn.zhenggai.rectification.supervision;

import cn.zhenggai.rectification.measure.SupervisionSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The supervision schedule the items' timers follow (ADR 0031), from {@code zhenggai.supervision.*}: yellow
 * {@code yellow-days-before} the deadline, red {@code red-days-after} it became overdue, notices to owner, department
 * head and party committee {@code escalation-days} after it became overdue. Axon hands it to the item's handlers.
 */
@Configuration
class SupervisionConfig {

    @Bean
    SupervisionSchedule supervisionSchedule(
            @Value("${zhenggai.supervision.yellow-days-before:7}") int yellowDaysBefore,
            @Value("${zhenggai.supervision.red-days-after:0}") int redDaysAfter,
            @Value("${zhenggai.supervision.escalation-days:0,7,14}") List<Integer> escalationDays) {
        return new SupervisionSchedule(yellowDaysBefore, redDaysAfter, escalationDays);
    }
}
