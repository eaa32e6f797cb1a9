package cn.zhenggai.contracts.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organization department returned a submitted report for rework; it can be edited and resubmitted.
 *
 * @param reportId        the report
 * @param department      code of the report's department
 * @param returnedBy      user name of the reviewer
 * @param round           the submission round that was returned
 * @param reasons         what must be reworked, at least one
 * @param problemComments the reviewer's comment on single problems, by problem id (empty when none; an event
 *                        recorded before the comments were kept has none; left out of the wire form when empty,
 *                        so a return without comments is written as it always was)
 */
@Revision("1")
public record ReportReturned(String reportId, String department, String returnedBy, int round, List<String> reasons,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> problemComments) {

    public ReportReturned {
        problemComments = problemComments == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(problemComments));
    }

    /** A return without comments on single problems. */
    public ReportReturned(String reportId, String department, String returnedBy, int round, List<String> reasons) {
        this(reportId, department, returnedBy, round, reasons, Map.of());
    }
}
