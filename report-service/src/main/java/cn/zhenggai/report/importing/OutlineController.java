package cn.zhenggai.report.importing;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.MeetingConvened;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.outline.Outline;
import cn.zhenggai.outline.OutlineJson;
import cn.zhenggai.outline.OutlineParseException;
import cn.zhenggai.outline.OutlineParser;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.report.confidential.PersonalMattersCipher;
import cn.zhenggai.report.drafting.Commands;
import cn.zhenggai.report.viewing.Meetings;
import cn.zhenggai.report.web.Callers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Outline import: {@code preview} parses an uploaded outline and shows what would be imported (creates nothing);
 * {@code import} creates a draft report with all of it in one command. The file comes as multipart part
 * {@code file}, or as the raw request body with its name in {@code ?fileName=} or the {@code X-File-Name} header.
 * Any kind the parser reads is taken (.txt, .md, .docx, .doc, .wps, .pdf, .png, .jpg, .tif): the parser finds the
 * kind from the content, so neither the extension nor the request's content type is checked here.
 *
 * <p>The preview's body: {@code fileName}, {@code outline} (the outline JSON of DESIGN §7), {@code counts}, and —
 * the parser's and this service's together, index for index — {@code warnings} (Chinese) and {@code warningCodes}
 * ({@code [{code, params}]}), then {@code source} (how the file was read: kind, pages, OCR confidence) and {@code
 * carryOverSummary}. This service adds {@link ImportWarningCode#CARRY_OVER_LEDGER_MISMATCH} when the carry-over's
 * summary and the cadre's earlier accepted report disagree (ADR 0089). The import answers {@code reportId, title,
 * year, counts, warnings, warningCodes}, its warnings adding what the import settled (OutlineToReport) and, with a
 * meeting, problem themes outside the meeting's themes.
 */
@RestController
@RequestMapping("/api/outlines")
class OutlineController {

    private static final ObjectMapper JSON = OutlineJson.mapper();
    private static final Logger LOG = LoggerFactory.getLogger(OutlineController.class);

    private final CommandSender commands;
    private final PersonalMattersCipher cipher;
    private final Meetings meetings;
    private final Timer parseTimer;
    private final CarryOverCheck carryOverCheck;

    OutlineController(CommandSender commands, PersonalMattersCipher cipher, Meetings meetings,
                      EarlierReports earlierReports, MeterRegistry registry) {
        this.commands = commands;
        this.cipher = cipher;
        this.meetings = meetings;
        this.carryOverCheck = new CarryOverCheck(earlierReports);
        this.parseTimer = Timer.builder("zhenggai.outline.parse").description("Outline parse time")
                .register(registry);
    }

