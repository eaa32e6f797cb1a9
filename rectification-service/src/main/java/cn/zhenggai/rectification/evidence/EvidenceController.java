package cn.zhenggai.rectification.evidence;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import cn.zhenggai.rectification.CommandSender;
import cn.zhenggai.rectification.measure.Commands.CheckEvidenceDownload;
import cn.zhenggai.rectification.measure.Commands.CheckEvidenceUpload;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * Evidence files of an item: {@code POST /api/measures/{id}/evidence} (multipart, part {@code file}) stores one and
 * answers {@code {fileId, fileName, contentType, size, sha256}}; a progress report then names its {@code fileIds}.
 * {@code GET /api/measures/{id}/evidence/{fileId}} downloads it for whoever sees the item now: its current lead and
 * cooperating departments and the cross-department roles (ADR 0073), the item itself deciding; to anyone else the
 * file answers as an unknown one would (ADR 0072).
 */
@RestController
@RequestMapping("/api/measures/{measureId}/evidence")
class EvidenceController {

    private final EvidenceStore store;
    private final CommandSender commands;

    EvidenceController(EvidenceStore store, CommandSender commands) {
        this.store = store;
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> upload(@PathVariable String measureId, @RequestParam(value = "file", required = false)
                               MultipartFile file, Caller caller) {
        CommandSender.checkId(measureId);
        if (file == null) {
            throw ApiException.badRequest("MISSING_FILE", "请选择要上传的文件（表单字段 file）");
        }
        // the item's rule: lead or cooperating department, item in progress; answers the lead department
        String department = commands.toMeasure(new CheckEvidenceUpload(measureId, CommandSender.actor(caller)),
                caller);
        if (file.isEmpty()) {
            throw ApiException.badRequest("EMPTY_FILE", "文件为空：" + file.getOriginalFilename());
        }
        if (file.getSize() > store.maxSize()) {
            throw tooLarge();
        }
        EvidenceStore.StoredFile stored;
        try {
            stored = store.store(measureId, department, file.getOriginalFilename(), file.getInputStream(),
                    caller.username(), caller.department());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("fileId", stored.fileId(), "fileName", stored.fileName(), "contentType", stored.contentType(),
                "size", stored.size(), "sha256", stored.sha256());
    }

    @GetMapping("/{fileId}")
    ResponseEntity<Resource> download(@PathVariable String measureId, @PathVariable String fileId, Caller caller) {
        CommandSender.checkId(measureId);
        EvidenceStore.StoredFile file = store.find(measureId, fileId).orElseThrow(() -> evidenceNotFound(fileId));
        try {
            commands.toMeasure(new CheckEvidenceDownload(measureId, CommandSender.actor(caller)), caller);
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw evidenceNotFound(fileId);
            }
            throw e;
        }
        if (!Files.isRegularFile(store.content(file))) {
            throw ApiException.notFound("EVIDENCE_CONTENT_MISSING", "佐证材料内容缺失：" + fileId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SHA256", file.sha256())
                .body(new FileSystemResource(store.content(file)));
    }

    /** An unknown file, or one of an item the caller does not see: the same answer. */
    private static ApiException evidenceNotFound(String fileId) {
        return ApiException.notFound("EVIDENCE_NOT_FOUND", "佐证材料不存在：" + fileId);
    }

    static ApiException tooLarge(long maxSize) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE",
                "文件超过大小限制（" + DataSize.ofBytes(maxSize).toMegabytes() + " MB）");
    }

    private ApiException tooLarge() {
        return tooLarge(store.maxSize());
    }
}
