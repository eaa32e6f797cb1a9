package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An item was assigned (or reassigned): lead department (牵头), cooperating departments (配合), owner (责任人), and
 * either a deadline or long-term (长期坚持) with a review period. Overdue supervision follows the deadline.
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
 */
@Revision("1")
public record MeasureAssigned(String measureId,
                              String department,
                              String leadDepartment,
                              List<String> cooperatingDepartments,
                              String owner,
                              String deadline,
                              boolean longTerm,
                              Integer reviewPeriodMonths,
                              String assignedBy) {
}
