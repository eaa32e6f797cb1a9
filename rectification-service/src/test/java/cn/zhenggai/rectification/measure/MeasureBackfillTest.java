package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.ReportProgress;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEADLINE;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEPARTMENTS;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ID;
import static cn.zhenggai.rectification.measure.MeasureFixtures.LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLANNED;

/**
 * 历史台账补录: the party committee records the original assignment of an item migrated from a paper ledger, whose
 * deadline may already have passed; the ordinary overdue timer and supervision chain then fire at once (controlled
 * clock, no sleeping). Nobody else may backfill, and without backfill a passed deadline stays refused.
 */
class MeasureBackfillTest {

    /** Two months after the paper ledger's deadline (2023-06-30). */
    private static final Instant NOW = Instant.parse("2023-08-30T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, Measure.ZONE);
    private static final Instant DUE = Measure.overdueAt(DEADLINE);
    private static final String ITEM = "整改事项“强化理论武装建设，增强学习意识”（完成时限2023-06-30）已逾期";

    private static final AssignMeasure BACKFILL = new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE,
            false, null, TODAY, PARTY, true);
    private static final MeasureAssigned BACKFILLED = new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of("ZZB"), "张*",
            "2023-06-30", false, null, "demo-party", true);

    private AggregateTestFixture<Measure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Measure.class);
        fixture.registerInjectableResource(DEPARTMENTS);
        fixture.registerInjectableResource(SupervisionSchedule.DEFAULT);
    }

    @Test
    void thePartyCommitteeBackfillsAnAssignmentWhoseDeadlineHasPassedAndItsOverdueTimerIsDueAtOnce() {
        fixture.givenCurrentTime(NOW)
                .andGiven(PLANNED)
                .when(BACKFILL)
                .expectSuccessfulHandlerExecution()
                .expectEvents(BACKFILLED)
                .expectScheduledDeadlineWithName(DUE, Measure.OVERDUE)
                .expectScheduledDeadline(DEADLINE.minusDays(7).atStartOfDay(Measure.ZONE).toInstant(),
                        new SupervisionTimers.SupervisionCheck("2023-06-30", "YELLOW"));
    }

    @Test
    void aBackfilledItemBecomesOverdueRedAndIsSupervisedThroughTheUsualChain() {
        fixture.givenCurrentTime(NOW)
                .andGiven(PLANNED)
                .andGivenCommands(BACKFILL)
                .whenThenTimeElapses(Duration.ofSeconds(1))
                .expectEvents(colour("YELLOW", "GREEN"),
                        new MeasureOverdue(ID, "XZSPJ", "2023-06-30", "张*"),
                        colour("RED", "YELLOW"),
                        new SupervisionNoticeIssued(MeasureIds.timedNotice(ID, "2023-06-30", "OWNER"), ID, "XZSPJ",
                                SupervisionNoticeIssued.OWNER, null, "XZSPJ", "张*",
                                ITEM + "1天，请责任人尽快完成整改并报告进展。", "2023-06-30", 1),
                        new SupervisionNoticeIssued(MeasureIds.timedNotice(ID, "2023-06-30", "DEPT_HEAD"), ID, "XZSPJ",
                                SupervisionNoticeIssued.DEPT_HEAD, "DEPT_HEAD", "XZSPJ", null,
                                ITEM + "8天，责任人张*尚未完成，请部门负责人督促落实。", "2023-06-30", 8),
                        new SupervisionNoticeIssued(MeasureIds.timedNotice(ID, "2023-06-30", "PARTY_COMMITTEE"), ID,
                                "XZSPJ", SupervisionNoticeIssued.PARTY_COMMITTEE, "PARTY_COMMITTEE", null, null,
                                ITEM + "15天，经责任人、部门负责人督办仍未完成，提请党委督办。", "2023-06-30", 15))
                .expectTriggeredDeadlinesWithName(Measure.SUPERVISION, Measure.OVERDUE, Measure.SUPERVISION,
                        Measure.SUPERVISION, Measure.SUPERVISION, Measure.SUPERVISION)
                .expectNoScheduledDeadlines();
    }

    @Test
    void theDepartmentWorksOnABackfilledItemAsOnAnyOther() {
        fixture.givenCurrentTime(NOW)
                .andGiven(PLANNED, BACKFILLED)
                .when(new ReportProgress(ID, "已按纸质台账补录，正在推进整改。", LIAISON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDepartmentLiaisonMayNotBackfill() {
        fixture.givenCurrentTime(NOW)
                .andGiven(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE, false, null, TODAY, LIAISON,
                        true))
                .expectException(refused(Refusal.Kind.FORBIDDEN, "FORBIDDEN_ROLE"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
        // not even with a deadline still ahead: backfilling is the party committee's alone
        fixture.givenCurrentTime(NOW)
                .andGiven(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of(), "张*", TODAY.plusDays(30), false, null, TODAY,
                        LIAISON, true))
                .expectException(refused(Refusal.Kind.FORBIDDEN, "FORBIDDEN_ROLE"))
                .expectNoEvents();
    }

    @Test
    void withoutBackfillAPassedDeadlineIsStillRefusedEvenForThePartyCommittee() {
        fixture.givenCurrentTime(NOW)
                .andGiven(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE, false, null, TODAY, PARTY))
                .expectException(refused(Refusal.Kind.INVALID, "DEADLINE_IN_PAST"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
        fixture.givenCurrentTime(NOW)
                .andGiven(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE, false, null, TODAY, LIAISON))
                .expectException(refused(Refusal.Kind.INVALID, "DEADLINE_IN_PAST"))
                .expectNoEvents();
    }

    @Test
    void onlyAnItemNotYetAssignedCanBeBackfilled() {
        fixture.givenCurrentTime(NOW)
                .andGiven(PLANNED, ASSIGNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE.minusDays(30), false, null,
                        TODAY, PARTY, true))
                .expectException(refused(Refusal.Kind.CONFLICT, "BACKFILL_NOT_PLANNED"))
                .expectNoEvents();
    }

    private static MeasureColourChanged colour(String colour, String previous) {
        return new MeasureColourChanged(ID, "XZSPJ", colour, previous, "2023-06-30", "张*");
    }

    private static Matcher<Refusal> refused(Refusal.Kind reason, String code) {
        return new CustomTypeSafeMatcher<>("refused " + reason + " " + code) {
            @Override
            protected boolean matchesSafely(Refusal e) {
                return e.kind() == reason && code.equals(e.code());
            }
        };
    }
}
