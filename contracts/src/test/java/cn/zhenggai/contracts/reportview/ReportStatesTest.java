package cn.zhenggai.contracts.reportview;

import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.CleanAreasDeclared;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingConvened;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.PersonalMattersRead;
import cn.zhenggai.contracts.report.PersonalMattersShredded;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDelegationGranted;
import cn.zhenggai.contracts.report.ReportDelegationRevoked;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a report's events, when folded, then the state is what the report's views show. */
class ReportStatesTest {

    private static final String ID = "rpt-1";
    private static final String DEPT = "XZSPJ";
    private static final Instant T0 = Instant.parse("2023-01-10T02:00:00Z");

    private static EventMeta meta(long sequence) {
        return new EventMeta("e-" + sequence, sequence, T0.plusSeconds(sequence * 60), null, "demo-cadre");
    }

    private static ReportDrafted drafted() {
        return new ReportDrafted(ID, "2022年度民主生活会个人发言提纲", 2022, "demo-cadre", DEPT);
    }

    private static ProblemIdentified problem(String id, int ordinal) {
        return new ProblemIdentified(ID, id, DEPT, "理论学习方面", ordinal, "学习不系统", "比如只读不思");
    }

    private static MeasureProposed measure(String id) {
        return new MeasureProposed(ID, id, DEPT, 1, "强化理论武装", "每月集中学习",
                List.of(new MeasureProposed.Action("制定计划", "2023-03-31", "3月底前")), "2023-06-30", "2023年6月底前",
                "张三", DEPT, List.of("CZJ"), List.of("rc-1"));
    }

    private static ReportState given(Object... events) {
        ReportState state = null;
        for (int i = 0; i < events.length; i++) {
            state = ReportStates.apply(state, events[i], meta(i));
        }
        return state;
    }

