package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * How last meeting's measures were implemented (整改措施落实情况), grouped by last meeting's themes. Each
 * statement replaces the previous one.
 *
 * @param reportId   the report
 * @param department code of the report's department
 * @param groups     the groups, in order
 */
@Revision("1")
public record CarryOverStated(String reportId, String department, List<Group> groups) {

    /**
     * @param heading the group heading as written, e.g. 针对…方面查摆出的3个突出问题
     * @param theme   last meeting's theme the group reports on, or null
     * @param items   one entry per item (一是…, 二是…)
     */
    public record Group(String heading, String theme, List<String> items) {
    }
}
