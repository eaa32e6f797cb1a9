package cn.zhenggai.audit.integrity;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.audit.access.AuditAccess;
import cn.zhenggai.audit.access.Params;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.platform.security.Caller;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/audit/verify}: recomputes both chains; {@code GET /api/audit/digests}: the chain head at the end of
 * each day, to be printed or recorded outside the system ({@code format=text} gives one printable line per day).
 */
@RestController
public class IntegrityController {

    private final AuditLog log;
    private final ChainVerifier verifier;

    public IntegrityController(AuditLog log) {
        this.log = log;
        this.verifier = new ChainVerifier(log);
    }

    @ErrorCodes(forbidden = "FORBIDDEN_ROLE")
    @GetMapping("/api/audit/verify")
    public Verification verify(Caller caller) {
        AuditAccess.requireAuditor(caller);
        return Verification.of(verifier.verify());
    }

    @ErrorCodes(badRequest = {"BAD_DATE", "BAD_RANGE", "UNKNOWN_FORMAT"}, forbidden = "FORBIDDEN_ROLE")
    @GetMapping("/api/audit/digests")
    public ResponseEntity<?> digests(@RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String format, Caller caller) {
        AuditAccess.requireAuditor(caller);
        LocalDate fromDay = Params.day("from", from);
        LocalDate toDay = Params.day("to", to);
        Params.range(fromDay, toDay);
        String chosen = Params.format(format, "json", "text");
        List<Digests.Digest> digests = new ArrayList<>();
        for (Document d : log.digests(fromDay, toDay)) {
            digests.add(Digests.Digest.of(d));
        }
        if (chosen.equals("text")) {
            StringBuilder text = new StringBuilder("# Zhenggai 审计日志每日摘要 (SHA-256 链头, UTC)\n");
            text.append("# 日期 最后位置 链头哈希\n");
            digests.forEach(d -> text.append(d.day()).append(' ').append(d.lastPosition()).append(' ')
                    .append(d.headHash()).append('\n'));
            return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                    .body(text.toString());
        }
        Document head = log.head();
        return ResponseEntity.ok(new Digests(new ChainHead(head.getLong("position"), head.getString("hash")),
                digests.size(), digests));
    }
}
