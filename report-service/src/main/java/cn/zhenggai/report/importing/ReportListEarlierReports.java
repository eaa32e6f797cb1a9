package cn.zhenggai.report.importing;

import cn.zhenggai.report.viewing.ReportListProjection;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** {@link EarlierReports} from report-service's own report list read model (ADR 0089). */
@Component
class ReportListEarlierReports implements EarlierReports {

    private final ReportListProjection reports;

    ReportListEarlierReports(ReportListProjection reports) {
        this.reports = reports;
    }

    @Override
    public Optional<Accepted> latestAcceptedBefore(String author, int year) {
        Document found = reports.latestAcceptedBefore(author, year);
        if (found == null || found.getInteger("year") == null) {
            return Optional.empty();
        }
        Number problems = found.get("problems", Number.class);
        return Optional.of(new Accepted(found.getString("_id"), found.getInteger("year"),
                problems == null ? 0 : problems.intValue()));
    }
}
