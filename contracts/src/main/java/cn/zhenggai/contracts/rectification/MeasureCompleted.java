package cn.zhenggai.contracts.rectification;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import org.axonframework.serialization.Revision;

/**
 * The lead department declared an item complete (整改完成); it awaits verification by the party committee.
 *
 * @param measureId   the item
 * @param department  the item's lead department
 * @param summary     what was achieved
 * @param completedBy user name of whoever completed it (who may not verify it)
 * @param deadline    the deadline in force (YYYY-MM-DD), or null
 * @param late        whether it was completed after an overdue notice
 * @param backdating when it happened, if recorded later (ADR 0090); null when it happened as recorded
 */
@Revision("2")
public record MeasureCompleted(String measureId, String department, String summary, String completedBy,
                               String deadline, boolean late,
                               Backdating backdating) implements EffectiveDated {

    /** As it happened, when it was recorded (not backdated). */
    public MeasureCompleted(String measureId, String department, String summary, String completedBy, String deadline,
                            boolean late) {
        this(measureId, department, summary, completedBy, deadline, late, null);
    }

}
