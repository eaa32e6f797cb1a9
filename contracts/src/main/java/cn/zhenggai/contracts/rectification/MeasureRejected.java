package cn.zhenggai.contracts.rectification;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The party committee rejected a completion (验收不通过), with reasons; MeasureReopened follows.
 *
 * @param measureId  the item
 * @param department the item's lead department
 * @param rejectedBy user name of the party committee member
 * @param reasons    what is still missing, at least one
 * @param backdating when it happened, if recorded later (ADR 0090); null when it happened as recorded
 */
@Revision("2")
public record MeasureRejected(String measureId, String department, String rejectedBy, List<String> reasons,
                              Backdating backdating) implements EffectiveDated {

    /** As it happened, when it was recorded (not backdated). */
    public MeasureRejected(String measureId, String department, String rejectedBy, List<String> reasons) {
        this(measureId, department, rejectedBy, reasons, null);
    }

}