    @Test
    void aDraftedReportIsADraftOfItsAuthorWithNothingInIt() {
        ReportState state = given(drafted());

        assertThat(state.reportId()).isEqualTo(ID);
        assertThat(state.title()).isEqualTo("2022年度民主生活会个人发言提纲");
        assertThat(state.year()).isEqualTo(2022);
        assertThat(state.author()).isEqualTo("demo-cadre");
        assertThat(state.department()).isEqualTo(DEPT);
        assertThat(state.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(state.round()).isZero();
        assertThat(state.rounds()).isEmpty();
        assertThat(state.problems()).isEmpty();
        assertThat(state.returnReasons()).isNull();
        assertThat(state.personalMattersDeclared()).isFalse();
        assertThat(state.draftedAt()).isEqualTo(T0);
        assertThat(state.updatedAt()).isEqualTo(T0);
        assertThat(state.events()).isEqualTo(1);
        assertThat(state.lastSequence()).isZero();
        assertThat(state.lastEvent().type()).isEqualTo("ReportDrafted");
        assertThat(state.changedBy()).containsKeys("title", "year", "author", "department", "status")
                .doesNotContainKeys("meetingId", "round", "problems");
    }

    @Test
    void anEventBeforeTheDraftingOrOfAnotherKindMakesNoReport() {
        assertThat(ReportStates.apply(null, problem("p-1", 1), meta(1))).isNull();
        ReportState state = given(drafted());
        MeetingConvened meeting = new MeetingConvened("mtg-1", "党组", DEPT, 2022, "ANNUAL", "会", null, List.of());
        assertThat(ReportStates.apply(state, meeting, meta(1))).isSameAs(state);
        assertThat(ReportStates.apply(state, new PersonalMattersShredded("demo-cadre", "ZZB", "org", 1), meta(1)))
                .isSameAs(state);
        assertThat(ReportStates.apply(state, drafted(), meta(1))).isSameAs(state);
    }

    @Test
    void theMeetingReferencedIsKept() {
        ReportState state = given(drafted(), new MeetingReferenced(ID, DEPT, "mtg-1", "*发〔2022〕12号"));
        assertThat(state.meetingId()).isEqualTo("mtg-1");
        assertThat(state.notice()).isEqualTo("*发〔2022〕12号");
        assertThat(state.changedBy().get("notice").sequence()).isEqualTo(1);
    }

    @Test
    void problemsAreIdentifiedRevisedInPlaceAndWithdrawnWithTheirReason() {
        ReportState state = given(drafted(), problem("p-1", 1), problem("p-2", 2),
                new ProblemRevised(ID, "p-1", DEPT, "理论学习方面", 1, "学习不深入", null),
                new ProblemWithdrawn(ID, "p-2", DEPT, "重复"));

        assertThat(state.problems()).containsExactly(
                new ReportState.Problem("p-1", "理论学习方面", 1, "学习不深入", null, true));
        assertThat(state.withdrawnProblems()).containsExactly(new ReportState.WithdrawnProblem(
                new ReportState.Problem("p-2", "理论学习方面", 2, "学习不系统", "比如只读不思", false), "重复"));
        assertThat(state.problemIds()).containsExactly("p-1");
        assertThat(state.changedBy().get("problems").sequence()).isEqualTo(4);
        assertThat(state.changedBy().get("problemIds").sequence()).isEqualTo(4);
    }

    @Test
    void aRewordedProblemChangesTheProblemsButNotTheListedOnes() {
        ReportState state = given(drafted(), problem("p-1", 1),
                new ProblemRevised(ID, "p-1", DEPT, "理论学习方面", 1, "学习不深入", null));
        assertThat(state.changedBy().get("problems").sequence()).isEqualTo(2);
        assertThat(state.changedBy().get("problemIds").sequence()).isEqualTo(1);
        assertThat(state.lastChangeOf(ReportStates.LISTED)).isEqualTo(meta(1).effectiveAt());
        assertThat(state.updatedAt()).isEqualTo(meta(2).effectiveAt());
    }

    @Test
    void withdrawingAProblemThatIsNotLiveKeepsTheProblemsAsTheyAre() {
        ReportState state = given(drafted(), problem("p-1", 1), new ProblemWithdrawn(ID, "p-9", DEPT, null));
        assertThat(state.problemIds()).containsExactly("p-1");
        assertThat(state.withdrawnProblems()).isEmpty();
        assertThat(state.events()).isEqualTo(3);
    }

    @Test
    void rootCausesAndMeasuresAreReplacedByIdKeepingTheirPlace() {
        ReportState state = given(drafted(), problem("p-1", 1),
                new RootCauseAnalyzed(ID, "rc-1", DEPT, 1, "学习意识不强", "", List.of()),
                new RootCauseAnalyzed(ID, "rc-2", DEPT, 2, "宗旨意识淡化", "分析", List.of("p-1")),
                new RootCauseAnalyzed(ID, "rc-1", DEPT, 1, "学习意识还不够强", "分析一", List.of("p-1")),
                measure("m-1"), measure("m-2"));

        assertThat(state.rootCauses()).extracting(ReportState.RootCause::rootCauseId).containsExactly("rc-1", "rc-2");
        assertThat(state.rootCauses().get(0)).isEqualTo(
                new ReportState.RootCause("rc-1", 1, "学习意识还不够强", "分析一", List.of("p-1")));
        assertThat(state.measures()).extracting(ReportState.ProposedMeasure::measureId).containsExactly("m-1", "m-2");
        ReportState.ProposedMeasure m = state.measures().get(0);
        assertThat(m.actions()).containsExactly(new MeasureProposed.Action("制定计划", "2023-03-31", "3月底前"));
        assertThat(m.deadline()).isEqualTo("2023-06-30");
        assertThat(m.deadlineText()).isEqualTo("2023年6月底前");
        assertThat(m.owner()).isEqualTo("张三");
        assertThat(m.leadDepartment()).isEqualTo(DEPT);
        assertThat(m.cooperatingDepartments()).containsExactly("CZJ");
        assertThat(m.rootCauseIds()).containsExactly("rc-1");
    }

    @Test
    void cleanAreasAndCarryOverAreReplacedByEachStatement() {
        CarryOverStated.Group group = new CarryOverStated.Group("针对学习方面查摆出的1个突出问题", "学习", List.of("一是…"));
        ReportState state = given(drafted(), new CleanAreasDeclared(ID, DEPT, List.of("廉洁自律", "作风建设")),
                new CleanAreasDeclared(ID, DEPT, List.of("廉洁自律")),
                new CarryOverStated(ID, DEPT, List.of(group)));
        assertThat(state.cleanAreas()).containsExactly("廉洁自律");
        assertThat(state.carryOver()).containsExactly(group);
    }

    @Test
    void personalMattersAreOnlyFlaggedNeverCarried() {
        PersonalMattersDeclared sealed = new PersonalMattersDeclared(ID, DEPT, "demo-cadre", 2, "AES-256-GCM",
                "bm9uY2U=", "c2VjcmV0");
        ReportState state = given(drafted(), sealed, sealed,
                new PersonalMattersRead(ID, DEPT, "demo-cadre", "org-1", "ORG_DEPT", "VIEW"));

        assertThat(state.personalMattersDeclared()).isTrue();
        assertThat(state.personalMatters()).isEqualTo(
                new ReportState.PersonalMatters("demo-cadre", 2, 2, meta(2).effectiveAt()));
        assertThat(state.personalMattersReads()).isEqualTo(1);
        assertThat(state.personalMattersLastReadAt()).isEqualTo(meta(3).effectiveAt());
        assertThat(state.changedBy().get("personalMatters").sequence()).isEqualTo(2);
        String json = EnvelopeCodec.toTree(state).toString();
        assertThat(json).doesNotContain("c2VjcmV0").doesNotContain("bm9uY2U=");
    }

    @Test
    void delegatesAreKeptOnceInTheOrderGrantedUntilRevoked() {
        ReportState state = given(drafted(), new ReportDelegationGranted(ID, DEPT, "demo-cadre", "liaison-1"),
                new ReportDelegationGranted(ID, DEPT, "demo-cadre", "liaison-2"),
                new ReportDelegationGranted(ID, DEPT, "demo-cadre", "liaison-1"),
                new ReportDelegationRevoked(ID, DEPT, "demo-cadre", "liaison-2"));
        assertThat(state.delegates()).containsExactly("liaison-1");
    }

    @Test
    void submissionRoundsRememberWhoSubmittedReturnedAndAcceptedAndWhy() {
        ReportState state = given(drafted(), problem("p-1", 1), measure("m-1"),
                new ReportSubmitted(ID, DEPT, "demo-cadre", 1),
                new ReportReturned(ID, DEPT, "org-1", 1, List.of("不够具体")));
        assertThat(state.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(state.returnReasons()).containsExactly("不够具体");
        assertThat(state.status().editable()).isTrue();

        state = ReportStates.apply(state, new ReportSubmitted(ID, DEPT, "liaison-1", 2), meta(5));
        assertThat(state.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(state.round()).isEqualTo(2);
        assertThat(state.returnReasons()).containsExactly("不够具体");
        state = ReportStates.apply(state, new ReportAccepted(ID, DEPT, "demo-cadre", 2022, null, "org-2", 2,
                List.of(), List.of()), meta(6));

        assertThat(state.status()).isEqualTo(ReportStatus.ACCEPTED);
        assertThat(state.status().editable()).isFalse();
        assertThat(state.rounds()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("problems", "measures")
                .containsExactly(
                new ReportState.Round(1, "demo-cadre", meta(3).effectiveAt(), RoundOutcome.RETURNED, "org-1",
                        meta(4).effectiveAt(), List.of("不够具体")),
                new ReportState.Round(2, "liaison-1", meta(5).effectiveAt(), RoundOutcome.ACCEPTED, "org-2",
                        meta(6).effectiveAt(), List.of()));
        assertThat(state.acceptance().decidedBy()).isEqualTo("org-2");
        assertThat(state.returnReasons()).containsExactly("不够具体");
        assertThat(state.changedBy().get("status").type()).isEqualTo("ReportAccepted");
        assertThat(state.changedBy().get("round").sequence()).isEqualTo(5);
    }

    @Test
    void aRedeliveryOfAnOlderSequenceChangesNothing() {
        ReportState state = given(drafted(), problem("p-1", 1), problem("p-2", 2),
                new ProblemWithdrawn(ID, "p-1", DEPT, null), new ReportSubmitted(ID, DEPT, "demo-cadre", 1));
        assertThat(ReportStates.apply(state, problem("p-1", 1), meta(1))).isSameAs(state);
        assertThat(ReportStates.apply(state, new ReportSubmitted(ID, DEPT, "x", 9), meta(4))).isSameAs(state);
        assertThat(ReportStates.apply(state, new ReportReturned(ID, DEPT, "org", 1, List.of("x")), meta(2)))
                .isSameAs(state);
    }

    @Test
    void theFoldOrdersBySequenceAndDropsDuplicates() {
        List<ReportStates.Step> steps = new ArrayList<>();
        Object[] events = {drafted(), problem("p-1", 1), new ProblemWithdrawn(ID, "p-1", DEPT, null),
                problem("p-2", 2)};
        for (int i = events.length - 1; i >= 0; i--) {
            steps.add(new ReportStates.Step(events[i], meta(i)));
        }
        steps.add(new ReportStates.Step(problem("p-1", 1), meta(1)));
        assertThat(ReportStates.fold(steps)).isEqualTo(given(events));
        assertThat(ReportStates.fold(steps).problemIds()).containsExactly("p-2");
    }

    @Test
    void everyReportEventOfTheAggregateIsApplied() {
        Set<String> reportEvents = StreamSupport.stream(EventTypes.all().spliterator(), false)
                .filter(ReportStates::isReportEvent).map(Class::getSimpleName).collect(Collectors.toSet());
        assertThat(reportEvents).containsExactlyInAnyOrder("ReportDrafted", "MeetingReferenced", "CarryOverStated",
                "ProblemIdentified", "ProblemRevised", "ProblemWithdrawn", "CleanAreasDeclared", "RootCauseAnalyzed",
                "MeasureProposed", "PersonalMattersDeclared", "PersonalMattersRead", "ReportDelegationGranted",
                "ReportDelegationRevoked", "ReportSubmitted", "ReportReturned", "ReportAccepted",
                "ReportSubmissionWithdrawn");
        assertThat(ReportStates.isReportEvent("MeetingConvened")).isFalse();
        assertThat(ReportStates.isReportEvent("PersonalMattersShredded")).isFalse();
        assertThat(ReportStates.reportIdOf(new ReportSubmitted(ID, DEPT, "u", 1))).contains(ID);
        assertThat(ReportStates.reportIdOf(new PersonalMattersShredded("u", DEPT, "o", 1))).isEmpty();
    }

    @Test
    void theStateReadsBackFromItsJsonUnchanged() throws Exception {
        ReportState state = given(drafted(), new MeetingReferenced(ID, DEPT, null, "通知"), problem("p-1", 1),
                new RootCauseAnalyzed(ID, "rc-1", DEPT, 1, "根源", "", List.of("p-1")), measure("m-1"),
                new PersonalMattersDeclared(ID, DEPT, "demo-cadre", 1, "AES-256-GCM", "n", "c"),
                new ReportSubmitted(ID, DEPT, "demo-cadre", 1), new ReportReturned(ID, DEPT, "o", 1, List.of("r")));
        String json = EnvelopeCodec.mapper().writeValueAsString(state);
        assertThat(EnvelopeCodec.mapper().readValue(json, ReportState.class)).isEqualTo(state);
        // the derived readings are not stored beside the fields they are derived from
        assertThat(json).doesNotContain("\"latestRound\"").doesNotContain("\"personalMattersDeclared\"");
    }
}
