package cn.zhenggai.contracts.rectification;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import org.axonframework.serialization.Revision;

/**
 * An item's warning colour changed (红黄绿灯): {@code YELLOW} a configurable number of days before its deadline,
 * {@code RED} once the deadline has passed, {@code GREEN} again when the deadline moved (extension, reassignment)
 * or the item was completed. Raised by persistent timers. An item is GREEN until its first change (no event).
 *
 * @param measureId      the item
 * @param department     the item's lead department
 * @param colour         {@link #GREEN}, {@link #YELLOW} or {@link #RED}
 * @param previousColour the colour before (GREEN for the first change)
 * @param deadline       the deadline in force (YYYY-MM-DD), or null
 * @param owner          the owner (责任人) at that time, or null
 * @param backdating     when the colour fell due, if recorded later — a step entered late whose warning time had
 *                       already passed (ADR 0090); null when it changed as recorded
 */
@Revision("2")
public record MeasureColourChanged(String measureId, String department, String colour, String previousColour,
                                   String deadline, String owner, Backdating backdating) implements EffectiveDated {

    /** As it happened, when it was recorded (not backdated). */
    public MeasureColourChanged(String measureId, String department, String colour, String previousColour,
                                String deadline, String owner) {
        this(measureId, department, colour, previousColour, deadline, owner, null);
    }

    public static final String GREEN = "GREEN";
    public static final String YELLOW = "YELLOW";
    public static final String RED = "RED";
}
