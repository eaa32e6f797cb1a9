package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.rectification.measure.Commands.ApproveDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.CompleteMeasure;
import cn.zhenggai.rectification.measure.Commands.RefuseDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.RejectMeasure;
import cn.zhenggai.rectification.measure.Commands.RequestDeadlineExtension;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGN;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.COMPLETED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEADLINE;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEPARTMENTS;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ID;
import static cn.zhenggai.rectification.measure.MeasureFixtures.LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.OTHER_DEPT;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY_LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLAN;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLANNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.TODAY;

/**
 * Overdue supervision with the fixture's controlled clock (no sleeping), and deadline extension requested by the
 * department and decided by the party committee.
 */
class MeasureDeadlineTest {

    private static final Instant START = Instant.parse("2023-05-01T02:00:00Z");
    private static final Instant DUE = Measure.overdueAt(DEADLINE); // 2023-07-01 00:00 in China
    private static final LocalDate LATER = LocalDate.parse("2023-09-30");
    private static final MeasureOverdue OVERDUE = new MeasureOverdue(ID, "XZSPJ", "2023-06-30", "张*");
    private static final DeadlineExtensionRequested REQUESTED = new DeadlineExtensionRequested(ID, "XZSPJ",
            "2023-06-30", "2023-09-30", "需配合组织部统一安排。", "demo-dept");

    private static final Instant YELLOW_AT = Instant.parse("2023-06-22T16:00:00Z"); // 7 days before, in China
    private static final MeasureColourChanged YELLOW = colour("YELLOW", "GREEN", "2023-06-30", "张*");
    private static final MeasureColourChanged RED = colour("RED", "YELLOW", "2023-06-30", "张*");
    private static final SupervisionNoticeIssued OWNER_NOTICE = ownerNotice("2023-06-30", "张*");

    private AggregateTestFixture<Measure> fixture;

    static MeasureColourChanged colour(String colour, String previous, String deadline, String owner) {
        return new MeasureColourChanged(ID, "XZSPJ", colour, previous, deadline, owner);
    }

