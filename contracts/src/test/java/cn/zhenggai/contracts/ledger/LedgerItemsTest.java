package cn.zhenggai.contracts.ledger;

import cn.zhenggai.contracts.history.Backdating;
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
import cn.zhenggai.contracts.report.ReportDrafted;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given an item's events, when folded, then the ledger item is what the ledger shows. */
class LedgerItemsTest {

    private static final String ID = "mea-1";
    private static final Instant T0 = Instant.parse("2023-01-10T02:00:00Z");

    private static MeasurePlanned planned() {
        return new MeasurePlanned(ID, "XZSPJ", "REPORT", "rpt-1", "m-1", "XZSPJ", "demo-cadre", 2022, 1, "建立学习制度",
                "每月集中学习一次", List.of(), "2023-06-30", "2023年6月底前", "张三", "XZSPJ", List.of("CZJ"),
                List.of(), List.of(new MeasurePlanned.Problem("p-1", "理论学习", 1, "学习不系统"),
                new MeasurePlanned.Problem("p-2", "理论学习", 2, "学用脱节")));
    }

    private static EventMeta meta(long sequence, long days) {
        return new EventMeta("e-" + sequence, sequence, T0.plusSeconds(days * 86_400), null, "demo-dept");
    }

    @Test
    void aPlannedItemTakesTheReportsProposalAndWaitsForAssignment() {
        LedgerItem item = LedgerItems.apply(null, planned(), meta(0, 0));

        assertThat(item.status()).isEqualTo(ItemStatus.PLANNED);
        assertThat(item.source()).isEqualTo(ItemSource.REPORT);
        assertThat(item.sources()).containsExactly(new LedgerItem.SourceLink(ItemSource.REPORT, "rpt-1", null));
        assertThat(item.problem()).isEqualTo("学习不系统；学用脱节");
        assertThat(item.themes()).containsExactly("理论学习");
        assertThat(item.leadDepartment()).isEqualTo("XZSPJ");
        assertThat(item.deadline()).isNull();
        assertThat(item.colour()).isEqualTo(Colour.GREEN);
        assertThat(item.plannedAt()).isEqualTo(T0);
        assertThat(item.events()).isEqualTo(1);
        assertThat(item.changedBy()).containsKeys("title", "leadDepartment", "status", "colour");
    }

    @Test
    void anEventBeforeThePlanningOrOfAnotherKindMakesNoItem() {
        assertThat(LedgerItems.apply(null, new MeasureCompleted(ID, "XZSPJ", "完成", "u", null, false), meta(3, 1)))
                .isNull();
        LedgerItem item = LedgerItems.apply(null, planned(), meta(0, 0));
        assertThat(LedgerItems.apply(item, new ReportDrafted("rpt-1", "t", 2022, "demo-cadre", "XZSPJ"), meta(1, 1)))
                .isSameAs(item);
        assertThat(LedgerItems.isItemEvent("MeasureOverdue")).isTrue();
        assertThat(LedgerItems.isItemEvent("ReportDrafted")).isFalse();
        assertThat(LedgerItems.isItemEvent("EvidenceAttached")).as("published by no service").isFalse();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        LedgerItem planned = LedgerItems.apply(null, planned(), meta(0, 0));
        ProgressReported progress = new ProgressReported(ID, "XZSPJ", "已学习两次", "demo-dept", "XZSPJ");
        LedgerItem once = LedgerItems.apply(planned, progress, meta(1, 1));

        assertThat(LedgerItems.apply(once, progress, meta(1, 1))).isSameAs(once);
        assertThat(LedgerItems.apply(once, planned(), meta(2, 2))).as("planned once").isSameAs(once);
        assertThat(once.progressCount()).isEqualTo(1);
    }