    /**
     * @param fileName the name shown in the preview ({@code outline.txt} when none was sent)
     * @param given    the name as sent, or null: the parser finds the kind from the content and warns only when a
     *                 name's extension says otherwise, so a missing name is not passed on as ".txt"
     */
    record Upload(byte[] content, String fileName, String given) {
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('CADRE', 'DEPT_LIAISON', 'DEPT_HEAD')")
    @ErrorCodes(
            badRequest = {"MISSING_FILE", "EMPTY", "BINARY", "NOT_DOCX", "ZIP_BOMB", "NO_STRUCTURE", "UNREADABLE",
                    "ENCRYPTED", "CORRUPT", "NO_TEXT", "STREAM_BOMB", "MALFORMED_REQUEST"},
            forbidden = "FORBIDDEN", tooLarge = {"TOO_LARGE", "TOO_MANY_PAGES", "IMAGE_TOO_LARGE"},
            unsupportedType = "UNSUPPORTED_TYPE", unprocessable = "OCR_UNAVAILABLE")
    @ApiResponse(responseCode = "200", description = "提纲预览：将导入的内容，不创建报告",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = OutlineAnswers.Preview.class)))
    ResponseEntity<String> previewMultipart(@RequestPart("file") MultipartFile file, Caller caller) {
        return preview(fromPart(file), caller);
    }

    @PostMapping(path = "/preview")
    @PreAuthorize("hasAnyRole('CADRE', 'DEPT_LIAISON', 'DEPT_HEAD')")
    @ErrorCodes(
            badRequest = {"EMPTY", "BINARY", "NOT_DOCX", "ZIP_BOMB", "NO_STRUCTURE", "UNREADABLE", "ENCRYPTED",
                    "CORRUPT", "NO_TEXT", "STREAM_BOMB", "MALFORMED_REQUEST"},
            forbidden = "FORBIDDEN", tooLarge = {"TOO_LARGE", "TOO_MANY_PAGES", "IMAGE_TOO_LARGE"},
            unsupportedType = "UNSUPPORTED_TYPE", unprocessable = "OCR_UNAVAILABLE")
    @ApiResponse(responseCode = "200", description = "提纲预览：将导入的内容，不创建报告",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = OutlineAnswers.Preview.class)))
    ResponseEntity<String> previewRaw(HttpServletRequest request,
                                      @RequestParam(name = "fileName", required = false) String fileName,
                                      @RequestHeader(name = "X-File-Name", required = false) String header,
                                      Caller caller) {
        return preview(fromBody(request, fileName, header), caller);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('CADRE', 'DEPT_LIAISON', 'DEPT_HEAD')")
    @ErrorCodes(
            badRequest = {"MISSING_FILE", "EMPTY", "BINARY", "NOT_DOCX", "ZIP_BOMB", "NO_STRUCTURE", "UNREADABLE",
                    "ENCRYPTED", "CORRUPT", "NO_TEXT", "STREAM_BOMB", "MALFORMED_REQUEST", "VALIDATION_FAILED",
                    "YEAR_MISMATCH", "DEPARTMENT_REQUIRED", "INVALID_YEAR", "TOO_MANY_ITEMS", "INVALID_DEADLINE"},
            forbidden = "FORBIDDEN", notFound = "MEETING_NOT_FOUND",
            tooLarge = {"TOO_LARGE", "TOO_MANY_PAGES", "IMAGE_TOO_LARGE"}, unsupportedType = "UNSUPPORTED_TYPE",
            unprocessable = "OCR_UNAVAILABLE")
    @ApiResponse(responseCode = "201", description = "已按提纲创建报告草稿",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = OutlineAnswers.Imported.class)))
    ResponseEntity<String> importMultipart(@RequestPart("file") MultipartFile file,
                                           @RequestParam(name = "meetingId", required = false) String meetingId,
                                           @RequestParam(name = "title", required = false) String title,
                                           Caller caller) {
        return importOutline(fromPart(file), meetingId, title, caller);
    }

    @PostMapping(path = "/import")
    @PreAuthorize("hasAnyRole('CADRE', 'DEPT_LIAISON', 'DEPT_HEAD')")
    @ErrorCodes(
            badRequest = {"EMPTY", "BINARY", "NOT_DOCX", "ZIP_BOMB", "NO_STRUCTURE", "UNREADABLE", "ENCRYPTED",
                    "CORRUPT", "NO_TEXT", "STREAM_BOMB", "MALFORMED_REQUEST", "VALIDATION_FAILED", "YEAR_MISMATCH",
                    "DEPARTMENT_REQUIRED", "INVALID_YEAR", "TOO_MANY_ITEMS", "INVALID_DEADLINE"},
            forbidden = "FORBIDDEN", notFound = "MEETING_NOT_FOUND",
            tooLarge = {"TOO_LARGE", "TOO_MANY_PAGES", "IMAGE_TOO_LARGE"}, unsupportedType = "UNSUPPORTED_TYPE",
            unprocessable = "OCR_UNAVAILABLE")
    @ApiResponse(responseCode = "201", description = "已按提纲创建报告草稿",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = OutlineAnswers.Imported.class)))
    ResponseEntity<String> importRaw(HttpServletRequest request,
                                     @RequestParam(name = "fileName", required = false) String fileName,
                                     @RequestHeader(name = "X-File-Name", required = false) String header,
                                     @RequestParam(name = "meetingId", required = false) String meetingId,
                                     @RequestParam(name = "title", required = false) String title,
                                     Caller caller) {
        return importOutline(fromBody(request, fileName, header), meetingId, title, caller);
    }

    private ResponseEntity<String> preview(Upload upload, Caller caller) {
        Outline outline = parse(upload);
        List<ImportWarning> own = serviceWarnings(outline, caller);
        return json(HttpStatus.OK, new OutlineAnswers.Preview(upload.fileName(), outline,
                OutlineAnswers.warnings(outline, own), OutlineAnswers.Counts.of(outline),
                OutlineAnswers.codes(outline, own), outline.source(), outline.carryOverSummary()));
    }

    /** What this service adds to the parser's warnings; a read model that cannot be read now costs the check only. */
    private List<ImportWarning> serviceWarnings(Outline outline, Caller caller) {
        try {
            return carryOverCheck.check(outline, caller == null ? null : caller.username());
        } catch (RuntimeException e) {
            LOG.warn("Carry-over not compared with the earlier report: {}", e.toString());
            return List.of();
        }
    }

    private ResponseEntity<String> importOutline(Upload upload, String meetingId, String title, Caller caller) {
        if (title != null && title.length() > 200) {
            throw Refusal.invalid("VALIDATION_FAILED", "标题过长（最多200字）");
        }
        Outline outline = parse(upload);
        MeetingConvened meeting = null;
        if (meetingId != null && !meetingId.isBlank()) {
            meeting = meetings.require(meetingId);
            if (outline.year() != null && outline.year() != meeting.year()) {
                throw Refusal.invalid("YEAR_MISMATCH",
                        "提纲年度（" + outline.year() + "）与民主生活会年度（" + meeting.year() + "）不一致");
            }
        } else {
            meetingId = null;
        }
        String reportId = "rpt-" + UUID.randomUUID();
        Commands.SealedMatters sealed = outline.personalMatters() == null ? null
                : cipher.seal(caller.username(), outline.personalMatters());
        OutlineToReport.Mapped mapped = OutlineToReport.map(outline, reportId, title, meetingId, sealed,
                Callers.editor(caller), OutlineController::newId);
        commands.send(mapped.command(), caller);
        // the parser's warnings, what the import settled, the carry-over check, themes outside the meeting
        List<ImportWarning> own = new java.util.ArrayList<>(mapped.settled());
        own.addAll(serviceWarnings(outline, caller));
        if (meeting != null) {
            own.addAll(OutlineToReport.themesOutsideMeetingCodes(mapped.command().problems(),
                    meeting.themes().stream().map(MeetingConvened.Theme::name).toList()));
        }
        return json(HttpStatus.CREATED, new OutlineAnswers.Imported(reportId, mapped.command().title(),
                mapped.command().year(), OutlineAnswers.Counts.of(outline), OutlineAnswers.warnings(outline, own),
                OutlineAnswers.codes(outline, own)));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private Outline parse(Upload upload) {
        long start = System.nanoTime();
        try {
            return OutlineParser.parse(upload.content(), upload.given());
        } catch (OutlineParseException e) {
            throw refusal(e);
        } finally {
            parseTimer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    static Refusal refusal(OutlineParseException e) {
        String code = e.code().name();
        return switch (e.code()) {
            case TOO_LARGE -> new Refusal(Refusal.Kind.TOO_LARGE, code, "文件过大，最大10MB");
            case UNSUPPORTED_TYPE -> new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, code,
                    "不支持的文件类型，请上传 .txt、.md、.docx、.doc、.wps、.pdf 文件或 .png、.jpg、.tif 图片");
            case EMPTY -> Refusal.invalid(code, "文件为空");
            case BINARY -> Refusal.invalid(code, "文件不是可识别的文本（支持UTF-8、GB18030/GBK、UTF-16）");
            case NOT_DOCX -> Refusal.invalid(code, "文件不是有效的Word（.docx）文档");
            case ZIP_BOMB -> Refusal.invalid(code, "文件内容异常（解压后体积过大），已拒绝");
            case NO_STRUCTURE -> Refusal.invalid(code, "未识别出发言提纲的结构（如“一、”“（一）”、问题、整改措施）");
            case UNREADABLE -> Refusal.invalid(code, "文件无法读取");
            case ENCRYPTED -> Refusal.invalid(code, "文件已加密或设有密码，请去除密码后再上传");
            case CORRUPT -> Refusal.invalid(code,
                    "文件已损坏或格式无法识别；如为WPS文件，请在WPS中另存为 .doc 或 .docx 后再上传");
            case NO_TEXT -> Refusal.invalid(code, "文件中没有可识别的文字（PDF无文字层且未识别出文字，或图片中没有文字）");
            // a 4xx like every refusal of an upload (issue 16): the request cannot be served here, retrying will not help
            case OCR_UNAVAILABLE -> new Refusal(Refusal.Kind.UNPROCESSABLE, code,
                    "扫描件需要文字识别（OCR），本机未安装识别引擎，请上传带文字层的PDF或Word文档");
            case TOO_MANY_PAGES -> new Refusal(Refusal.Kind.TOO_LARGE, code, "PDF页数过多，已拒绝，请拆分后上传");
            case IMAGE_TOO_LARGE -> new Refusal(Refusal.Kind.TOO_LARGE, code,
                    "图片尺寸过大（像素过多），已拒绝，请降低扫描分辨率后上传");
            case STREAM_BOMB -> Refusal.invalid(code, "文件内容异常（解压后体积过大），已拒绝");
        };
    }

    private static Upload fromPart(MultipartFile file) {
        if (file == null) {
            throw Refusal.invalid("EMPTY", "文件为空");
        }
        if (file.getSize() > OutlineParser.MAX_BYTES) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "TOO_LARGE", "文件过大，最大10MB");
        }
        try {
            return new Upload(file.getBytes(), name(file.getOriginalFilename()), given(file.getOriginalFilename()));
        } catch (IOException e) {
            throw Refusal.invalid("MALFORMED_REQUEST", "上传内容无法读取");
        }
    }

    private static Upload fromBody(HttpServletRequest request, String fileName, String header) {
        String name = fileName != null ? fileName : header == null ? null
                : URLDecoder.decode(header, StandardCharsets.UTF_8);
        if (request.getContentLengthLong() > OutlineParser.MAX_BYTES) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "TOO_LARGE", "文件过大，最大10MB");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] content = in.readNBytes((int) OutlineParser.MAX_BYTES + 1);
            if (content.length > OutlineParser.MAX_BYTES) {
                throw new Refusal(Refusal.Kind.TOO_LARGE, "TOO_LARGE", "文件过大，最大10MB");
            }
            return new Upload(content, name(name), given(name));
        } catch (IOException e) {
            throw Refusal.invalid("MALFORMED_REQUEST", "上传内容无法读取");
        }
    }

    private static String given(String fileName) {
        return fileName == null || fileName.isBlank() ? null : name(fileName);
    }

    private static String name(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "outline.txt";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** The answer written by the outline's mapper, as the outline JSON always was (DESIGN §7). */
    private static ResponseEntity<String> json(HttpStatus status, Object body) {
        try {
            return ResponseEntity.status(status).contentType(new MediaType("application", "json",
                    StandardCharsets.UTF_8)).body(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
