package cn.zhenggai.rectification.evidence;

import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.platform.web.ApiException;
import cn.zhenggai.rectification.measure.EvidenceCatalog;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files (佐证材料) of the items (ADR 0030): the content on disk under {@code zhenggai.evidence.dir},
 * content-addressed by its SHA-256 ({@code ab/abcdef…}), so a file stored twice takes the space once and cannot be
 * changed in place; what was uploaded for which item, by whom, in PostgreSQL ({@code evidence_file}, beside the
 * event store). The type is sniffed from the content (Apache Tika's magic bytes) and must agree with the name.
 * A refused upload leaves nothing behind.
 */
@Component
public class EvidenceStore implements EvidenceCatalog {

    /** Extension → the only content type accepted for it. */
    static final Map<String, String> ALLOWED = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "doc", "application/msword",
            "xls", "application/vnd.ms-excel",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "txt", "text/plain");

    private static final int MAX_NAME = 200;

    private final JdbcTemplate jdbc;
    private final Path root;
    private final long maxSize;
    private final String table;
    private final Clock clock;
    private final Tika tika = new Tika();

    public EvidenceStore(JdbcTemplate jdbc, Clock clock,
                         @Value("${zhenggai.evidence.dir:data/evidence}") Path root,
                         @Value("${zhenggai.evidence.max-size:20MB}") DataSize maxSize,
                         @Value("${zhenggai.database.schema}") String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema name must be a lower-case SQL identifier: " + schema);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.root = root.toAbsolutePath();
        this.maxSize = maxSize.toBytes();
        this.table = schema + ".evidence_file";
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                + "file_id TEXT PRIMARY KEY, measure_id TEXT NOT NULL, department TEXT NOT NULL, "
                + "file_name TEXT NOT NULL, content_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, "
                + "uploaded_by TEXT NOT NULL, uploader_department TEXT, uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS evidence_file_measure ON " + table + " (measure_id)");
    }

    /** A stored file's description, as answered to the uploader and recorded in ProgressReported. */
    public record StoredFile(String fileId, String measureId, String department, String fileName,
                             String contentType, long size, String sha256, String uploadedBy,
                             String uploaderDepartment) {

        ProgressReported.Evidence evidence() {
            return new ProgressReported.Evidence(fileId, fileName, contentType, size, sha256);
        }
    }

    public long maxSize() {
        return maxSize;
    }

    /**
     * Stores {@code content} for item {@code measureId} of {@code department}; refuses (4xx, nothing kept) an empty
     * file, one over the size limit, and a type not allowed or not matching its name.
     */
    public StoredFile store(String measureId, String department, String originalName, InputStream content,
                            String uploadedBy, String uploaderDepartment) {
        String name = cleanName(originalName);
        String expected = expectedType(name);
        Path temp = null;
        try {
            Files.createDirectories(root.resolve("tmp"));
            temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = content; OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = copyAtMost(in, out, maxSize);
            }
            if (size == 0) {
                throw ApiException.badRequest("EMPTY_FILE", "文件为空：" + name);
            }
            if (size > maxSize) {
                throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE",
                        "文件超过大小限制（" + DataSize.ofBytes(maxSize).toMegabytes() + " MB）：" + name);
            }
            String detected;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(temp))) {
                detected = tika.detect(in, name);
            }
            if (!expected.equals(detected)) {
                throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "FORBIDDEN_FILE_TYPE",
                        "文件内容与扩展名不符（识别为 " + detected + "）：" + name);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = blob(hash);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            StoredFile stored = new StoredFile("evd-" + UUID.randomUUID(), measureId, department, name, detected,
                    size, hash, uploadedBy, uploaderDepartment);
            jdbc.update("INSERT INTO " + table + " (file_id, measure_id, department, file_name, content_type, size, "
                            + "sha256, uploaded_by, uploader_department, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    stored.fileId(), measureId, department, name, detected, size, hash, uploadedBy,
                    uploaderDepartment, Timestamp.from(clock.instant()));
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store evidence " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover part file holds no reference and is overwritten never
                }
            }
        }
    }

    /** The extension's accepted type; refuses a name without an allowed extension. */
    static String expectedType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = ALLOWED.get(ext);
        if (type == null) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "FORBIDDEN_FILE_TYPE",
                    "不允许上传此类文件（仅限 PDF、JPG、PNG、Word、Excel、TXT）：" + name);
        }
        return type;
    }

    static String cleanName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            throw ApiException.badRequest("MISSING_FILE_NAME", "文件名不能为空");
        }
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest("FILE_NAME_TOO_LONG", "文件名过长（最多" + MAX_NAME + "字）");
        }
        return name;
    }

    public Optional<StoredFile> find(String measureId, String fileId) {
        List<StoredFile> rows = jdbc.query("SELECT * FROM " + table + " WHERE file_id = ? AND measure_id = ?",
                (rs, i) -> new StoredFile(rs.getString("file_id"), rs.getString("measure_id"),
                        rs.getString("department"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size"), rs.getString("sha256"), rs.getString("uploaded_by"),
                        rs.getString("uploader_department")), fileId, measureId);
        return rows.stream().findFirst();
    }

    /** The content of a stored file. */
    public Path content(StoredFile file) {
        return blob(file.sha256());
    }

    @Override
    public List<ProgressReported.Evidence> resolve(String measureId, List<String> fileIds) {
        List<ProgressReported.Evidence> found = new ArrayList<>();
        for (String id : fileIds == null ? List.<String>of() : fileIds) {
            found.add(find(measureId, id).map(StoredFile::evidence).orElseThrow(() -> new Refusal(
                    Refusal.Kind.INVALID, "UNKNOWN_EVIDENCE", "佐证材料不存在或不属于该事项：" + id)));
        }
        return found;
    }

    private Path blob(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Copies up to {@code limit + 1} bytes: a count above {@code limit} means the file is too large. */
    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                return total;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