    static SupervisionNoticeIssued ownerNotice(String deadline, String owner) {
        return new SupervisionNoticeIssued(MeasureIds.timedNotice(ID, deadline, "OWNER"), ID, "XZSPJ", "OWNER", null,
                "XZSPJ", owner, "整改事项“强化理论武装建设，增强学习意识”（完成时限" + deadline
                + "）已逾期1天，请责任人尽快完成整改并报告进展。", deadline, 1);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Measure.class);
        fixture.registerInjectableResource(DEPARTMENTS);
        fixture.registerInjectableResource(SupervisionSchedule.DEFAULT);
    }

    /** A fresh fixture: the stub deadline manager keeps its clock and schedules across scenarios of one test. */
    private AggregateTestFixture<Measure> fresh() {
        setUp();
        return fixture;
    }

    // ---------------------------------------------------------------- overdue

    @Test
    void anItemStillOpenWhenItsDeadlinePassesIsRecordedOverdueTurnsRedAndItsOwnerIsNoticed() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN)
                .whenThenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectEvents(YELLOW, OVERDUE, RED, OWNER_NOTICE)
                .expectScheduledDeadline(DUE.plus(Duration.ofDays(7)), new SupervisionTimers.SupervisionCheck("2023-06-30", "DEPT_HEAD"));
    }

    @Test
    void beforeTheDeadlinePassesOnlyTheWarningTurnsYellow() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN)
                .whenThenTimeAdvancesTo(DUE.minusSeconds(1))
                .expectEvents(YELLOW)
                .expectScheduledDeadlineWithName(DUE, Measure.OVERDUE)
                .expectScheduledDeadline(DUE, new SupervisionTimers.SupervisionCheck("2023-06-30", "RED"));
        fresh().givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN)
                .whenThenTimeAdvancesTo(YELLOW_AT.minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void anItemCompletedInTimeIsNotOverdueAndItsTimersEndWithoutEffect() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN, new CompleteMeasure(ID, "全年开展理论学习12次。", LIAISON))
                .whenThenTimeAdvancesTo(DUE.plus(Duration.ofDays(30)))
                .expectTriggeredDeadlinesWithName(Measure.SUPERVISION, Measure.OVERDUE)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void anItemCompletedLateSaysSo() {
        fixture.given(PLANNED, ASSIGNED, OVERDUE)
                .when(new CompleteMeasure(ID, "完成。", LIAISON))
                .expectEvents(new MeasureCompleted(ID, "XZSPJ", "完成。", "demo-dept", "2023-06-30", true));
    }

    @Test
    void afterAnExtensionTheOldTimersAreIgnoredAndTheNewOnesCount() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN,
                        new RequestDeadlineExtension(ID, LATER, "需配合组织部统一安排。", TODAY, LIAISON),
                        new ApproveDeadlineExtension(ID, PARTY))
                .whenThenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(Measure.overdueAt(LATER), Measure.OVERDUE)
                .expectScheduledDeadline(LATER.minusDays(7).atStartOfDay(Measure.ZONE).toInstant(), new SupervisionTimers.SupervisionCheck("2023-09-30", "YELLOW"));
        fresh().givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN,
                        new RequestDeadlineExtension(ID, LATER, "需配合组织部统一安排。", TODAY, LIAISON),
                        new ApproveDeadlineExtension(ID, PARTY))
                .whenThenTimeAdvancesTo(Measure.overdueAt(LATER).plusSeconds(1))
                .expectEvents(colour("YELLOW", "GREEN", "2023-09-30", "张*"),
                        new MeasureOverdue(ID, "XZSPJ", "2023-09-30", "张*"),
                        colour("RED", "YELLOW", "2023-09-30", "张*"),
                        ownerNotice("2023-09-30", "张*"));
    }

    @Test
    void anItemReopenedAfterItsDeadlineIsRecordedOverdueAtOnceAndSupervisionResumes() {
        fixture.givenCurrentTime(DUE.plus(Duration.ofDays(3)))
                .andGiven(PLANNED, ASSIGNED, COMPLETED)
                .andGivenCommands(new RejectMeasure(ID, List.of("缺少佐证材料。"), PARTY))
                .whenThenTimeElapses(Duration.ofSeconds(1))
                .expectEvents(YELLOW, OVERDUE, RED, OWNER_NOTICE);
    }

    @Test
    void aReassignmentKeepingTheDeadlineKeepsOneTimer() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN, new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "王*", DEADLINE, false,
                        null, TODAY, LIAISON))
                .whenThenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectEvents(colour("YELLOW", "GREEN", "2023-06-30", "王*"),
                        new MeasureOverdue(ID, "XZSPJ", "2023-06-30", "王*"),
                        colour("RED", "YELLOW", "2023-06-30", "王*"), ownerNotice("2023-06-30", "王*"));
    }

    @Test
    void aNewDeadlineSetByThePartyMakesTheOldTimersStale() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, ASSIGN, new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", LATER, false,
                        null, TODAY, PARTY))
                .whenThenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void aLongTermItemIsNeverOverdueNorColoured() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(PLAN, new AssignMeasure(ID, "XZSPJ", List.of(), "张*", null, true, 3, TODAY,
                        LIAISON))
                .whenThenTimeAdvancesTo(Instant.parse("2023-07-31T15:59:59Z"))
                .expectNoEvents();
    }

    @Test
    void theTimersPayloadSurvivesTheJacksonSerializerThatStoresPersistentDeadlines() {
        org.axonframework.serialization.json.JacksonSerializer serializer =
                org.axonframework.serialization.json.JacksonSerializer.defaultSerializer();
        org.axonframework.serialization.SerializedObject<byte[]> stored =
                serializer.serialize(new OverdueCheck("2023-06-30"), byte[].class);
        org.assertj.core.api.Assertions.assertThat((Object) serializer.deserialize(stored))
                .isEqualTo(new OverdueCheck("2023-06-30"));
    }

    // ---------------------------------------------------------------- extension

    @Test
    void theDepartmentRequestsAnExtension() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new RequestDeadlineExtension(ID, LATER, " 需配合组织部统一安排。 ", TODAY, LIAISON))
                .expectEvents(REQUESTED);
    }

    @Test
    void anExtensionRequestIsRefusedWhenItIsNotLaterInThePastPendingOrNotTheDepartments() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new RequestDeadlineExtension(ID, DEADLINE, "理由。", TODAY, LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("延期后的时限须晚于现时限：2023-06-30")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new RequestDeadlineExtension(ID, LATER, "理由。", LATER.plusDays(1), LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("完成时限不能早于今天：2023-09-30")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, REQUESTED)
                .when(new RequestDeadlineExtension(ID, LATER.plusDays(1), "理由。", TODAY, LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("已有延期申请等待党委审批")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new RequestDeadlineExtension(ID, LATER, "理由。", TODAY, OTHER_DEPT))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new RequestDeadlineExtension(ID, LATER, " ", TODAY, LIAISON))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of(), "张*", null, true, 3,
                        "demo-dept"))
                .when(new RequestDeadlineExtension(ID, LATER, "理由。", TODAY, LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("长期坚持的事项没有完成时限，无需延期")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new RequestDeadlineExtension(ID, LATER, "理由。", TODAY, LIAISON))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void thePartyCommitteeApprovesAnExtension() {
        fixture.given(PLANNED, ASSIGNED, OVERDUE, REQUESTED)
                .when(new ApproveDeadlineExtension(ID, PARTY))
                .expectEvents(new DeadlineExtended(ID, "XZSPJ", "2023-06-30", "2023-09-30", "demo-dept",
                        "demo-party"))
                .expectScheduledDeadlineWithName(Measure.overdueAt(LATER), Measure.OVERDUE);
    }

    @Test
    void thePartyCommitteeRefusesAnExtensionAndTheDeadlineStays() {
        fixture.given(PLANNED, ASSIGNED, REQUESTED)
                .when(new RefuseDeadlineExtension(ID, "理由不充分。", PARTY))
                .expectEvents(new DeadlineExtensionRefused(ID, "XZSPJ", "2023-09-30", "demo-party", "理由不充分。"))
                .expectNoScheduledDeadlines();
        fixture.given(PLANNED, ASSIGNED, REQUESTED,
                        new DeadlineExtensionRefused(ID, "XZSPJ", "2023-09-30", "demo-party", null))
                .when(new RequestDeadlineExtension(ID, LocalDate.parse("2023-08-31"), "再次申请。", TODAY, LIAISON))
                .expectEvents(new DeadlineExtensionRequested(ID, "XZSPJ", "2023-06-30", "2023-08-31", "再次申请。",
                        "demo-dept"));
    }

    @Test
    void onlyThePartyCommitteeDecidesAPendingRequestAndNeverItsOwn() {
        fixture.given(PLANNED, ASSIGNED, REQUESTED)
                .when(new ApproveDeadlineExtension(ID, LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("只有党委可以审批延期")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, REQUESTED)
                .when(new RefuseDeadlineExtension(ID, null, LIAISON))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new ApproveDeadlineExtension(ID, PARTY))
                .expectException(Refusal.class).expectExceptionMessage("没有待审批的延期申请")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, new DeadlineExtensionRequested(ID, "XZSPJ", "2023-06-30", "2023-09-30",
                        "理由。", "dual"))
                .when(new ApproveDeadlineExtension(ID, PARTY_LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("不能审批本人提出的延期申请")
                .expectNoEvents();
    }
}
