package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.rectification.measure.Commands.ApproveDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.CompleteMeasure;
import cn.zhenggai.rectification.measure.Commands.RejectMeasure;
import cn.zhenggai.rectification.measure.Commands.SuperviseMeasure;
import cn.zhenggai.rectification.measure.SupervisionTimers.ReviewDue;
import cn.zhenggai.rectification.measure.SupervisionTimers.SupervisionCheck;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGN;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEADLINE;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEPARTMENTS;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ID;
import static cn.zhenggai.rectification.measure.MeasureFixtures.LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLAN;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLANNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Three-colour warnings, escalating supervision notices (督办) and review reminders on persistent timers, with the
 * fixture's controlled clock (no sleeping); supervision by hand and its refusals.
 */
class SupervisionTest {

    private static final String TITLE = "强化理论武装建设，增强学习意识";
    private static final Instant START = Instant.parse("2023-05-01T02:00:00Z");
    private static final Instant DUE = Measure.overdueAt(DEADLINE); // 2023-07-01 00:00 in China
    private static final LocalDate LATER = LocalDate.parse("2023-09-30");

    private static final MeasureColourChanged YELLOW = colour("YELLOW", "GREEN");
    private static final MeasureColourChanged RED = colour("RED", "YELLOW");
    private static final MeasureOverdue OVERDUE = new MeasureOverdue(ID, "XZSPJ", "2023-06-30", "张*");
    private static final SupervisionNoticeIssued TO_OWNER = new SupervisionNoticeIssued(
            MeasureIds.timedNotice(ID, "2023-06-30", "OWNER"), ID, "XZSPJ", "OWNER", null, "XZSPJ", "张*",
            "整改事项“" + TITLE + "”（完成时限2023-06-30）已逾期1天，请责任人尽快完成整改并报告进展。", "2023-06-30", 1);
    private static final SupervisionNoticeIssued TO_HEAD = new SupervisionNoticeIssued(
            MeasureIds.timedNotice(ID, "2023-06-30", "DEPT_HEAD"), ID, "XZSPJ", "DEPT_HEAD", "DEPT_HEAD", "XZSPJ",
            null, "整改事项“" + TITLE + "”（完成时限2023-06-30）已逾期8天，责任人张*尚未完成，请部门负责人督促落实。",
            "2023-06-30", 8);
    private static final SupervisionNoticeIssued TO_PARTY = new SupervisionNoticeIssued(
            MeasureIds.timedNotice(ID, "2023-06-30", "PARTY_COMMITTEE"), ID, "XZSPJ", "PARTY_COMMITTEE",
            "PARTY_COMMITTEE", null, null,
            "整改事项“" + TITLE + "”（完成时限2023-06-30）已逾期15天，经责任人、部门负责人督办仍未完成，提请党委督办。",
            "2023-06-30", 15);
    private static final MeasureCompleted COMPLETED_LATE = new MeasureCompleted(ID, "XZSPJ", "完成。", "demo-dept",
            "2023-06-30", true);

