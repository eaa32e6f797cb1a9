package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.refusal.Refusal.Kind;
import cn.zhenggai.rectification.measure.Commands.ApproveDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.CompleteMeasure;
import cn.zhenggai.rectification.measure.Commands.RejectMeasure;
import cn.zhenggai.rectification.measure.Commands.ReopenMeasure;
import cn.zhenggai.rectification.measure.Commands.ReportProgress;
import cn.zhenggai.rectification.measure.Commands.VerifyMeasure;
import cn.zhenggai.rectification.measure.SupervisionTimers.SupervisionCheck;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEADLINE;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEPARTMENTS;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ID;
import static cn.zhenggai.rectification.measure.MeasureFixtures.LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY_2;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLANNED;

/**
 * Backdating the ordinary steps of an item (ADR 0090): only the party committee, with a reason, never in the
 * future, never before the item existed nor before its latest step; late, overdue and the deadline's timers follow
 * the effective time, and what of a backdated past is already over is recorded without supervision notices.
 */
class MeasureBackdatingTest {

    /** The item was planned on 2023-03-01 at 10:00 in China and assigned the next day at 10:00. */
    private static final Instant PLANNED_AT = Instant.parse("2023-03-01T02:00:00Z");
    private static final Instant ASSIGNED_AT = Instant.parse("2023-03-02T02:00:00Z");
    /** Ten days before the deadline 2023-06-30. */
    private static final Instant BEFORE_DEADLINE = Instant.parse("2023-06-20T02:00:00Z");
    /** Two months after the deadline. */
    private static final Instant AFTER_DEADLINE = Instant.parse("2023-08-30T02:00:00Z");
    private static final Instant OVERDUE_AT = Measure.overdueAt(DEADLINE);
    private static final String SUMMARY = "全年开展理论学习12次。";
    private static final String WHY = "纸质办结单补录";

