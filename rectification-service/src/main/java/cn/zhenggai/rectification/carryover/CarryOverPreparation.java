package cn.zhenggai.rectification.carryover;

import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.platform.axon.CommandDispatcher;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * When a cadre starts a report for a new meeting (ReportDrafted from Kafka), prepares its carry-over section from
 * the cadre's items of the latest earlier meeting and records it as CarryOverPrepared, which report-service applies
 * to the draft (ADR 0041).
 */
@Component
public class CarryOverPreparation {

    private final CarryOverGenerator generator;
    private final CommandDispatcher commands;

    public CarryOverPreparation(CarryOverGenerator generator, CommandDispatcher commands) {
        this.generator = generator;
        this.commands = commands;
    }

    /** Returns whether a carry-over was prepared now. */
    public boolean on(ReportDrafted drafted, EventEnvelope envelope) {
        if (drafted.year() == null || drafted.author() == null) {
            return false;
        }
        Optional<CarryOverGenerator.Draft> draft = generator.generate(drafted.author(), drafted.year());
        if (draft.isEmpty() || draft.get().groups().isEmpty()) {
            return false;
        }
        Boolean now = commands.send(new CarryOver.PrepareCarryOver(CarryOver.idOf(drafted.reportId()),
                        drafted.reportId(), drafted.department(), drafted.author(), drafted.year(),
                        draft.get().previousYear(), draft.get().groups(), draft.get().measureIds()),
                "system", drafted.department(), "CARRY_OVER_NOT_FOUND", "上年度整改落实情况不存在：");
        return Boolean.TRUE.equals(now);
    }
}
