package cn.zhenggai.rectification.evidence;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.download.Downloads;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.rectification.measure.Commands.CheckEvidenceDownload;
import cn.zhenggai.rectification.measure.Commands.CheckEvidenceUpload;
import cn.zhenggai.rectification.scope.ItemScope;
import cn.zhenggai.rectification.web.Callers;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
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
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;

/**
 * Evidence files of an item: {@code POST /api/measures/{id}/evidence} (multipart, part {@code file}) stores one and
 * answers {@code {fileId, fileName, contentType, size, sha256}}; a progress report then names its {@code fileIds}.
 * {@code GET /api/measures/{id}/evidence/{fileId}} downloads it for whoever sees the item now: its current lead and
 * cooperating departments and the cross-department roles (ADR 0073), the item itself deciding; to anyone else the
 * file answers as an unknown one would (ADR 0072). With {@code ?disposition=inline} a PDF or an image answers
 * {@code Content-Disposition: inline} (the browser shows it in a tab); any other type stays an attachment.
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

    @ErrorCodes(badRequest = {"MISSING_FILE", "EMPTY_FILE", "MISSING_FILE_NAME", "FILE_NAME_TOO_LONG",
            "MALFORMED_UPLOAD"}, forbidden = "FORBIDDEN_DEPARTMENT", notFound = "MEASURE_NOT_FOUND",
            conflict = {"NOT_ASSIGNED", "MEASURE_VERIFIED", "INVALID_STATUS"}, tooLarge = "FILE_TOO_LARGE",
            unsupportedType = {"FORBIDDEN_FILE_TYPE", "UNSUPPORTED_MEDIA_TYPE"})
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Uploaded upload(@PathVariable String measureId, @RequestParam(value = "file", required = false)
                    MultipartFile file, Caller caller) {
        ItemScope.checkId(measureId);
        if (file == null) {
            throw Refusal.invalid("MISSING_FILE", "请选择要上传的文件（表单字段 file）");
        }
        // the item's rule: lead or cooperating department, item in progress; answers the lead department
        String department = commands.send(new CheckEvidenceUpload(measureId, Callers.actor(caller)),
                caller);
        if (file.isEmpty()) {
            throw Refusal.invalid("EMPTY_FILE", "文件为空：" + file.getOriginalFilename());
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
        return new Uploaded(stored.fileId(), stored.fileName(), stored.contentType(), stored.size(), stored.sha256());
    }

    /** What an upload answers: the stored file's id, name, type, size and digest. */
    record Uploaded(String fileId, String fileName, String contentType, long size, String sha256) {
    }

    /** The types a browser shows in a tab itself; every other type is downloaded even when asked inline. */
    static final Set<String> INLINE_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp");

    @ErrorCodes(badRequest = "INVALID_DISPOSITION",
            notFound = {"MEASURE_NOT_FOUND", "EVIDENCE_NOT_FOUND", "EVIDENCE_CONTENT_MISSING"})
    @GetMapping("/{fileId}")
    ResponseEntity<Resource> download(@PathVariable String measureId, @PathVariable String fileId,
                                      @RequestParam(value = "disposition", required = false) String disposition,
                                      Caller caller) {
        ItemScope.checkId(measureId);
        boolean inlineAsked = inlineAsked(disposition);
        EvidenceStore.StoredFile file = store.find(measureId, fileId).orElseThrow(() -> evidenceNotFound(fileId));
        try {
            commands.send(new CheckEvidenceDownload(measureId, Callers.actor(caller)), caller);
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw evidenceNotFound(fileId);
            }
            throw e;
        }
        if (!Files.isRegularFile(store.content(file))) {
            throw Refusal.notFound("EVIDENCE_CONTENT_MISSING", "佐证材料内容缺失：" + fileId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, inlineAsked && shownInline(file.contentType())
                        ? Downloads.inline(file.fileName()) : Downloads.attachment(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SHA256", file.sha256())
                .body(new FileSystemResource(store.content(file)));
    }

    /** No parameter: an attachment, as always; {@code inline}: shown if the type allows; anything else refused. */
    static boolean inlineAsked(String disposition) {
        if (disposition == null) {
            return false;
        }
        if (!disposition.equals("inline")) {
            throw Refusal.invalid("INVALID_DISPOSITION",
                    "disposition 参数只能是 inline（在浏览器中打开）；不带该参数则下载文件");
        }
        return true;
    }

    static boolean shownInline(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type = MediaType.parseMediaType(contentType);
        return INLINE_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    }

    /** An unknown file, or one of an item the caller does not see: the same answer. */
    private static Refusal evidenceNotFound(String fileId) {
        return Refusal.notFound("EVIDENCE_NOT_FOUND", "佐证材料不存在：" + fileId);
    }

    static Refusal tooLarge(long maxSize) {
        return new Refusal(Refusal.Kind.TOO_LARGE, "FILE_TOO_LARGE",
                "文件超过大小限制（" + DataSize.ofBytes(maxSize).toMegabytes() + " MB）");
    }

    private Refusal tooLarge() {
        return tooLarge(store.maxSize());
    }
}
