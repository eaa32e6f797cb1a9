package cn.zhenggai.rectification.sources;

import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import cn.zhenggai.rectification.web.Callers;
import org.springframework.http.HttpStatus;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    @PostMapping(value = "/api/rectification/history/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> importHistory(@RequestParam(value = "file", required = false)
                                                      MultipartFile file,
                                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                                      Caller caller) {
        if (!caller.hasRole(Role.PARTY_COMMITTEE)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委可以迁移历史台账");
        }
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("MISSING_FILE", "请选择要导入的 .xlsx 或 .csv 历史台账（表单字段 file）");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE",
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
        Map<String, Object> answer = new LinkedHashMap<>();
        if (!dryRun && !checked.errors().isEmpty()) {
            answer.put("code", "INVALID_SHEET");
            answer.put("message", "历史台账有" + checked.errors().size() + "处错误，未导入任何事项："
                    + checked.errors().get(0).message() + (checked.errors().size() > 1 ? "等" : ""));
        }
        answer.put("fileName", fileName);
        answer.put("sha256", sha256);
        answer.put("dryRun", dryRun);
        if (dryRun || !checked.errors().isEmpty()) {
            answer.put("valid", checked.errors().isEmpty());
            answer.put("counts", counts(checked.rows().size(), checked.newItems(), checked.existing(),
                    checked.events()));
            answer.put("items", checked.rows());
            answer.put("errors", checked.errors());
            return dryRun ? ResponseEntity.ok(answer) : ResponseEntity.badRequest().body(answer);
        }
        List<Map<String, Object>> outcomes = history.apply(checked.rows(), caller.username(), caller.department());
        long migrated = outcomes.stream().filter(o -> "MIGRATED".equals(o.get("outcome"))).count();
        long events = outcomes.stream().mapToLong(o -> ((Number) o.get("events")).longValue()).sum();
        answer.put("counts", counts(outcomes.size(), migrated, outcomes.size() - migrated, events));
        answer.put("items", outcomes);
        answer.put("errors", List.of());
        return ResponseEntity.ok(answer);
    }

    private static Map<String, Object> counts(long rows, long created, long existing, long events) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rows", rows);
        counts.put("new", created);
        counts.put("existing", existing);
        counts.put("events", events);
        return counts;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
