package cn.zhenggai.contracts.rectification;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import org.axonframework.serialization.Revision;

/**
 * The party committee approved a requested extension: the item's deadline is now {@code deadline}.
 *
 * @param measureId        the item
 * @param department       the item's lead department
 * @param previousDeadline the deadline before (YYYY-MM-DD)
 * @param deadline         the new deadline (YYYY-MM-DD)
 * @param requestedBy      user name of whoever requested it
 * @param approvedBy       user name of the party committee member
 * @param backdating when it happened, if recorded later (ADR 0090); null when it happened as recorded
 */
@Revision("2")
public record DeadlineExtended(String measureId, String department, String previousDeadline, String deadline,
                               String requestedBy, String approvedBy,
                               Backdating backdating) implements EffectiveDated {

    /** As it happened, when it was recorded (not backdated). */
    public DeadlineExtended(String measureId, String department, String previousDeadline, String deadline,
                            String requestedBy, String approvedBy) {
        this(measureId, department, previousDeadline, deadline, requestedBy, approvedBy, null);
    }

}
