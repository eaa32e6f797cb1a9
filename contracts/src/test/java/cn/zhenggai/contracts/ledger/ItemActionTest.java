package cn.zhenggai.contracts.ledger;

import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.zhenggai.contracts.ledger.ItemAction.ASSIGN;
import static cn.zhenggai.contracts.ledger.ItemAction.ATTACH_EVIDENCE;
import static cn.zhenggai.contracts.ledger.ItemAction.COMPLETE;
import static cn.zhenggai.contracts.ledger.ItemAction.DECIDE_EXTENSION;
import static cn.zhenggai.contracts.ledger.ItemAction.REJECT;
import static cn.zhenggai.contracts.ledger.ItemAction.REOPEN;
import static cn.zhenggai.contracts.ledger.ItemAction.REPORT_PROGRESS;
import static cn.zhenggai.contracts.ledger.ItemAction.REQUEST_EXTENSION;
import static cn.zhenggai.contracts.ledger.ItemAction.SUPERVISE;
import static cn.zhenggai.contracts.ledger.ItemAction.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

/** Given an item in a state, when a caller asks what it may do, then it gets what the aggregate would accept. */
class ItemActionTest {

    private static final ItemAction.Caller LIAISON = new ItemAction.Caller("liaison", "XZSPJ", true, false, false);
    private static final ItemAction.Caller CADRE = new ItemAction.Caller("cadre", "XZSPJ", false, false, false);
    private static final ItemAction.Caller COOPERATING = new ItemAction.Caller("zzb", "ZZB", true, false, false);
    private static final ItemAction.Caller OUTSIDER = new ItemAction.Caller("cz", "CZJ", true, false, false);
    private static final ItemAction.Caller PARTY = new ItemAction.Caller("party", "DW", false, true, true);
    private static final ItemAction.Caller ORG = new ItemAction.Caller("org", "ZZB", false, false, true);

    private static long seq;

    private static LedgerItem step(LedgerItem item, Object event) {
        seq++;
        return LedgerItems.apply(item, event, new EventMeta("e" + seq, seq, Instant.parse("2023-01-01T00:00:00Z")
                .plusSeconds(seq), null, "u"));
    }

    private static LedgerItem planned() {
        seq = -1;
        return step(null, new MeasurePlanned("m", "XZSPJ", "REPORT", "r", "rm", "XZSPJ", "a", 2022, 1, "t", "c",
                List.of(), null, null, null, null, List.of(), List.of(), List.of()));
    }

    private static LedgerItem inProgress() {
        return step(planned(), new MeasureAssigned("m", "XZSPJ", "XZSPJ", List.of("ZZB"), "王*", "2099-01-01", false,
                null, "liaison"));
    }

    @Test
    void aPlannedItemCanOnlyBeAssignedByItsLeadOrThePartyCommittee() {
        assertThat(ItemAction.allowed(planned(), LIAISON)).containsExactly(ASSIGN);
        assertThat(ItemAction.allowed(planned(), PARTY)).as("no 督办 before assignment").containsExactly(ASSIGN);
        assertThat(ItemAction.allowed(planned(), CADRE)).isEmpty();
        assertThat(ItemAction.allowed(planned(), ORG)).isEmpty();
        assertThat(ItemAction.allowed(planned(), OUTSIDER)).isEmpty();
    }

    @Test
    void anItemInProgressIsWorkedByItsDepartmentsAndSupervisedByThePartyCommittee() {
        assertThat(ItemAction.allowed(inProgress(), LIAISON))
                .containsExactly(ASSIGN, REPORT_PROGRESS, ATTACH_EVIDENCE, COMPLETE, REQUEST_EXTENSION);
        assertThat(ItemAction.allowed(inProgress(), COOPERATING)).containsExactly(REPORT_PROGRESS, ATTACH_EVIDENCE);
        assertThat(ItemAction.allowed(inProgress(), PARTY))
                .containsExactly(ASSIGN, REPORT_PROGRESS, ATTACH_EVIDENCE, COMPLETE, REQUEST_EXTENSION, SUPERVISE);
        assertThat(ItemAction.allowed(inProgress(), OUTSIDER)).isEmpty();

        LedgerItem longTerm = step(planned(), new MeasureAssigned("m", "XZSPJ", "XZSPJ", List.of(), "王*", null, true,
                6, "liaison"));
        assertThat(ItemAction.allowed(longTerm, LIAISON)).as("a long-term item has no deadline to extend")
                .doesNotContain(REQUEST_EXTENSION);
    }

    @Test
    void anExtensionWaitingIsDecidedByAnotherMemberOfThePartyCommittee() {
        LedgerItem pending = step(inProgress(), new DeadlineExtensionRequested("m", "XZSPJ", "2099-01-01",
                "2099-06-01", "理由", "liaison"));
        assertThat(ItemAction.allowed(pending, LIAISON)).doesNotContain(REQUEST_EXTENSION, DECIDE_EXTENSION);
        assertThat(ItemAction.allowed(pending, PARTY)).contains(DECIDE_EXTENSION);
        ItemAction.Caller requester = new ItemAction.Caller("liaison", "DW", false, true, true);
        assertThat(ItemAction.allowed(pending, requester)).doesNotContain(DECIDE_EXTENSION);
    }

    @Test
    void aCompletedItemIsVerifiedOrRejectedByAnotherThanWhoCompletedItAndAVerifiedOneReopened() {
        LedgerItem completed = step(inProgress(), new MeasureCompleted("m", "XZSPJ", "完成", "liaison", null, false));
        assertThat(ItemAction.allowed(completed, LIAISON)).isEmpty();
        assertThat(ItemAction.allowed(completed, PARTY)).containsExactly(VERIFY, REJECT);
        assertThat(ItemAction.allowed(completed, new ItemAction.Caller("liaison", "DW", false, true, true)))
                .isEmpty();

        LedgerItem verified = step(completed, new MeasureVerified("m", "XZSPJ", "party", null));
        assertThat(ItemAction.allowed(verified, PARTY)).containsExactly(REOPEN);
        assertThat(ItemAction.allowed(verified, LIAISON)).isEmpty();
        assertThat(ItemAction.allowed(null, PARTY)).isEmpty();
    }
}
