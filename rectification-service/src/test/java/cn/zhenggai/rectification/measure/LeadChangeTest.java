package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.CheckEvidenceDownload;
import cn.zhenggai.rectification.measure.Commands.ReportProgress;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEADLINE;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEPARTMENTS;
import static cn.zhenggai.rectification.measure.MeasureFixtures.HEAD;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ID;
import static cn.zhenggai.rectification.measure.MeasureFixtures.LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.OTHER_DEPT;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY_LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLANNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.TODAY;
import static cn.zhenggai.rectification.measure.MeasureScopeTest.refused;

/**
 * ADR 0073: once an item is assigned, its lead department changes only by the party committee. A department's own
 * staff still set the owner and the cooperating departments of their item; a lead change they send is refused
 * (403 {@code LEAD_CHANGE_NEEDS_PARTY_COMMITTEE}) and changes nothing. After a lead change the old lead no longer sees
 * the item, its evidence included.
 */
class LeadChangeTest {

    private static final Actor CZJ_LIAISON = OTHER_DEPT;
    private static final MeasureAssigned MOVED = new MeasureAssigned(ID, "CZJ", "CZJ", List.of(), "李*",
            "2023-06-30", false, null, "demo-party");

    private AggregateTestFixture<Measure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Measure.class);
        fixture.registerInjectableResource(DEPARTMENTS);
        fixture.registerInjectableResource(SupervisionSchedule.DEFAULT);
    }

    @Test
    void aLiaisonCannotMoveItsAssignedItemToAnotherDepartment() {
        for (Actor staff : List.of(LIAISON, HEAD)) {
            fixture.given(PLANNED, ASSIGNED)
                    .when(new AssignMeasure(ID, "CZJ", List.of("ZZB"), "张*", DEADLINE, false, null, TODAY, staff))
                    .expectException(refused(Refusal.Kind.FORBIDDEN, "LEAD_CHANGE_NEEDS_PARTY_COMMITTEE"))
                    .expectExceptionMessage("变更牵头单位须由党委决定，部门不能自行移交给其他单位")
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }
        // not even while changing nothing else, nor by naming itself a cooperating department
        fixture.given(PLANNED, ASSIGNED)
                .when(new AssignMeasure(ID, "CZJ", List.of("XZSPJ", "ZZB"), "张*", DEADLINE, false, null, TODAY,
                        LIAISON))
                .expectException(refused(Refusal.Kind.FORBIDDEN, "LEAD_CHANGE_NEEDS_PARTY_COMMITTEE"))
                .expectNoEvents();
    }

    @Test
    void aLiaisonStillAssignsOwnerAndCooperatingDepartmentsWithinItsOwnItem() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB", "CZJ"), "王*", DEADLINE, false, null, TODAY,
                        LIAISON))
                .expectEvents(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of("ZZB", "CZJ"), "王*", "2023-06-30",
                        false, null, "demo-dept"));
        fixture.given(PLANNED, ASSIGNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of(), "张*", DEADLINE, false, null, TODAY, LIAISON))
                .expectEvents(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of(), "张*", "2023-06-30", false, null,
                        "demo-dept"));
    }

    @Test
    void evenTheFirstAssignmentDoesNotHandTheItemToAnotherDepartmentWithoutTheCommittee() {
        // the plan's home is where the report proposed it; a department cannot push it into another's ledger
        fixture.given(PLANNED)
                .when(new AssignMeasure(ID, "CZJ", List.of(), "李*", DEADLINE, false, null, TODAY, LIAISON))
                .expectException(refused(Refusal.Kind.FORBIDDEN, "LEAD_CHANGE_NEEDS_PARTY_COMMITTEE"))
                .expectNoEvents();
        fixture.given(PLANNED)
                .when(new AssignMeasure(ID, "CZJ", List.of(), "李*", DEADLINE, false, null, TODAY, PARTY))
                .expectEvents(new MeasureAssigned(ID, "CZJ", "CZJ", List.of(), "李*", "2023-06-30", false, null,
                        "demo-party"));
    }

    @Test
    void thePartyCommitteeMovesTheLead() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new AssignMeasure(ID, "CZJ", List.of(), "李*", DEADLINE, false, null, TODAY, PARTY))
                .expectEvents(MOVED);
        // a party committee member who is also the department's liaison acts as the party committee
        fixture.given(PLANNED, ASSIGNED)
                .when(new AssignMeasure(ID, "CZJ", List.of(), "李*", DEADLINE, false, null, TODAY, PARTY_LIAISON))
                .expectEvents(new MeasureAssigned(ID, "CZJ", "CZJ", List.of(), "李*", "2023-06-30", false, null,
                        "dual"));
    }

    @Test
    void afterTheMoveTheOldLeadNoLongerSeesTheItemNorItsEvidenceAndTheNewLeadDoes() {
        fixture.given(PLANNED, ASSIGNED, MOVED)
                .when(new CheckEvidenceDownload(ID, LIAISON))
                .expectException(refused(Refusal.Kind.NOT_FOUND, "MEASURE_NOT_FOUND"))
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, MOVED)
                .when(new ReportProgress(ID, "进展。", LIAISON))
                .expectException(refused(Refusal.Kind.NOT_FOUND, "MEASURE_NOT_FOUND"))
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new CheckEvidenceDownload(ID, CZJ_LIAISON))
                .expectException(refused(Refusal.Kind.NOT_FOUND, "MEASURE_NOT_FOUND"));
        fixture.given(PLANNED, ASSIGNED, MOVED)
                .when(new CheckEvidenceDownload(ID, CZJ_LIAISON))
                .expectNoEvents().expectResultMessagePayload(true);
        fixture.given(PLANNED, ASSIGNED, MOVED)
                .when(new ReportProgress(ID, "已接手。", CZJ_LIAISON))
                .expectEvents(new ProgressReported(ID, "CZJ", "已接手。", "czj-liaison", "CZJ"));
    }

    @Test
    void aCooperatingDepartmentSeesTheEvidenceUntilItIsRemoved() {
        Actor zzb = new Actor("zzb-liaison", "ZZB", false, false);
        fixture.given(PLANNED, ASSIGNED)
                .when(new CheckEvidenceDownload(ID, zzb))
                .expectResultMessagePayload(true);
        fixture.given(PLANNED, ASSIGNED, new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of(), "张*", "2023-06-30",
                        false, null, "demo-dept"))
                .when(new CheckEvidenceDownload(ID, zzb))
                .expectException(refused(Refusal.Kind.NOT_FOUND, "MEASURE_NOT_FOUND"));
    }
}
