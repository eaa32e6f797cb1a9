package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

/**
 * A supervision notice (督办通知) about an item was issued. Overdue items are supervised by persistent timers that
 * escalate from the owner to the department head and then to the party committee; the party committee may also
 * issue one by hand. Every notice is an event, so it can be proven later that it was sent and when.
 *
 * @param noticeId            the notice's id (unique)
 * @param measureId           the item
 * @param department          the item's lead department
 * @param level               {@link #OWNER}, {@link #DEPT_HEAD}, {@link #PARTY_COMMITTEE}, or {@link #REVIEW} (the
 *                            periodic review reminder of a long-term item)
 * @param recipientRole       the role that receives it (a {@code contracts.security.Role} name): DEPT_HEAD, PARTY_COMMITTEE, or
 *                            DEPT_LIAISON for REVIEW; null when it goes to a named person (OWNER)
 * @param recipientDepartment the department whose holders of {@code recipientRole} receive it (the lead department),
 *                            or null for every department (PARTY_COMMITTEE)
 * @param recipient           the owner's name when {@code level} is OWNER, else null
 * @param reason              why (Chinese, shown to the recipient)
 * @param deadline            the deadline in force (YYYY-MM-DD), or null; for REVIEW the review date
 * @param daysOverdue         days past the deadline when issued (0 when not overdue)
 */
@Revision("1")
public record SupervisionNoticeIssued(String noticeId, String measureId, String department, String level,
                                      String recipientRole, String recipientDepartment, String recipient,
                                      String reason, String deadline, int daysOverdue) {

    public static final String OWNER = "OWNER";
    public static final String DEPT_HEAD = "DEPT_HEAD";
    public static final String PARTY_COMMITTEE = "PARTY_COMMITTEE";
    /** The review reminder of a long-term (长期坚持) item, to the lead department. */
    public static final String REVIEW = "REVIEW";
}
