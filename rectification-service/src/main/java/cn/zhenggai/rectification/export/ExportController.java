package cn.zhenggai.rectification.export;

import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.download.Downloads;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.rectification.DepartmentDirectory;
import cn.zhenggai.rectification.ledger.Ledger;
import cn.zhenggai.rectification.ledger.LedgerController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/ledger/export.xlsx?department=}: the ledger as an Excel sheet in the usual 整改台账 columns. Same
 * scope as the ledger: department staff their own department; cross-department roles any, or all without
 * {@code department}.
 */
@RestController
class ExportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Ledger ledger;
    private final DepartmentDirectory departments;

    ExportController(Ledger ledger, DepartmentDirectory departments) {
        this.ledger = ledger;
        this.departments = departments;
    }

    @ErrorCodes(forbidden = "FORBIDDEN_DEPARTMENT", notFound = "UNKNOWN_DEPARTMENT")
    @GetMapping("/api/ledger/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String department, Caller caller)
            throws IOException {
        Ledger.Scope scope = LedgerController.listScope(department, caller, departments);
        List<LedgerRow> rows = scope.department() == null ? ledger.all(scope) : ledger.rows(scope.department());
        String name = scope.department() == null ? "全部单位" : departments.nameOf(scope.department());
        String title = name + "整改台账（截至" + ledger.today() + "）";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerWorkbook.write(title, rows, departments::nameOf,
                owner -> departments.user(owner).map(DepartmentDirectory.User::displayName).filter(n -> !n.isBlank())
                        .orElse(owner), out);
        String fileName = name + "整改台账-" + ledger.today() + ".xlsx";
        return Downloads.file(fileName, XLSX, out.toByteArray());
    }
}
