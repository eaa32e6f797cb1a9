package cn.zhenggai.rectification.sources;

import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    @PostMapping(value = "/api/rectification/findings/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> importFindings(@RequestParam(value = "file", required = false)
                                                       MultipartFile file,
                                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                                       Caller caller) {
        if (!caller.hasAnyRole(Role.PARTY_COMMITTEE, Role.ORG_DEPT)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委或组织部可以导入巡察、审计发现的问题");
        }
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("MISSING_FILE", "请选择要导入的 .xlsx 或 .csv 文件（表单字段 file）");
        }
        List<List<String>> sheet;
        try {
            sheet = SheetReader.read(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FindingsImport.Checked checked = findings.check(sheet);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (dryRun) {
            answer.put("valid", checked.errors().isEmpty());
            answer.put("rows", checked.rows());
            answer.put("errors", checked.errors());
            return ResponseEntity.ok(answer);
        }
        if (!checked.errors().isEmpty()) {
            answer.put("code", "INVALID_SHEET");
            answer.put("message", "导入文件有" + checked.errors().size() + "处错误，未导入任何事项："
                    + checked.errors().get(0).message() + (checked.errors().size() > 1 ? "等" : ""));
            answer.put("errors", checked.errors());
            return ResponseEntity.badRequest().body(answer);
        }
        List<Map<String, Object>> outcomes = findings.apply(checked.rows(), caller.username(), caller.department());
        answer.put("planned", outcomes.stream().filter(o -> "PLANNED".equals(o.get("outcome"))).count());
        answer.put("linked", outcomes.stream().filter(o -> "LINKED".equals(o.get("outcome"))).count());
        answer.put("unchanged", outcomes.stream().filter(o -> "UNCHANGED".equals(o.get("outcome"))).count());
        answer.put("rows", outcomes);
        return ResponseEntity.ok(answer);
    }
}
