package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The areas checked without finding a problem (…等方面未发现存在问题). Each declaration replaces the previous one.
 *
 * @param reportId   the report
 * @param department code of the report's department
 * @param areas      the area names, in order
 */
@Revision("1")
public record CleanAreasDeclared(String reportId, String department, List<String> areas) {
}
