package cn.zhenggai.report.carryover;

import cn.zhenggai.contracts.rectification.CarryOverPrepared;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.platform.axon.CommandDispatcher;
import cn.zhenggai.report.drafting.Commands.CarryOverGroup;
import cn.zhenggai.report.drafting.Commands.StateCarryOver;
import cn.zhenggai.report.viewing.ReportHistory;
import cn.zhenggai.report.viewing.ReportView;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The prepared carry-over fills a draft's empty carry-over, and never overwrites or touches a closed report. */
class PreparedCarryOverTest {

    private final ReportHistory history = mock(ReportHistory.class);
    private final CommandDispatcher commands = mock(CommandDispatcher.class);
    private final PreparedCarryOver carryOver = new PreparedCarryOver(history, commands);
    private final CarryOverPrepared prepared = new CarryOverPrepared("rpt-1", "XZSPJ", "zhang", 2023, 2022,
            List.of(new CarryOverPrepared.Group("针对其他方面查摆出的1个突出问题", "其他", List.of("完善制度建设。正在整改。"))),
            List.of("mea-1"));

    private ReportView report(String status, List<CarryOverStated.Group> stated) {
        ReportView view = new ReportView();
        view.reportId = "rpt-1";
        view.department = "XZSPJ";
        view.status = status;
        view.carryOver = stated;
        return view;
    }

    @Test
    void aDraftWithoutCarryOverGetsThePreparedOneAsRectificationService() {
        when(history.load("rpt-1")).thenReturn(report("DRAFT", List.of()));
        assertThat(carryOver.apply(prepared)).isTrue();
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(commands).send(command.capture(), eq(PreparedCarryOver.ACTOR), eq("XZSPJ"), anyString(), anyString());
        StateCarryOver state = (StateCarryOver) command.getValue();
        assertThat(state.reportId()).isEqualTo("rpt-1");
        assertThat(state.groups()).containsExactly(new CarryOverGroup("针对其他方面查摆出的1个突出问题", "其他",
                List.of("完善制度建设。正在整改。")));
        assertThat(state.editor().department()).isEqualTo("XZSPJ");
        when(history.load("rpt-1")).thenReturn(report("RETURNED", List.of()));
        assertThat(carryOver.apply(prepared)).isTrue();
    }

    @Test
    void whatTheCadreStatedIsKeptAndSubmittedOrUnknownReportsAreLeftAlone() {
        when(history.load("rpt-1")).thenReturn(report("DRAFT",
                List.of(new CarryOverStated.Group("自己写的", null, List.of("内容。")))));
        assertThat(carryOver.apply(prepared)).isFalse();
        when(history.load("rpt-1")).thenReturn(report("SUBMITTED", List.of()));
        assertThat(carryOver.apply(prepared)).isFalse();
        when(history.load("rpt-1")).thenReturn(report("ACCEPTED", List.of()));
        assertThat(carryOver.apply(prepared)).isFalse();
        when(history.load("rpt-1")).thenThrow(Refusal.notFound("REPORT_NOT_FOUND", "报告不存在"));
        assertThat(carryOver.apply(prepared)).isFalse();
        verify(commands, never()).send(any(), anyString(), anyString(), anyString(), anyString());
    }

    @Test
    void aReportSubmittedInTheMeantimeIsLeftAsItIs() {
        when(history.load("rpt-1")).thenReturn(report("DRAFT", List.of()));
        when(commands.send(any(), anyString(), anyString(), anyString(), anyString())).thenThrow(
                new Refusal(Refusal.Kind.CONFLICT, "REPORT_NOT_EDITABLE", "报告已提交审核"));
        assertThat(carryOver.apply(prepared)).isFalse();
    }
}
