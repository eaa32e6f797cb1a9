package cn.zhenggai.contracts.rectification;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import org.axonframework.serialization.Revision;

/**
 * An item's deadline passed before it was completed (逾期). Raised by a persistent timer, so it is recorded even
 * when nobody looks at the ledger that day.
 *
 * @param measureId  the item
 * @param department the item's lead department
 * @param deadline   the deadline that passed (YYYY-MM-DD)
 * @param owner      the owner at that time, or null
 * @param backdating when it happened, if recorded later (ADR 0090); null when it happened as recorded
 */
@Revision("2")
public record MeasureOverdue(String measureId, String department, String deadline, String owner,
                             Backdating backdating) implements EffectiveDated {

    /** As it happened, when it was recorded (not backdated). */
    public MeasureOverdue(String measureId, String department, String deadline, String owner) {
        this(measureId, department, deadline, owner, null);
    }

}
