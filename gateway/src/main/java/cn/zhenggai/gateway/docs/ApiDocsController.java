package cn.zhenggai.gateway.docs;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/docs/ui}: Swagger UI over the four OpenAPI documents ({@code /api/docs/report},
 * {@code /rectification}, {@code /audit}, {@code /gateway}), for signed-in users like the rest of {@code /api/**}.
 * The page loads Swagger UI from its webjar and {@code /js/api-docs.js}, which sends the signed-in user's token with
 * every request the UI makes (ADR 0100).
 */
@Hidden
@RestController
public class ApiDocsController {

    private final byte[] page;

    public ApiDocsController() throws IOException {
        try (InputStream in = new ClassPathResource("docs/swagger-ui.html").getInputStream()) {
            this.page = in.readAllBytes();
        }
    }

    @GetMapping({"/api/docs/ui", "/api/docs/ui/"})
    public ResponseEntity<byte[]> ui() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }
}
