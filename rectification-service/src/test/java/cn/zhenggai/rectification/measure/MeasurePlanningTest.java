package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.platform.axon.CommandDispatcher;
import cn.zhenggai.rectification.CommandSender;
import cn.zhenggai.rectification.measure.Commands.PlanMeasure;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** An accepted report becomes one PlanMeasure per measure, with derived ids and the problems each answers. */
class MeasurePlanningTest {

    private static final ReportAccepted ACCEPTED = new ReportAccepted("rpt-1", "XZSPJ", "demo-dept", 2022, "mtg-1",
            "demo-org", 1,
            List.of(new ReportAccepted.Problem("prb-1", "主题", 1, "问题一。"),
                    new ReportAccepted.Problem("prb-2", "主题", 2, "问题二。")),
            List.of(new ReportAccepted.Measure("msr-1", 1, "措施一", "内容一。",
                            List.of(new MeasureProposed.Action("每月学习。", "2023-06-30", "2023年6月底前")), "2023-06-30",
                            "2023年6月底前", "张*", null, List.of(), List.of("rc-1"), List.of("prb-2", "prb-9")),
                    new ReportAccepted.Measure("msr-2", 2, "措施二", "内容二。", List.of(), null, "长期坚持", null,
                            "CZJ", List.of("ZZB"), List.of(), List.of())));

    @Test
    @SuppressWarnings("unchecked")
    void eachMeasureIsPlannedWithADerivedIdAndWhatItAnswers() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenReturn(true, false);
        MeasurePlanning planning = new MeasurePlanning(new CommandSender(new CommandDispatcher(gateway)));

        assertThat(planning.plan(ACCEPTED, envelope())).isEqualTo(1);

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway, times(2)).sendAndWait(sent.capture());
        CommandMessage<PlanMeasure> first = (CommandMessage<PlanMeasure>) sent.getAllValues().get(0);
        assertThat(first.getMetaData()).containsEntry("actor", "demo-org").containsEntry("department", "XZSPJ");
        PlanMeasure one = first.getPayload();
        assertThat(one.measureId()).isEqualTo(MeasureIds.fromReport("rpt-1", "msr-1"));
        assertThat(one.reportDepartment()).isEqualTo("XZSPJ");
        assertThat(one.problems()).containsExactly(new MeasurePlanned.Problem("prb-2", "主题", 2, "问题二。"));
        assertThat(one.actions()).containsExactly(new MeasurePlanned.Action("每月学习。", "2023-06-30", "2023年6月底前"));
        PlanMeasure two = ((CommandMessage<PlanMeasure>) sent.getAllValues().get(1)).getPayload();
        assertThat(two.measureId()).isEqualTo(MeasureIds.fromReport("rpt-1", "msr-2"));
        assertThat(two.proposedLeadDepartment()).isEqualTo("CZJ");
        assertThat(two.cooperatingDepartments()).containsExactly("ZZB");
    }

    @Test
    void aMeasureThatCannotBePlannedDeadLettersTheRecordAtOnce() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenThrow(new Refusal(Refusal.Kind.INVALID, "MISSING_TITLE",
                "整改措施标题不能为空"));
        MeasurePlanning planning = new MeasurePlanning(new CommandSender(new CommandDispatcher(gateway)));
        assertThatThrownBy(() -> planning.plan(ACCEPTED, envelope()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MISSING_TITLE");
    }

    private static EventEnvelope envelope() {
        return new EventEnvelope("e-1", "ReportAccepted", "1", "Report", "rpt-1", 30,
                Instant.parse("2022-12-21T09:00:00Z"), "demo-org", "XZSPJ", EnvelopeCodec.toTree(ACCEPTED));
    }
}