    private AggregateTestFixture<Measure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Measure.class);
        fixture.registerInjectableResource(DEPARTMENTS);
        fixture.registerInjectableResource(SupervisionSchedule.DEFAULT);
    }

    private TestExecutor<Measure> assignedItem() {
        return fixture.givenCurrentTime(PLANNED_AT).andGiven(PLANNED)
                .andGivenCurrentTime(ASSIGNED_AT).andGiven(ASSIGNED);
    }

    private TestExecutor<Measure> overdueItem() {
        return assignedItem().andGivenCurrentTime(OVERDUE_AT)
                .andGiven(new MeasureOverdue(ID, "XZSPJ", "2023-06-30", "张*"))
                .andGivenCurrentTime(AFTER_DEADLINE);
    }

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(Measure.ZONE).toInstant();
    }

    private static Backdating by(String who, Instant at, String reason) {
        return new Backdating(at, who, reason, null);
    }

    // ------------------------------------------------------------------ what is recorded

    @Test
    void aCompletionBackdatedBeforeTheDeadlineIsRecordedAsOfThatDayAndIsNotLate() {
        assignedItem().andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new CompleteMeasure(ID, SUMMARY, PARTY, Backdate.onDay(LocalDate.parse("2023-06-10"), WHY)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MeasureCompleted(ID, "XZSPJ", SUMMARY, "demo-party", "2023-06-30", false,
                        by("demo-party", day("2023-06-10"), WHY)));
    }

    @Test
    void aCompletionBackdatedAfterTheItemBecameOverdueIsLate() {
        overdueItem()
                .when(new CompleteMeasure(ID, SUMMARY, PARTY, Backdate.onDay(LocalDate.parse("2023-07-10"), WHY)))
                .expectEvents(new MeasureCompleted(ID, "XZSPJ", SUMMARY, "demo-party", "2023-06-30", true,
                        by("demo-party", day("2023-07-10"), WHY)));
    }

    @Test
    void anInstantIsTakenAsGivenAndADayOnTheDayOfTheLatestStepFallsAtThatStep() {
        Instant at = Instant.parse("2023-04-03T06:30:00Z");
        assignedItem().andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new ReportProgress(ID, "已开展学习。", List.of(), PARTY, Backdate.at(at, "补记")))
                .expectEvents(new ProgressReported(ID, "XZSPJ", "已开展学习。", "demo-party", "DW", List.of(),
                        by("demo-party", at, "补记")));
        // 2023-03-02 in China starts before the assignment (10:00 that day): the step falls right at it
        assignedItem().andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new ReportProgress(ID, "已开展学习。", List.of(), PARTY,
                        Backdate.onDay(LocalDate.parse("2023-03-02"), "补记")))
                .expectEvents(new ProgressReported(ID, "XZSPJ", "已开展学习。", "demo-party", "DW", List.of(),
                        by("demo-party", ASSIGNED_AT, "补记")));
    }

    @Test
    void verificationRejectionReopeningAndExtensionCarryTheirBackdating() {
        Instant completedAt = Instant.parse("2023-05-10T02:00:00Z");
        MeasureCompleted completed = new MeasureCompleted(ID, "XZSPJ", SUMMARY, "demo-dept", "2023-06-30", false);
        TestExecutor<Measure> completedItem = assignedItem().andGivenCurrentTime(completedAt).andGiven(completed)
                .andGivenCurrentTime(BEFORE_DEADLINE);
        completedItem.when(new VerifyMeasure(ID, "同意销号", PARTY, Backdate.onDay(LocalDate.parse("2023-05-15"), WHY)))
                .expectEvents(new MeasureVerified(ID, "XZSPJ", "demo-party", "同意销号",
                        by("demo-party", day("2023-05-15"), WHY)));

        completedItem = assignedItem().andGivenCurrentTime(completedAt).andGiven(completed)
                .andGivenCurrentTime(BEFORE_DEADLINE);
        completedItem.when(new RejectMeasure(ID, List.of("缺少佐证材料"), PARTY,
                        Backdate.onDay(LocalDate.parse("2023-05-15"), WHY)))
                .expectEvents(new MeasureRejected(ID, "XZSPJ", "demo-party", List.of("缺少佐证材料"),
                                by("demo-party", day("2023-05-15"), WHY)),
                        new MeasureReopened(ID, "XZSPJ", "demo-party", "缺少佐证材料",
                                by("demo-party", day("2023-05-15"), WHY)))
                // the deadline is still ahead: watched as usual, from the first checkpoint not yet passed
                .expectScheduledDeadlineWithName(OVERDUE_AT, Measure.OVERDUE)
                .expectScheduledDeadline(day("2023-06-23"), new SupervisionCheck("2023-06-30", "YELLOW"));

        setUp(); // a fresh fixture: the rejection scheduled deadlines
        fixture.givenCurrentTime(PLANNED_AT).andGiven(PLANNED)
                .andGivenCurrentTime(ASSIGNED_AT).andGiven(ASSIGNED)
                .andGivenCurrentTime(completedAt).andGiven(completed,
                        new MeasureVerified(ID, "XZSPJ", "party-2", null))
                .andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new ReopenMeasure(ID, "复查发现问题反弹", PARTY, Backdate.onDay(LocalDate.parse("2023-06-01"),
                        WHY)))
                .expectEvents(new MeasureReopened(ID, "XZSPJ", "demo-party", "复查发现问题反弹",
                        by("demo-party", day("2023-06-01"), WHY)));

        Instant requestedAt = Instant.parse("2023-06-01T02:00:00Z");
        setUp();
        assignedItem().andGivenCurrentTime(requestedAt)
                .andGiven(new DeadlineExtensionRequested(ID, "XZSPJ", "2023-06-30", "2023-09-30", "任务量大",
                        "head-xzspj"))
                .andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new ApproveDeadlineExtension(ID, PARTY, Backdate.onDay(LocalDate.parse("2023-06-05"), WHY)))
                .expectEvents(new DeadlineExtended(ID, "XZSPJ", "2023-06-30", "2023-09-30", "head-xzspj",
                        "demo-party", by("demo-party", day("2023-06-05"), WHY)))
                .expectScheduledDeadlineWithName(Measure.overdueAt(LocalDate.parse("2023-09-30")), Measure.OVERDUE);
    }

    // ------------------------------------------------------------------ deadlines of a backdated past

    @Test
    void aBackdatedAssignmentWhoseDeadlinePassedRecordsTheOverduePeriodWithoutTimersOrSupervisionNotices() {
        fixture.givenCurrentTime(Instant.parse("2023-01-05T02:00:00Z")).andGiven(PLANNED)
                .andGivenCurrentTime(AFTER_DEADLINE)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE, false, null,
                        LocalDate.ofInstant(AFTER_DEADLINE, Measure.ZONE), PARTY, false,
                        Backdate.onDay(LocalDate.parse("2023-01-10"), "纸质台账补录")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of("ZZB"), "张*", "2023-06-30", false,
                                null, "demo-party", false, by("demo-party", day("2023-01-10"), "纸质台账补录")),
                        // what fell due in the past is on record, each when it fell due: yellow, overdue, red
                        colour("YELLOW", "GREEN", by("demo-party", day("2023-06-23"),
                                "补录时预警时点已过（完成时限2023-06-30），黄灯自2023-06-23起")),
                        new MeasureOverdue(ID, "XZSPJ", "2023-06-30", "张*", by("demo-party", OVERDUE_AT,
                                "补录时完成时限（2023-06-30）已过，逾期自2023-07-01起")),
                        colour("RED", "YELLOW", by("demo-party", OVERDUE_AT,
                                "补录时完成时限（2023-06-30）已过，红灯自2023-07-01起")))
                .expectNoScheduledDeadlines();
    }

    @Test
    void supervisionOfABackdatedPastGoesOnFromTheFirstCheckpointStillAhead() {
        Instant now = Instant.parse("2023-07-05T02:00:00Z");
        fixture.givenCurrentTime(Instant.parse("2023-01-05T02:00:00Z")).andGiven(PLANNED)
                .andGivenCurrentTime(now)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE, false, null,
                        LocalDate.ofInstant(now, Measure.ZONE), PARTY, false,
                        Backdate.onDay(LocalDate.parse("2023-01-10"), "纸质台账补录")))
                .expectEvents(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of("ZZB"), "张*", "2023-06-30", false,
                                null, "demo-party", false, by("demo-party", day("2023-01-10"), "纸质台账补录")),
                        // what fell due in the past is on record, each when it fell due: yellow, overdue, red
                        colour("YELLOW", "GREEN", by("demo-party", day("2023-06-23"),
                                "补录时预警时点已过（完成时限2023-06-30），黄灯自2023-06-23起")),
                        new MeasureOverdue(ID, "XZSPJ", "2023-06-30", "张*", by("demo-party", OVERDUE_AT,
                                "补录时完成时限（2023-06-30）已过，逾期自2023-07-01起")),
                        colour("RED", "YELLOW", by("demo-party", OVERDUE_AT,
                                "补录时完成时限（2023-06-30）已过，红灯自2023-07-01起")))
                // the owner's notice (2023-07-01) is past and not issued; the department head's (07-08) is ahead
                .expectScheduledDeadline(day("2023-07-08"), new SupervisionCheck("2023-06-30", "DEPT_HEAD"));
    }

    @Test
    void aBackdatedAssignmentWhoseDeadlineIsAheadIsWatchedAsUsual() {
        fixture.givenCurrentTime(Instant.parse("2023-01-05T02:00:00Z")).andGiven(PLANNED)
                .andGivenCurrentTime(BEFORE_DEADLINE.minusSeconds(86400 * 30))
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE, false, null,
                        LocalDate.parse("2023-05-21"), PARTY, false,
                        Backdate.onDay(LocalDate.parse("2023-01-10"), "纸质台账补录")))
                .expectEvents(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of("ZZB"), "张*", "2023-06-30", false,
                        null, "demo-party", false, by("demo-party", day("2023-01-10"), "纸质台账补录")))
                .expectScheduledDeadlineWithName(OVERDUE_AT, Measure.OVERDUE)
                .expectScheduledDeadline(day("2023-06-23"), new SupervisionCheck("2023-06-30", "YELLOW"));
    }

    @Test
    void aBackdatedLongTermItemSkipsTheReviewsAlreadyPast() {
        fixture.givenCurrentTime(Instant.parse("2023-01-05T02:00:00Z")).andGiven(PLANNED)
                .andGivenCurrentTime(AFTER_DEADLINE)
                .when(new AssignMeasure(ID, "XZSPJ", List.of(), "张*", null, true, 3,
                        LocalDate.ofInstant(AFTER_DEADLINE, Measure.ZONE), PARTY, false,
                        Backdate.onDay(LocalDate.parse("2023-01-10"), "纸质台账补录")))
                .expectEvents(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of(), "张*", null, true, 3,
                        "demo-party", false, by("demo-party", day("2023-01-10"), "纸质台账补录")))
                // reviews due 2023-04-10 and 2023-07-10 are over; the next one is 2023-10-10
                .expectScheduledDeadline(day("2023-10-10"), new SupervisionTimers.ReviewDue("2023-10-10", 3));
    }

    // ------------------------------------------------------------------ refusals: nothing recorded

    @Test
    void onlyThePartyCommitteeMayBackdate() {
        assignedItem().andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new CompleteMeasure(ID, SUMMARY, LIAISON, Backdate.onDay(LocalDate.parse("2023-06-10"), WHY)))
                .expectException(refused(Kind.FORBIDDEN, "BACKDATE_FORBIDDEN"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
        assignedItem().andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new ReportProgress(ID, "已开展学习。", List.of(), LIAISON,
                        Backdate.onDay(LocalDate.parse("2023-06-10"), WHY)))
                .expectException(refused(Kind.FORBIDDEN, "BACKDATE_FORBIDDEN"))
                .expectNoEvents();
    }

    @Test
    void aBackdatingNeedsAReason() {
        assignedItem().andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new CompleteMeasure(ID, SUMMARY, PARTY, Backdate.onDay(LocalDate.parse("2023-06-10"), "  ")))
                .expectException(refused(Kind.INVALID, "BACKDATE_REASON_REQUIRED"))
                .expectNoEvents();
        assignedItem().andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new CompleteMeasure(ID, SUMMARY, PARTY, Backdate.onDay(LocalDate.parse("2023-06-10"), null)))
                .expectException(refused(Kind.INVALID, "BACKDATE_REASON_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void nothingIsBackdatedIntoTheFuture() {
        assignedItem().andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new CompleteMeasure(ID, SUMMARY, PARTY, Backdate.onDay(LocalDate.parse("2023-06-21"), WHY)))
                .expectException(refused(Kind.INVALID, "BACKDATE_IN_FUTURE"))
                .expectNoEvents();
        assignedItem().andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new CompleteMeasure(ID, SUMMARY, PARTY, Backdate.at(BEFORE_DEADLINE.plusSeconds(60), WHY)))
                .expectException(refused(Kind.INVALID, "BACKDATE_IN_FUTURE"))
                .expectNoEvents();
    }

    @Test
    void nothingIsBackdatedBeforeTheItemExisted() {
        fixture.givenCurrentTime(PLANNED_AT).andGiven(PLANNED)
                .andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE, false, null,
                        LocalDate.parse("2023-06-20"), PARTY, false,
                        Backdate.onDay(LocalDate.parse("2023-02-28"), "纸质台账补录")))
                .expectException(refused(Kind.INVALID, "BACKDATE_BEFORE_ITEM"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void nothingIsBackdatedBeforeTheItemsLatestStep() {
        // the item became overdue on 2023-07-01: a completion of 2023-06-25 would come before that step
        overdueItem()
                .when(new CompleteMeasure(ID, SUMMARY, PARTY, Backdate.onDay(LocalDate.parse("2023-06-25"), WHY)))
                .expectException(refused(Kind.CONFLICT, "BACKDATE_BEFORE_LAST_STEP"))
                .expectNoEvents();
        assignedItem().andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new ReportProgress(ID, "已开展学习。", List.of(), PARTY,
                        Backdate.at(ASSIGNED_AT.minusSeconds(1), "补记")))
                .expectException(refused(Kind.CONFLICT, "BACKDATE_BEFORE_LAST_STEP"))
                .expectNoEvents();
    }

    @Test
    void anExtensionIsNotApprovedBeforeItWasRequested() {
        assignedItem().andGivenCurrentTime(Instant.parse("2023-06-01T02:00:00Z"))
                .andGiven(new DeadlineExtensionRequested(ID, "XZSPJ", "2023-06-30", "2023-09-30", "任务量大",
                        "head-xzspj"))
                .andGivenCurrentTime(BEFORE_DEADLINE)
                .when(new ApproveDeadlineExtension(ID, PARTY, Backdate.onDay(LocalDate.parse("2023-05-20"), WHY)))
                .expectException(refused(Kind.CONFLICT, "BACKDATE_BEFORE_LAST_STEP"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aBackdatedAssignmentKeepsNoDeadlineBeforeTheDayItWasAssigned() {
        fixture.givenCurrentTime(Instant.parse("2022-12-01T02:00:00Z")).andGiven(PLANNED)
                .andGivenCurrentTime(AFTER_DEADLINE)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", LocalDate.parse("2022-12-31"), false,
                        null, LocalDate.ofInstant(AFTER_DEADLINE, Measure.ZONE), PARTY, false,
                        Backdate.onDay(LocalDate.parse("2023-01-10"), "纸质台账补录")))
                .expectException(refused(Kind.INVALID, "DEADLINE_IN_PAST"))
                .expectNoEvents();
    }

    private static MeasureColourChanged colour(String colour, String previous) {
        return colour(colour, previous, null);
    }

    private static MeasureColourChanged colour(String colour, String previous, Backdating backdating) {
        return new MeasureColourChanged(ID, "XZSPJ", colour, previous, "2023-06-30", "张*", backdating);
    }

    private static Matcher<Refusal> refused(Kind reason, String code) {
        return new CustomTypeSafeMatcher<>("refused " + reason + " " + code) {
            @Override
            protected boolean matchesSafely(Refusal e) {
                return e.kind() == reason && code.equals(e.code());
            }
        };
    }
}
