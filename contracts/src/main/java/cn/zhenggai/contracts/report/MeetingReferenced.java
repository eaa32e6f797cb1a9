package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * A report names the meeting it is written for: by id when the meeting is known to the platform, and by the
 * convening notice it cites (根据《…通知》（*发〔2022〕12号）).
 *
 * @param reportId   the report
 * @param department code of the report's department
 * @param meetingId  the meeting's id, or null when only the notice is known (e.g. an imported outline)
 * @param notice     the notice reference as cited, or null
 */
@Revision("1")
public record MeetingReferenced(String reportId, String department, String meetingId, String notice) {
}
