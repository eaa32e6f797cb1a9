package cn.zhenggai.platform.kafka;

import cn.zhenggai.edge.docs.ErrorCodes;
import org.bson.Document;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Operators' view of the dead letters of this service's consumers. */
@RestController
public class DeadLetterController {

    private final DeadLetterStore store;

    DeadLetterController(DeadLetterStore store) {
        this.store = store;
    }

    @ErrorCodes(forbidden = "FORBIDDEN")
    @GetMapping("/api/${zhenggai.service-name}/dead-letters")
    @PreAuthorize("hasAnyRole('PARTY_COMMITTEE', 'DISCIPLINE')")
    public Map<String, Object> deadLetters(@RequestParam(defaultValue = "50") int limit) {
        List<Document> latest = store.latest(Math.max(1, Math.min(limit, 500)));
        return Map.of("count", store.count(), "latest", latest);
    }
}
