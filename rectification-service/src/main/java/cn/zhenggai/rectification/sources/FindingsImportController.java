package cn.zhenggai.rectification.sources;

import cn.zhenggai.contracts.rectification.FindingOutcome;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code POST /api/rectification/findings/import} (multipart part {@code file}, a .xlsx or .csv of 巡察/审计 findings),
 * by the party committee or the organization department. {@code ?dryRun=true} previews what each row would do and
 * its errors; without it a sheet with any error is refused whole (400 {@code INVALID_SHEET} with row-numbered
 * {@code errors}) and nothing is created.
 */
@RestController
class FindingsImportController {

    private final FindingsImport findings;

    FindingsImportController(FindingsImport findings) {
        this.findings = findings;
    }

    /** What the import answers: a preview (dry run), a refused sheet (400) or what was imported. */
    sealed interface Answer permits Preview, Refused, Imported {
    }

    /** {@code ?dryRun=true}: whether the sheet is clean, what each row would do, the errors. */
    record Preview(boolean valid, List<FindingsImport.Row> rows, List<FindingsImport.RowError> errors)
            implements Answer {
    }

    /** 400 {@code INVALID_SHEET}: nothing was imported. */
    record Refused(String code, String message, List<FindingsImport.RowError> errors) implements Answer {
    }

    /** What was imported: how many rows planned an item, linked a source, changed nothing; each row's outcome. */
    record Imported(long planned, long linked, long unchanged, List<FindingsImport.Outcome> rows) implements Answer {
    }

    @ErrorCodes(badRequest = {"MISSING_FILE", "INVALID_SHEET", "UNREADABLE_SHEET", "TOO_MANY_ROWS", "MALFORMED_UPLOAD",
            "MALFORMED_REQUEST"}, forbidden = "FORBIDDEN_ROLE", conflict = "CONCURRENT_MODIFICATION",
            tooLarge = "FILE_TOO_LARGE", unsupportedType = {"UNSUPPORTED_SHEET", "UNSUPPORTED_MEDIA_TYPE"})
    @PostMapping(value = "/api/rectification/findings/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Answer> importFindings(@RequestParam(value = "file", required = false) MultipartFile file,
                                          @RequestParam(defaultValue = "false") boolean dryRun, Caller caller) {
        if (!caller.hasAnyRole(Role.PARTY_COMMITTEE, Role.ORG_DEPT)) {
            throw Refusal.forbidden("FORBIDDEN_ROLE", "只有党委或组织部可以导入巡察、审计发现的问题");
        }
        if (file == null || file.isEmpty()) {
            throw Refusal.invalid("MISSING_FILE", "请选择要导入的 .xlsx 或 .csv 文件（表单字段 file）");
        }
        List<List<String>> sheet;
        try {
            sheet = SheetReader.read(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FindingsImport.Checked checked = findings.check(sheet);
        if (dryRun) {
            return ResponseEntity.ok(new Preview(checked.errors().isEmpty(), checked.rows(), checked.errors()));
        }
        if (!checked.errors().isEmpty()) {
            return ResponseEntity.badRequest().body(new Refused("INVALID_SHEET", "导入文件有" + checked.errors().size()
                    + "处错误，未导入任何事项：" + checked.errors().get(0).message()
                    + (checked.errors().size() > 1 ? "等" : ""), checked.errors()));
        }
        List<FindingsImport.Outcome> outcomes = findings.apply(checked.rows(), caller.username(),
                caller.department());
        return ResponseEntity.ok(new Imported(count(outcomes, FindingOutcome.PLANNED),
                count(outcomes, FindingOutcome.LINKED), count(outcomes, FindingOutcome.UNCHANGED), outcomes));
    }

    private static long count(List<FindingsImport.Outcome> outcomes, FindingOutcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}
