package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * rectification-service prepared the draft of a report's carry-over section (上年度整改措施落实情况) from the events of
 * the cadre's items of an earlier meeting: grouped as that meeting's report grouped its problems (by theme), with
 * what was done and when, the evidence, and each unfinished item marked 正在整改 or 长期坚持. report-service applies
 * it to the draft as its carry-over unless the cadre has already stated one.
 *
 * @param reportId     the new report (draft) it is meant for
 * @param department   code of the new report's department
 * @param author       the cadre
 * @param year         the new report's meeting year
 * @param previousYear the year of the meeting whose items it reports on
 * @param groups       the groups, in the order of the earlier report's themes
 * @param measureIds   the items it reports on
 */
@Revision("1")
public record CarryOverPrepared(String reportId, String department, String author, Integer year,
                                Integer previousYear, List<Group> groups, List<String> measureIds) {

    /**
     * @param heading e.g. 针对带头深刻领悟“两个确立”的决定性意义方面查摆出的3个突出问题
     * @param theme   the earlier meeting's theme, or null for items answering no identified problem
     * @param items   one entry per item (一是…, 二是… when written out)
     */
    public record Group(String heading, String theme, List<String> items) {
    }
}
