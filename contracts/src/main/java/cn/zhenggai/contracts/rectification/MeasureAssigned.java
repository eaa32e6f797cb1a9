package cn.zhenggai.contracts.rectification;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An item was assigned (or reassigned): lead department (牵头), cooperating departments (配合), owner (责任人), and
 * either a deadline or long-term (长期坚持) with a review period. Overdue supervision follows the deadline.
 *
 * <p>{@code backfilled} was added later without a new revision (a purely additive field): a stored event written
 * before it has no {@code backfilled} and reads as {@code false}.
 *
 * @param measureId              the item
 * @param department             the lead department, whose ledger now holds it
 * @param leadDepartment         the lead department (same as {@code department})
 * @param cooperatingDepartments cooperating departments, never the lead one
 * @param owner                  责任人
 * @param deadline               YYYY-MM-DD, or null when long-term
 * @param longTerm               长期坚持: no deadline, reviewed every {@code reviewPeriodMonths}
 * @param reviewPeriodMonths     the review period of a long-term item (1–12), or null
 * @param assignedBy             user name of whoever assigned it
 * @param backfilled             历史台账补录: recorded by the party committee when migrating a paper ledger, so the
 *                               deadline may already have passed (ADR 0033)
 * @param backdating when it happened, if recorded later (ADR 0090); null when it happened as recorded
 */
@Revision("2")
public record MeasureAssigned(String measureId,
                              String department,
                              String leadDepartment,
                              List<String> cooperatingDepartments,
                              String owner,
                              String deadline,
                              boolean longTerm,
                              Integer reviewPeriodMonths,
                              String assignedBy,
                              boolean backfilled,
                              Backdating backdating) implements EffectiveDated {

    /** As it happened, when it was recorded (not backdated). */
    public MeasureAssigned(String measureId, String department, String leadDepartment,
                           List<String> cooperatingDepartments, String owner, String deadline, boolean longTerm,
                           Integer reviewPeriodMonths, String assignedBy, boolean backfilled) {
        this(measureId, department, leadDepartment, cooperatingDepartments, owner, deadline, longTerm,
                reviewPeriodMonths, assignedBy, backfilled, null);
    }


    /** An ordinary assignment (not backfilled). */
    public MeasureAssigned(String measureId, String department, String leadDepartment,
                           List<String> cooperatingDepartments, String owner, String deadline, boolean longTerm,
                           Integer reviewPeriodMonths, String assignedBy) {
        this(measureId, department, leadDepartment, cooperatingDepartments, owner, deadline, longTerm,
                reviewPeriodMonths, assignedBy, false);
    }
}