    private AggregateTestFixture<Measure> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(SupervisionSchedule.DEFAULT);
    }

    private static AggregateTestFixture<Measure> fixtureWith(SupervisionSchedule schedule) {
        AggregateTestFixture<Measure> f = new AggregateTestFixture<>(Measure.class);
        f.registerInjectableResource(DEPARTMENTS);
        f.registerInjectableResource(schedule);
        return f;
    }

    private static MeasureColourChanged colour(String colour, String previous) {
        return new MeasureColourChanged(ID, "XZSPJ", colour, previous, "2023-06-30", "张*");
    }

    // ---------------------------------------------------------------- colour and escalation

    @Test
    void anOverdueItemEscalatesFromOwnerToDepartmentHeadToPartyCommitteeThenStops() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN)
                .whenThenTimeAdvancesTo(DUE.plus(Duration.ofDays(60)))
                .expectEvents(YELLOW, OVERDUE, RED, TO_OWNER, TO_HEAD, TO_PARTY)
                .expectTriggeredDeadlinesOfType(SupervisionCheck.class, OverdueCheck.class, SupervisionCheck.class,
                        SupervisionCheck.class, SupervisionCheck.class, SupervisionCheck.class)
                .expectNoScheduledDeadlines();
    }

    @Test
    void eachLevelIsIssuedOnItsDay() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN)
                .whenThenTimeAdvancesTo(DUE.plus(Duration.ofDays(7)).minusSeconds(1))
                .expectEvents(YELLOW, OVERDUE, RED, TO_OWNER)
                .expectScheduledDeadline(DUE.plus(Duration.ofDays(7)), new SupervisionCheck("2023-06-30", "DEPT_HEAD"));
    }

    @Test
    void theScheduleIsConfigurable() {
        SupervisionSchedule schedule = new SupervisionSchedule(3, 2, List.of(1, 3, 5));
        assertThat(schedule.yellowAt(DEADLINE)).isEqualTo(Instant.parse("2023-06-26T16:00:00Z"));
        assertThat(schedule.redAt(DEADLINE)).isEqualTo(DUE.plus(Duration.ofDays(2)));
        fixtureWith(schedule).givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN)
                .whenThenTimeAdvancesTo(DUE.plus(Duration.ofDays(1)).plusSeconds(1))
                .expectEvents(YELLOW, OVERDUE, new SupervisionNoticeIssued(
                        MeasureIds.timedNotice(ID, "2023-06-30", "OWNER"), ID, "XZSPJ", "OWNER", null, "XZSPJ", "张*",
                        "整改事项“" + TITLE + "”（完成时限2023-06-30）已逾期2天，请责任人尽快完成整改并报告进展。",
                        "2023-06-30", 2))
                .expectScheduledDeadline(DUE.plus(Duration.ofDays(2)), new SupervisionCheck("2023-06-30", "RED"));
        assertThatThrownBy(() -> new SupervisionSchedule(7, 0, List.of(7, 0, 14)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SupervisionSchedule(-1, 0, List.of(0, 7, 14)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SupervisionSchedule(7, 0, List.of(0, 7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anItemAssignedInsideTheYellowWindowTurnsYellowAtOnce() {
        LocalDate soon = TODAY.plusDays(3);
        fixture.givenCurrentTime(START)
                .andGiven(PLANNED)
                .andGivenCommands(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", soon, false, null, TODAY,
                        LIAISON))
                .whenThenTimeElapses(Duration.ofSeconds(1))
                .expectEvents(new MeasureColourChanged(ID, "XZSPJ", "YELLOW", "GREEN", soon.toString(), "张*"));
    }

    @Test
    void completionTurnsTheWarningGreenAndEscalationStops() {
        fixture.given(PLANNED, ASSIGNED, YELLOW)
                .when(new CompleteMeasure(ID, "全年开展理论学习12次。", LIAISON))
                .expectEvents(new MeasureCompleted(ID, "XZSPJ", "全年开展理论学习12次。", "demo-dept", "2023-06-30",
                        false), new MeasureColourChanged(ID, "XZSPJ", "GREEN", "YELLOW", "2023-06-30", "张*"));
        // reopened late, the next level is due at its day; completed again, that timer finds nothing to do
        fresh().givenCurrentTime(DUE.plus(Duration.ofDays(3)))
                .andGiven(PLANNED, ASSIGNED, YELLOW, OVERDUE, RED, TO_OWNER, COMPLETED_LATE)
                .andGivenCommands(new RejectMeasure(ID, List.of("缺少佐证材料。"), PARTY),
                        new CompleteMeasure(ID, "补充了佐证材料。", LIAISON))
                .whenThenTimeAdvancesTo(DUE.plus(Duration.ofDays(60)))
                .expectTriggeredDeadlinesOfType(SupervisionCheck.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aReopenedItemGoesOnFromTheFirstLevelNotYetIssued() {
        fixture.givenCurrentTime(DUE.plus(Duration.ofDays(10)))
                .andGiven(PLANNED, ASSIGNED, YELLOW, OVERDUE, RED, TO_OWNER, COMPLETED_LATE)
                .andGivenCommands(new RejectMeasure(ID, List.of("缺少佐证材料。"), PARTY))
                .whenThenTimeElapses(Duration.ofSeconds(1))
                .expectEvents(TO_HEAD)
                .expectScheduledDeadline(DUE.plus(Duration.ofDays(14)),
                        new SupervisionCheck("2023-06-30", "PARTY_COMMITTEE"));
    }

    @Test
    void anApprovedExtensionTurnsTheWarningGreenAndSupervisesTheNewDeadline() {
        fixture.given(PLANNED, ASSIGNED, YELLOW, OVERDUE, RED, new DeadlineExtensionRequested(ID, "XZSPJ",
                        "2023-06-30", "2023-09-30", "需配合组织部统一安排。", "demo-dept"))
                .when(new ApproveDeadlineExtension(ID, PARTY))
                .expectEvents(new DeadlineExtended(ID, "XZSPJ", "2023-06-30", "2023-09-30", "demo-dept", "demo-party"),
                        new MeasureColourChanged(ID, "XZSPJ", "GREEN", "RED", "2023-09-30", "张*"))
                .expectScheduledDeadlineWithName(Measure.overdueAt(LATER), Measure.OVERDUE)
                .expectScheduledDeadline(LATER.minusDays(7).atStartOfDay(Measure.ZONE).toInstant(),
                        new SupervisionCheck("2023-09-30", "YELLOW"));
    }

    @Test
    void aStaleCheckpointChangesNothing() {
        // the deadline moved to 2023-09-30 by the party committee: the old deadline's checkpoints fire for nothing
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN, new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", LATER, false,
                        null, TODAY, PARTY))
                .whenThenTimeAdvancesTo(DUE.plus(Duration.ofDays(20)))
                .expectNoEvents()
                .expectScheduledDeadline(LATER.minusDays(7).atStartOfDay(Measure.ZONE).toInstant(),
                        new SupervisionCheck("2023-09-30", "YELLOW"));
    }

    // ---------------------------------------------------------------- by hand

    @Test
    void thePartyCommitteeSupervisesByHand() {
        LocalDate late = DEADLINE.plusDays(5);
        fixture.given(PLANNED, ASSIGNED)
                .when(new SuperviseMeasure(ID, "ntc-manual-1", "DEPT_HEAD", " 请本周内报告整改进展。 ", late, PARTY))
                .expectEvents(new SupervisionNoticeIssued("ntc-manual-1", ID, "XZSPJ", "DEPT_HEAD", "DEPT_HEAD",
                        "XZSPJ", null, "请本周内报告整改进展。", "2023-06-30", 5));
        fixture.given(PLANNED, ASSIGNED)
                .when(new SuperviseMeasure(ID, "ntc-manual-2", "OWNER", "请尽快推进。", TODAY, PARTY))
                .expectEvents(new SupervisionNoticeIssued("ntc-manual-2", ID, "XZSPJ", "OWNER", null, "XZSPJ", "张*",
                        "请尽快推进。", "2023-06-30", 0));
    }

    @Test
    void supervisionByHandIsRefusedToOthersOnItemsNotInProgressOrWithoutReason() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new SuperviseMeasure(ID, "n", "DEPT_HEAD", "请推进。", TODAY, LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("只有党委可以督办")
                .expectNoEvents();
        fixture.given(PLANNED)
                .when(new SuperviseMeasure(ID, "n", "DEPT_HEAD", "请推进。", TODAY, PARTY))
                .expectException(Refusal.class).expectExceptionMessage("事项尚未分派，不能督办")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, COMPLETED_LATE)
                .when(new SuperviseMeasure(ID, "n", "DEPT_HEAD", "请推进。", TODAY, PARTY))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new SuperviseMeasure(ID, "n", "PARTY_COMMITTEE", "请推进。", TODAY, PARTY))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new SuperviseMeasure(ID, "n", "OWNER", " ", TODAY, PARTY))
                .expectException(Refusal.class).expectExceptionMessage("请写明督办事由")
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- long-term reviews

    @Test
    void aLongTermItemIsRemindedAtEachReviewPeriod() {
        SupervisionNoticeIssued first = review("2023-08-01");
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, new AssignMeasure(ID, "XZSPJ", List.of(), "张*", null, true, 3, TODAY, LIAISON))
                .whenThenTimeAdvancesTo(Instant.parse("2023-11-01T00:00:00Z"))
                .expectEvents(first, review("2023-11-01"))
                .expectScheduledDeadline(Instant.parse("2024-01-31T16:00:00Z"), new ReviewDue("2024-02-01", 3));
        fresh().givenCurrentTime(START)
                .andGivenCommands(PLAN, new AssignMeasure(ID, "XZSPJ", List.of(), "张*", null, true, 3, TODAY,
                        LIAISON), new CompleteMeasure(ID, "阶段性完成。", LIAISON))
                .whenThenTimeAdvancesTo(Instant.parse("2024-06-01T00:00:00Z"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    private static SupervisionNoticeIssued review(String date) {
        return new SupervisionNoticeIssued(MeasureIds.timedNotice(ID, date, "REVIEW"), ID, "XZSPJ", "REVIEW",
                "DEPT_LIAISON", "XZSPJ", null, "长期坚持事项“" + TITLE + "”已到" + date + "评估节点（每3个月评估一次），请报告落实情况。",
                date, 0);
    }

    private AggregateTestFixture<Measure> fresh() {
        setUp();
        return fixture;
    }
}
