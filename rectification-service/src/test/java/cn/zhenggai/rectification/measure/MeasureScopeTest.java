package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.rectification.measure.Commands.ApproveDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.CheckEvidenceDownload;
import cn.zhenggai.rectification.measure.Commands.CheckEvidenceUpload;
import cn.zhenggai.rectification.measure.Commands.CompleteMeasure;
import cn.zhenggai.rectification.measure.Commands.RefuseDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.RejectMeasure;
import cn.zhenggai.rectification.measure.Commands.ReopenMeasure;
import cn.zhenggai.rectification.measure.Commands.ReportProgress;
import cn.zhenggai.rectification.measure.Commands.RequestDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.SuperviseMeasure;
import cn.zhenggai.rectification.measure.Commands.VerifyMeasure;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.COMPLETED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEADLINE;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEPARTMENTS;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ID;
import static cn.zhenggai.rectification.measure.MeasureFixtures.LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ORG;
import static cn.zhenggai.rectification.measure.MeasureFixtures.OTHER_DEPT;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLANNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.TODAY;

/**
 * An item exists only for those who see it (ADR 0072): every command of a caller outside its lead and cooperating
 * departments, whatever it asks and whatever the caller's role, is refused exactly as an unknown id would be —
 * before any rule that would tell the item's state or the caller's role apart.
 */
class MeasureScopeTest {

    private static final Actor CZJ_CADRE = new Actor("czj-cadre", "CZJ", false, false);
    private static final Actor ZZB_LIAISON = new Actor("zzb-liaison", "ZZB", true, false);
    private static final DeadlineExtensionRequested REQUESTED = new DeadlineExtensionRequested(ID, "XZSPJ",
            "2023-06-30", "2023-09-30", "理由。", "demo-dept");

    private AggregateTestFixture<Measure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Measure.class);
        fixture.registerInjectableResource(DEPARTMENTS);
        fixture.registerInjectableResource(SupervisionSchedule.DEFAULT);
    }

    @Test
    void everyCommandOfAnotherDepartmentAnswersAsAnUnknownItem() {
        for (Actor outsider : List.of(OTHER_DEPT, CZJ_CADRE)) {
            hidden(new AssignMeasure(ID, "CZJ", List.of(), "李*", DEADLINE, false, null, TODAY, outsider), PLANNED);
            hidden(new AssignMeasure(ID, "CZJ", List.of(), "李*", DEADLINE, false, null, TODAY, outsider, true),
                    PLANNED);
            hidden(new AssignMeasure(ID, "CZJ", List.of(), "李*", DEADLINE, false, null, TODAY, outsider),
                    PLANNED, ASSIGNED);
            hidden(new ReportProgress(ID, "进展。", outsider), PLANNED, ASSIGNED);
            hidden(new CheckEvidenceUpload(ID, outsider), PLANNED, ASSIGNED);
            hidden(new CheckEvidenceDownload(ID, outsider), PLANNED, ASSIGNED);
            hidden(new SuperviseMeasure(ID, "ntc-1", null, "请加快进度。", TODAY, outsider), PLANNED, ASSIGNED);
            hidden(new CompleteMeasure(ID, "完成。", outsider), PLANNED, ASSIGNED);
            hidden(new CompleteMeasure(ID, "完成。", outsider), PLANNED, ASSIGNED, COMPLETED);
            hidden(new VerifyMeasure(ID, null, outsider), PLANNED, ASSIGNED, COMPLETED);
            hidden(new RejectMeasure(ID, List.of("不到位。"), outsider), PLANNED, ASSIGNED, COMPLETED);
            hidden(new ReopenMeasure(ID, "复查发现问题。", outsider), PLANNED, ASSIGNED, COMPLETED,
                    new MeasureVerified(ID, "XZSPJ", "demo-party", null));
            hidden(new RequestDeadlineExtension(ID, DEADLINE.plusMonths(3), "理由。", TODAY, outsider),
                    PLANNED, ASSIGNED);
            hidden(new ApproveDeadlineExtension(ID, outsider), PLANNED, ASSIGNED, REQUESTED);
            hidden(new RefuseDeadlineExtension(ID, null, outsider), PLANNED, ASSIGNED, REQUESTED);
        }
    }

    @Test
    void thoseWhoSeeTheItemAreStillToldWhyTheyMayNotAct() {
        // a cooperating department sees the item: it is told it does not lead it
        fixture.given(PLANNED, ASSIGNED)
                .when(new CompleteMeasure(ID, "完成。", ZZB_LIAISON))
                .expectException(refused(Refusal.Kind.FORBIDDEN, "FORBIDDEN_DEPARTMENT"))
                .expectNoEvents();
        // the lead department's liaison sees it: it is told verification is the party committee's
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new VerifyMeasure(ID, null, LIAISON))
                .expectException(refused(Refusal.Kind.FORBIDDEN, "FORBIDDEN_ROLE"))
                .expectNoEvents();
        // a cross-department role sees every item
        fixture.given(PLANNED, ASSIGNED)
                .when(new CompleteMeasure(ID, "完成。", ORG))
                .expectException(refused(Refusal.Kind.FORBIDDEN, "FORBIDDEN_DEPARTMENT"))
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new CheckEvidenceDownload(ID, ORG))
                .expectNoEvents().expectResultMessagePayload(true);
        fixture.given(PLANNED, ASSIGNED)
                .when(new CheckEvidenceDownload(ID, PARTY))
                .expectNoEvents().expectResultMessagePayload(true);
    }

    private void hidden(Object command, Object... given) {
        fixture.given(given)
                .when(command)
                .expectException(refused(Refusal.Kind.NOT_FOUND, "MEASURE_NOT_FOUND"))
                .expectExceptionMessage("整改事项不存在：" + ID)
                .expectNoEvents();
    }

    static Matcher<Refusal> refused(Refusal.Kind reason, String code) {
        return new CustomTypeSafeMatcher<>("refused " + reason + " " + code) {
            @Override
            protected boolean matchesSafely(Refusal e) {
                return e.kind() == reason && code.equals(e.code());
            }
        };
    }
}
