package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.ledger.ItemStatus;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.rectification.measure.Migration.Extension;
import cn.zhenggai.rectification.measure.Migration.MigrateItem;
import cn.zhenggai.rectification.measure.Migration.Progress;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static cn.zhenggai.rectification.measure.MeasureFixtures.DEPARTMENTS;
import static cn.zhenggai.rectification.measure.MeasureFixtures.LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MigrateItem (ADR 0093): an item created with its whole history from a historical ledger, every event backdated to
 * its step's day with the file and row it came from; the overdue periods are on record; steps out of order, in the
 * future or by anyone but the party committee are refused and nothing is recorded.
 */
class MigrationTest {

    private static final Instant NOW = Instant.parse("2024-03-01T02:00:00Z");
    private static final String ID = "mea-hist-1";
    private static final Backdating.Migration FROM = new Backdating.Migration("台账2021.xlsx", "ab".repeat(32), 2);

    private AggregateTestFixture<Measure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Measure.class);
        fixture.registerInjectableResource(DEPARTMENTS);
        fixture.registerInjectableResource(SupervisionSchedule.DEFAULT);
    }

    /** A 2021 item: assigned in January, progress, overdue, extended, completed, verified. */
    static MigrateItem verifiedItem() {
        return new MigrateItem(ID, MeasurePlanned.SOURCE_INSPECTION, "巡察〔2021〕3号", null, null, null, null, 1,
                "规范审批流程", "规范审批流程。压缩办理时限。", List.of(new MeasurePlanned.Problem("prb-h1", "巡察〔2021〕3号", 1,
                "审批时限过长。")), "XZSPJ", List.of("ZZB"), "张*", d("2021-06-30"), false, null,
                d("2021-01-10"), d("2021-01-20"),
                List.of(new Progress(d("2021-03-01"), "已制定方案。"), new Progress(d("2021-09-01"), "已完成一半。")),
                List.of(new Extension(d("2021-08-01"), d("2021-12-31"))), d("2021-12-20"), "全部完成。",
                d("2022-01-15"), "同意销号。", null, null, FROM, NOW, PARTY);
    }

    @Test
    void aMigratedItemHasItsWholeHistoryBackdatedInOrderWithTheFileItCameFrom() {
        List<Object> events = Migration.events(verifiedItem(), DEPARTMENTS);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("MeasurePlanned",
                "MeasureAssigned", "ProgressReported", "MeasureOverdue", "DeadlineExtended", "ProgressReported",
                "MeasureCompleted", "MeasureVerified");
        Instant previous = Instant.MIN;
        for (Object e : events) {
            Backdating b = ((EffectiveDated) e).backdating();
            assertThat(b.migratedFrom()).isEqualTo(FROM);
            assertThat(b.by()).isEqualTo("demo-party");
            assertThat(b.reason()).contains("台账2021.xlsx").contains("第2行");
            assertThat(b.effectiveAt()).isAfterOrEqualTo(previous).isBefore(NOW);
            previous = b.effectiveAt();
        }
        assertThat(((EffectiveDated) events.get(0)).backdating().effectiveAt()).isEqualTo(at("2021-01-10"));
        MeasureOverdue overdue = (MeasureOverdue) events.get(3);
        assertThat(overdue.deadline()).isEqualTo("2021-06-30");
        assertThat(overdue.backdating().effectiveAt()).isEqualTo(Measure.overdueAt(d("2021-06-30")));
        DeadlineExtended extended = (DeadlineExtended) events.get(4);
        assertThat(extended.previousDeadline()).isEqualTo("2021-06-30");
        assertThat(extended.deadline()).isEqualTo("2021-12-31");
        MeasureCompleted completed = (MeasureCompleted) events.get(6);
        assertThat(completed.late()).as("completed within the extended deadline").isFalse();
        assertThat(completed.deadline()).isEqualTo("2021-12-31");
        assertThat(((MeasureAssigned) events.get(1)).backfilled()).isTrue();
    }

    @Test
    void theAggregateAppliesTheHistoryOnceAndAnswersUnchangedTheSecondTime() {
        List<Object> expected = Migration.events(verifiedItem(), DEPARTMENTS);
        fixture.givenCurrentTime(NOW)
                
                .when(verifiedItem())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(Migration.MIGRATED)
                .expectEvents(expected.toArray())
                .expectNoScheduledDeadlines();
        fixture.givenCurrentTime(NOW)
                .andGiven(expected)
                .when(verifiedItem())
                .expectResultMessagePayload(Migration.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void anItemStillOpenWhoseDeadlinePassedIsOverdueOnRecordWithoutSupervisionForThePast() {
        MigrateItem open = with(verifiedItem(), null, null, null, verifiedItem().progress());
        List<Object> events = Migration.events(open, DEPARTMENTS);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("MeasurePlanned",
                "MeasureAssigned", "ProgressReported", "MeasureOverdue", "DeadlineExtended", "ProgressReported",
                "MeasureOverdue");
        assertThat(((MeasureOverdue) events.get(3)).deadline()).isEqualTo("2021-06-30");
        List<Object> expected = new java.util.ArrayList<>(events);
        // the warnings of 2021 are long past: on record as of the last migrated step, no 督办 is issued
        Backdating last = ((MeasureOverdue) events.get(6)).backdating();
        expected.add(new MeasureColourChanged(ID, "XZSPJ", "YELLOW", "GREEN", "2021-12-31", "张*",
                new Backdating(last.effectiveAt(), last.by(), "补录时预警时点已过（完成时限2021-12-31），黄灯自2021-12-24起",
                        null)));
        expected.add(new MeasureColourChanged(ID, "XZSPJ", "RED", "YELLOW", "2021-12-31", "张*",
                new Backdating(last.effectiveAt(), last.by(), "补录时完成时限（2021-12-31）已过，红灯自2022-01-01起", null)));
        fixture.givenCurrentTime(NOW)
                .when(open)
                .expectEvents(expected.toArray())
                .expectNoScheduledDeadlines();
        assertThat(((MeasureOverdue) events.get(6)).backdating().effectiveAt())
                .isEqualTo(Measure.overdueAt(d("2021-12-31")));
    }

    @Test
    void aRejectedCompletionReopensTheItemAndItIsLateIfTheDeadlineHadPassed() {
        MigrateItem c = verifiedItem();
        MigrateItem rejected = new MigrateItem(c.measureId(), c.source(), c.reference(), null, null, null, null, 1,
                c.title(), c.content(), c.problems(), "XZSPJ", List.of(), "张*", d("2021-06-30"), false, null,
                c.planned(), c.assigned(), List.of(), List.of(), d("2021-07-10"), "完成。", null, null,
                d("2021-07-20"), List.of("佐证不足"), FROM, NOW, PARTY);
        List<Object> events = Migration.events(rejected, DEPARTMENTS);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("MeasurePlanned",
                "MeasureAssigned", "MeasureOverdue", "MeasureCompleted", "MeasureRejected", "MeasureReopened");
        assertThat(((MeasureCompleted) events.get(3)).late()).isTrue();
        assertThat(((MeasureRejected) events.get(4)).reasons()).containsExactly("佐证不足");
        assertThat(((MeasureReopened) events.get(5)).backdating().effectiveAt()).isEqualTo(at("2021-07-20"));
    }

    @Test
    void aDeadlinePassedWhenItTookEffectIsOverdueRightAfterItsStep() {
        MigrateItem c = verifiedItem();
        MigrateItem late = new MigrateItem(c.measureId(), c.source(), c.reference(), null, null, null, null, 1,
                c.title(), c.content(), c.problems(), "XZSPJ", List.of(), "张*", d("2021-01-15"), false, null,
                c.planned(), c.assigned(), List.of(), List.of(new Extension(d("2021-03-01"), d("2021-02-01"))), null,
                null, null, null, null, null, FROM, NOW, PARTY);
        List<Object> events = Migration.events(late, DEPARTMENTS);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("MeasurePlanned",
                "MeasureAssigned", "MeasureOverdue", "DeadlineExtended", "MeasureOverdue");
        assertThat(((MeasureOverdue) events.get(2)).backdating().effectiveAt()).as("at the assignment")
                .isEqualTo(at("2021-01-20"));
        assertThat(((MeasureOverdue) events.get(4)).deadline()).isEqualTo("2021-02-01");
        assertThat(((MeasureOverdue) events.get(4)).backdating().effectiveAt()).as("at the extension")
                .isEqualTo(at("2021-03-01"));
    }

    @Test
    void theOneFoldAsOfAnEarlierDayShowsThatDaysStateAndTheFileItCameFrom() {
        List<Object> events = Migration.events(verifiedItem(), DEPARTMENTS);
        LedgerItem asOfJuly = fold(events, Instant.parse("2021-07-15T00:00:00Z"));
        LedgerItem today = fold(events, NOW);
        assertThat(asOfJuly.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(asOfJuly.overdue()).as("2021-06-30 had passed, not yet extended").isTrue();
        assertThat(asOfJuly.deadline()).isEqualTo(d("2021-06-30"));
        assertThat(today.status()).isEqualTo(ItemStatus.VERIFIED);
        assertThat(today.overdue()).isFalse();
        assertThat(today.deadline()).isEqualTo(d("2021-12-31"));
        assertThat(today.migratedFrom()).isEqualTo(FROM);
        assertThat(today.backdatedEvents()).isEqualTo(events.size());
        assertThat(today.plannedAt()).isEqualTo(at("2021-01-10"));
    }

    private static LedgerItem fold(List<Object> events, Instant asOf) {
        LedgerItem item = null;
        for (int i = 0; i < events.size(); i++) {
            Instant effective = ((EffectiveDated) events.get(i)).backdating().effectiveAt();
            if (!effective.isAfter(asOf)) {
                item = LedgerItems.apply(item, events.get(i), new EventMeta("e" + i, i, NOW, effective, "demo-party"));
            }
        }
        return item;
    }

    @Test
    void aLongTermItemAndAnItemNeverAssigned() {
        MigrateItem c = verifiedItem();
        MigrateItem longTerm = new MigrateItem(c.measureId(), c.source(), c.reference(), null, null, null, null, 1,
                c.title(), c.content(), c.problems(), "XZSPJ", List.of(), "张*", null, true, 6, null,
                d("2021-01-20"), List.of(new Progress(d("2021-07-20"), "半年评估。")), List.of(), null, null, null,
                null, null, null, FROM, NOW, PARTY);
        assertThat(Migration.events(longTerm, DEPARTMENTS)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MeasurePlanned", "MeasureAssigned", "ProgressReported");
        MigrateItem planned = new MigrateItem(c.measureId(), c.source(), c.reference(), null, null, null, null, 1,
                c.title(), c.content(), c.problems(), "XZSPJ", List.of(), "张*", d("2024-06-30"), false, null,
                d("2022-01-10"), null, List.of(), List.of(), null, null, null, null, null, null, FROM, NOW, PARTY);
        List<Object> events = Migration.events(planned, DEPARTMENTS);
        assertThat(events).hasSize(1);
        assertThat(((MeasurePlanned) events.get(0)).backdating().effectiveAt()).isEqualTo(at("2022-01-10"));
    }

    @Test
    void stepsOutOfOrderInTheFutureOrByAnotherRoleAreRefusedAndNothingIsRecorded() {
        MigrateItem c = verifiedItem();
        refused(with(c, d("2021-01-19"), null, null, c.progress()), "COMPLETED_BEFORE_ASSIGNED");
        refused(with(c, d("2021-12-20"), d("2021-12-19"), null, c.progress()), "VERIFIED_BEFORE_COMPLETED");
        refused(with(c, null, d("2021-12-19"), null, c.progress()), "VERIFIED_WITHOUT_COMPLETION");
        refused(with(c, d("2021-12-20"), null, d("2021-12-01"), c.progress()), "REJECTED_BEFORE_COMPLETED");
        refused(with(c, d("2021-12-20"), d("2022-01-15"), d("2022-01-16"), c.progress()), "VERIFIED_AND_REJECTED");
        refused(with(c, d("2021-12-20"), d("2022-01-15"), null,
                List.of(new Progress(d("2021-01-19"), "早于分派。"))), "PROGRESS_BEFORE_ASSIGNED");
        refused(with(c, d("2021-12-20"), d("2022-01-15"), null,
                List.of(new Progress(d("2021-12-21"), "晚于完成。"))), "PROGRESS_AFTER_COMPLETION");
        refused(with(c, d("2021-12-20"), d("2024-03-02"), null, c.progress()), "DATE_IN_FUTURE");
        MigrateItem unassigned = new MigrateItem(ID, c.source(), null, null, null, null, null, 1, c.title(), null,
                List.of(), "XZSPJ", List.of(), "张*", d("2021-06-30"), false, null, d("2021-01-10"), null,
                c.progress(), List.of(), null, null, null, null, null, null, FROM, NOW, PARTY);
        refused(unassigned, "NOT_ASSIGNED");
        MigrateItem unknown = new MigrateItem(ID, c.source(), null, null, null, null, null, 1, c.title(), null,
                List.of(), "XZSPJ", List.of("NOPE"), "张*", d("2021-06-30"), false, null, d("2021-01-10"),
                d("2021-01-20"), List.of(), List.of(), null, null, null, null, null, null, FROM, NOW, PARTY);
        refused(unknown, "UNKNOWN_DEPARTMENT");
        MigrateItem notLater = new MigrateItem(ID, c.source(), null, null, null, null, null, 1, c.title(), null,
                List.of(), "XZSPJ", List.of(), "张*", d("2021-06-30"), false, null, d("2021-01-10"),
                d("2021-01-20"), List.of(), List.of(new Extension(d("2021-05-01"), d("2021-06-01"))), null, null,
                null, null, null, null, FROM, NOW, PARTY);
        refused(notLater, "EXTENSION_NOT_LATER");
        MigrateItem byLiaison = new MigrateItem(ID, c.source(), null, null, null, null, null, 1, c.title(), null,
                List.of(), "XZSPJ", List.of(), "张*", d("2021-06-30"), false, null, d("2021-01-10"),
                d("2021-01-20"), List.of(), List.of(), null, null, null, null, null, null, FROM, NOW, LIAISON);
        fixture.givenCurrentTime(NOW).when(byLiaison)
                .expectException(Refusal.class)
                .expectExceptionMessage("只有党委可以迁移历史台账")
                .expectNoEvents();
    }

    private void refused(MigrateItem command, String code) {
        assertThatThrownBy(() -> Migration.events(command, DEPARTMENTS)).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).code()).isEqualTo(code))
                .satisfies(e -> assertThat(e.getMessage()).containsPattern("\\p{IsHan}"));
        fixture.givenCurrentTime(NOW).when(command)
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    private static MigrateItem with(MigrateItem c, LocalDate completed, LocalDate verified, LocalDate rejected,
                                    List<Progress> progress) {
        return new MigrateItem(c.measureId(), c.source(), c.reference(), c.reportId(), c.reportMeasureId(),
                c.author(), c.year(), c.ordinal(), c.title(), c.content(), c.problems(), c.leadDepartment(),
                c.cooperatingDepartments(), c.owner(), c.deadline(), c.longTerm(), c.reviewPeriodMonths(),
                c.planned(), c.assigned(), progress, c.extensions(), completed, c.summary(), verified,
                c.opinion(), rejected, List.of(), c.migratedFrom(), c.now(), c.actor());
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static Instant at(String date) {
        return d(date).atTime(LocalTime.of(9, 0)).atZone(Measure.ZONE).toInstant();
    }
}
