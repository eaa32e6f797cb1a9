package cn.zhenggai.contracts.rectification;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import org.axonframework.serialization.Revision;

/**
 * An item is open again for rectification: after a rejected completion, or a verified item reopened by the
 * party committee.
 *
 * @param measureId  the item
 * @param department the item's lead department
 * @param reopenedBy user name of whoever reopened it
 * @param reason     why (the rejection, or the reopening's reason)
 * @param backdating when it happened, if recorded later (ADR 0090); null when it happened as recorded
 */
@Revision("2")
public record MeasureReopened(String measureId, String department, String reopenedBy, String reason,
                              Backdating backdating) implements EffectiveDated {

    /** As it happened, when it was recorded (not backdated). */
    public MeasureReopened(String measureId, String department, String reopenedBy, String reason) {
        this(measureId, department, reopenedBy, reason, null);
    }

}
