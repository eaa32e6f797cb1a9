package cn.zhenggai.report.exporting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.outline.PersonalMatters;
import cn.zhenggai.platform.download.Downloads;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.report.confidential.PersonalMattersAccess;
import cn.zhenggai.report.viewing.ReportHistory;
import cn.zhenggai.report.viewing.ReportView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/{id}/export.docx}: the report as a Word document. Personal matters are included only
 * with {@code ?personalMatters=true}, for those who may read them, and that read is recorded.
 */
@RestController
class ExportController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ReportHistory history;
    private final PersonalMattersAccess personalMatters;

    ExportController(ReportHistory history, PersonalMattersAccess personalMatters) {
        this.history = history;
        this.personalMatters = personalMatters;
    }

    @GetMapping("/api/reports/{reportId}/export.docx")
    @ErrorCodes(badRequest = "MALFORMED_REQUEST", forbidden = {"FORBIDDEN_DEPARTMENT", "PERSONAL_MATTERS_FORBIDDEN"},
            notFound = "REPORT_NOT_FOUND", conflict = "CONCURRENT_MODIFICATION", gone = "PERSONAL_MATTERS_SHREDDED")
    ResponseEntity<byte[]> export(@PathVariable String reportId,
                                  @RequestParam(name = "personalMatters", defaultValue = "false") boolean include,
                                  Caller caller) {
        ReportView report = history.load(reportId);
        if (!caller.canSee(report.department)) {
            throw Refusal.forbidden("FORBIDDEN_DEPARTMENT", "不能查看其他部门的报告");
        }
        PersonalMatters matters = include && report.personalMattersDeclared
                ? personalMatters.read(reportId, caller, "EXPORT").declaration() : null;
        byte[] docx = DocxExporter.export(report, matters);
        return Downloads.file(DocxExporter.fileName(report.title), DOCX, docx);
    }
}
