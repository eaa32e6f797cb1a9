package cn.zhenggai.rectification.sources;

import cn.zhenggai.contracts.rectification.MigrationOutcome;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.rectification.web.Callers;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code POST /api/rectification/history/import} (multipart part {@code file}, a .xlsx or .csv historical ledger, one
 * row per item), by the party committee only (ADR 0093). {@code ?dryRun=true} previews each row's item, its state
 * today and its errors and records nothing; without it a sheet with any error is refused whole (400
 * {@code INVALID_SHEET} with row-numbered {@code errors}). The answer gives {@code counts} (rows, new, existing,
 * events), {@code items} and {@code errors}; every migrated event names the file and its SHA-256.
 */
@RestController
class HistoryImportController {

    /**
     * A historical ledger larger than this is refused (2,000 rows, the most one sheet may have, fit well); the
     * edge's body limit for this endpoint (BodyLimits) is a little above, for the multipart framing.
     */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final HistoryImport history;

    HistoryImportController(HistoryImport history) {
        this.history = history;
    }

    /** What the import answers: the sheet checked (a dry run, or a refused sheet) or what was migrated. */
    sealed interface Answer permits Checked, Migrated {
    }

    /** Rows, items created, items already there, events recorded ({@code new} is a Java word, hence the name). */
    record Counts(long rows, @JsonProperty("new") long created, long existing, long events) {
    }

    /**
     * The sheet checked: a dry run (200), or a sheet with errors (400 {@code INVALID_SHEET}, {@code code} and
     * {@code message} first, nothing imported); {@code code} and {@code message} are left out of a dry run.
     */
    record Checked(@JsonInclude(JsonInclude.Include.NON_NULL) String code,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String message, String fileName, String sha256,
                   boolean dryRun, boolean valid, Counts counts, List<HistoryImport.Row> items,
                   List<HistoryImport.RowError> errors) implements Answer {
    }

    /** What was migrated: the counts, each row's outcome, no errors. */
    record Migrated(String fileName, String sha256, boolean dryRun, Counts counts, List<HistoryImport.Outcome> items,
                    List<HistoryImport.RowError> errors) implements Answer {
    }

    @ErrorCodes(badRequest = {"MISSING_FILE", "INVALID_SHEET", "UNREADABLE_SHEET", "TOO_MANY_ROWS", "MALFORMED_UPLOAD",
            "MALFORMED_REQUEST", "MISSING_HEADER", "MISSING_COLUMNS", "EMPTY_SHEET", "DUPLICATE_ROW", "INVALID_SOURCE",
            "INCOMPLETE_REPORT_REFERENCE", "INVALID_REPORT_REFERENCE", "MISSING_FINDING", "MISSING_MEASURE",
            "TOO_LONG_TEXT", "MISSING_LEAD_DEPARTMENT", "UNKNOWN_DEPARTMENT", "MISSING_OWNER", "MISSING_DEADLINE",
            "INVALID_REVIEW_PERIOD", "MISSING_PLANNED_DATE", "INVALID_PROGRESS", "INVALID_EXTENSION", "INVALID_DATE",
            "INVALID_NUMBER"}, forbidden = "FORBIDDEN_ROLE", conflict = "CONCURRENT_MODIFICATION",
            tooLarge = "FILE_TOO_LARGE", unsupportedType = {"UNSUPPORTED_SHEET", "UNSUPPORTED_MEDIA_TYPE"})
    @PostMapping(value = "/api/rectification/history/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Answer> importHistory(@RequestParam(value = "file", required = false) MultipartFile file,
                                         @RequestParam(defaultValue = "false") boolean dryRun, Caller caller) {
        if (!caller.hasRole(Role.PARTY_COMMITTEE)) {
            throw Refusal.forbidden("FORBIDDEN_ROLE", "只有党委可以迁移历史台账");
        }
        if (file == null || file.isEmpty()) {
            throw Refusal.invalid("MISSING_FILE", "请选择要导入的 .xlsx 或 .csv 历史台账（表单字段 file）");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "FILE_TOO_LARGE",
                    "历史台账文件过大（最大" + MAX_BYTES / 1024 / 1024 + "MB），请分批导入");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        List<List<String>> sheet = SheetReader.read(fileName, content);
        String sha256 = sha256(content);
        HistoryImport.Checked checked = history.check(sheet, fileName, sha256, Callers.actor(caller));
        if (dryRun || !checked.errors().isEmpty()) {
            boolean refused = !dryRun;
            Checked answer = new Checked(refused ? "INVALID_SHEET" : null,
                    refused ? "历史台账有" + checked.errors().size() + "处错误，未导入任何事项："
                            + checked.errors().get(0).message() + (checked.errors().size() > 1 ? "等" : "") : null,
                    fileName, sha256, dryRun, checked.errors().isEmpty(),
                    new Counts(checked.rows().size(), checked.newItems(), checked.existing(), checked.events()),
                    checked.rows(), checked.errors());
            return dryRun ? ResponseEntity.ok(answer) : ResponseEntity.badRequest().body(answer);
        }
        List<HistoryImport.Outcome> outcomes = history.apply(checked.rows(), caller.username(), caller.department());
        long migrated = outcomes.stream().filter(o -> o.outcome() == MigrationOutcome.MIGRATED).count();
        long events = outcomes.stream().mapToLong(HistoryImport.Outcome::events).sum();
        return ResponseEntity.ok(new Migrated(fileName, sha256, dryRun,
                new Counts(outcomes.size(), migrated, outcomes.size() - migrated, events), outcomes, List.of()));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