    @Test
    void theLifecycleFromAssignmentToVerificationAfterARejection() {
        List<LedgerItems.Step> steps = new ArrayList<>(List.of(
                new LedgerItems.Step(planned(), meta(0, 0)),
                new LedgerItems.Step(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of("CZJ"), "李四", "2023-03-31",
                        false, null, "demo-party"), meta(1, 1)),
                new LedgerItems.Step(new MeasureOverdue(ID, "XZSPJ", "2023-03-31", "李四"), meta(2, 81)),
                new LedgerItems.Step(new MeasureColourChanged(ID, "XZSPJ", "red", "GREEN", "2023-03-31", "李四"),
                        meta(3, 81)),
                new LedgerItems.Step(new DeadlineExtended(ID, "XZSPJ", "2023-03-31", "2023-05-31", "u", "demo-party"),
                        meta(4, 85)),
                new LedgerItems.Step(new MeasureCompleted(ID, "XZSPJ", "制度已建立", "demo-dept", "2023-05-31", true),
                        meta(5, 100)),
                new LedgerItems.Step(new MeasureRejected(ID, "XZSPJ", "demo-party", List.of("缺少台账")), meta(6, 101)),
                new LedgerItems.Step(new MeasureReopened(ID, "XZSPJ", "demo-party", "缺少台账"), meta(7, 101)),
                new LedgerItems.Step(new MeasureCompleted(ID, "XZSPJ", "补齐台账", "demo-dept", "2023-05-31", false),
                        meta(8, 110)),
                new LedgerItems.Step(new MeasureVerified(ID, "XZSPJ", "demo-party", "同意销号"), meta(9, 120))));
        steps.add(steps.get(3)); // a duplicate delivered late

        LedgerItem item = LedgerItems.fold(steps);

        assertThat(item.status()).isEqualTo(ItemStatus.VERIFIED);
        assertThat(item.deadline()).isEqualTo(LocalDate.parse("2023-05-31"));
        assertThat(item.overdue()).as("the extension cleared it").isFalse();
        assertThat(item.colour()).isEqualTo(Colour.RED);
        assertThat(item.extensions()).isEqualTo(1);
        assertThat(item.rejections()).isEqualTo(1);
        assertThat(item.lastRejection()).containsExactly("缺少台账");
        assertThat(item.completionSummary()).isEqualTo("补齐台账");
        assertThat(item.verifiedBy()).isEqualTo("demo-party");
        assertThat(item.lastSequence()).isEqualTo(9);
        assertThat(item.events()).isEqualTo(10);
        assertThat(item.changedBy().get("status").sequence()).isEqualTo(9);
        assertThat(item.changedBy().get("deadline").sequence()).isEqualTo(4);
    }

    @Test
    void aBackdatedStepCarriesItsEffectiveTimeAndWhoRecordedItWhy() {
        LedgerItem planned = LedgerItems.apply(null, planned(), meta(0, 0));
        Instant happened = Instant.parse("2023-05-10T00:00:00Z");
        Instant recorded = Instant.parse("2023-07-01T02:00:00Z");
        Backdating backdating = new Backdating(happened, "demo-party", "纸质台账补录", null);
        MeasureCompleted completed = new MeasureCompleted(ID, "XZSPJ", "已完成", "demo-dept", null, false,
                backdating);

        LedgerItem item = LedgerItems.apply(planned, completed, new EventMeta("e-1", 1, recorded, happened, "x"));

        assertThat(item.completedAt()).isEqualTo(happened);
        assertThat(item.updatedAt()).isEqualTo(happened);
        assertThat(item.recordedAt()).isEqualTo(recorded);
        assertThat(item.backdatedEvents()).isEqualTo(1);
        assertThat(item.lastEvent().backdating()).isEqualTo(backdating);
        assertThat(item.lastEvent().time()).isEqualTo(happened);
    }

    @Test
    void everyItemEventNamesItsItemAndNoOtherEventDoes() throws Exception {
        int itemEvents = 0;
        for (Class<?> type : cn.zhenggai.contracts.messaging.EventTypes.all()) {
            Object event = withMeasureId(type, "mea-of-" + type.getSimpleName());
            if (LedgerItems.isItemEvent(type)) {
                itemEvents++;
                assertThat(LedgerItems.measureIdOf(event)).as(type.getSimpleName())
                        .contains("mea-of-" + type.getSimpleName());
            } else {
                assertThat(LedgerItems.measureIdOf(event)).as(type.getSimpleName()).isEmpty();
            }
        }
        assertThat(itemEvents).as("the item events the fold knows").isEqualTo(14);
    }

    /** A record of {@code type} with every component at its default, {@code measureId} (if it has one) set. */
    private static Object withMeasureId(Class<?> type, String measureId) throws Exception {
        java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            types[i] = t;
            values[i] = "measureId".equals(components[i].getName()) ? measureId
                    : t == int.class ? 0 : t == long.class ? 0L : t == boolean.class ? false
                    : t == double.class ? 0.0 : null;
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }
}
