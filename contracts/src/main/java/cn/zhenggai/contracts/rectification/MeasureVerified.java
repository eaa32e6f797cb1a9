package cn.zhenggai.contracts.rectification;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import org.axonframework.serialization.Revision;

/**
 * The party committee verified a completed item and closed it (销号).
 *
 * @param measureId  the item
 * @param department the item's lead department
 * @param verifiedBy user name of the verifier (never whoever completed it)
 * @param opinion    the verification opinion, or null
 * @param backdating when it happened, if recorded later (ADR 0090); null when it happened as recorded
 */
@Revision("2")
public record MeasureVerified(String measureId, String department, String verifiedBy, String opinion,
                              Backdating backdating) implements EffectiveDated {

    /** As it happened, when it was recorded (not backdated). */
    public MeasureVerified(String measureId, String department, String verifiedBy, String opinion) {
        this(measureId, department, verifiedBy, opinion, null);
    }

}
