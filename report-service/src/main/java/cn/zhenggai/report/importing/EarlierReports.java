package cn.zhenggai.report.importing;

import java.util.Optional;

/**
 * What report-service itself knows of a cadre's earlier reports: the one the carry-over of a new outline reports on
 * (ADR 0089). The source is report-service's own report list read model; no other service is asked.
 */
interface EarlierReports {

    /** The cadre's latest report accepted by the organization department for a meeting year before {@code year}. */
    Optional<Accepted> latestAcceptedBefore(String author, int year);

    /**
     * @param reportId the accepted report
     * @param year     its meeting year
     * @param problems the problems it identified (withdrawn ones not counted)
     */
    record Accepted(String reportId, int year, int problems) {
    }
}
