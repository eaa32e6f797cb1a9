package cn.zhenggai.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The edge over a real Tomcat, spoken to byte by byte so that nothing on the client side cleans the request. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = EdgeHttpTest.App.class,
        properties = "zhenggai.edge.body-limits[/echo/large]=3MB")
class EdgeHttpTest {

    static final AtomicInteger ECHOED = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Echo.class)
    static class App {
    }

    @RestController
    static class Echo {
        @PostMapping({"/echo", "/echo/large"})
        Map<String, Object> echo(@RequestBody Map<String, Object> body) {
            ECHOED.incrementAndGet();
            return body;
        }

        @PostMapping("/upload")
        Map<String, Object> upload(@RequestParam(name = "title", required = false) String title,
                                   @RequestParam("file") MultipartFile file) {
            ECHOED.incrementAndGet();
            return Map.of("title", String.valueOf(title), "file", String.valueOf(file.getOriginalFilename()));
        }
    }

    @LocalServerPort
    int port;

    record Reply(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    @Test
    void textWithLineBreaksAndTabsPasses() throws IOException {
        Reply reply = postJson("/echo", "{\"title\":\"第一行\\n第二行\\t\\r\\n😀\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("title").asText()).isEqualTo("第一行\n第二行\t\r\n😀");
    }

    @Test
    void nulInAJsonStringIsRefusedNamingTheField() throws IOException {
        int before = ECHOED.get();
        Reply reply = postJson("/echo", "{\"user\":{\"displayName\":\"王\\u0000华\"}}");
        assertRefused(reply, 400, "INVALID_TEXT", "user.displayName", "U+0000");
        assertThat(ECHOED.get()).isEqualTo(before);
    }

    @Test
    void otherControlCharactersAndUnpairedSurrogatesAreRefused() throws IOException {
        assertRefused(postJson("/echo", "{\"title\":\"a\\u0007b\"}"), 400, "INVALID_TEXT", "title", "U+0007");
        assertRefused(postJson("/echo", "{\"title\":\"a\\u007fb\"}"), 400, "INVALID_TEXT", "title", "U+007F");
        assertRefused(postJson("/echo", "{\"title\":\"a\\u0085b\"}"), 400, "INVALID_TEXT", "title", "U+0085");
        assertRefused(postJson("/echo", "{\"items\":[\"ok\",\"\\ud800\"]}"), 400, "INVALID_TEXT", "items[1]", "U+D800");
        assertRefused(postJson("/echo", "{\"t\":\"\\udc00x\"}"), 400, "INVALID_TEXT", "t", "U+DC00");
        assertRefused(postJson("/echo", "{\"a\\u0001\":1}"), 400, "INVALID_TEXT", "含有不允许的字符");
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() throws IOException {
        byte[] body = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertRefused(send(request("POST", "/echo", "application/json", body.length) , body), 400,
                "MALFORMED_REQUEST", "UTF-8");
    }

    @Test
    void queryParametersAreText() throws IOException {
        assertRefused(postJson("/echo?reportId=a%00b", "{}"), 400, "INVALID_TEXT", "reportId");
        assertRefused(postJson("/echo?q=%ED%A0%80", "{}"), 400, "MALFORMED_REQUEST", "UTF-8");
        assertThat(postJson("/echo?q=%E4%B8%AD+%E6%96%87", "{}").status()).isEqualTo(200);
    }

    @Test
    void aJsonBodyOverItsCapIsRefusedBeforeParsingByLengthAndWhenChunked() throws IOException {
        int before = ECHOED.get();
        String big = "{\"t\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        assertRefused(postJson("/echo", big), 413, "PAYLOAD_TOO_LARGE", "1 MB");
        assertRefused(postChunked("/echo", big), 413, "PAYLOAD_TOO_LARGE", "1 MB");
        assertThat(ECHOED.get()).isEqualTo(before);
        assertThat(postJson("/echo/large", big).status()).isEqualTo(200);
        assertThat(postChunked("/echo/large", big).status()).isEqualTo(200);
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedWithoutReadingTheBody() throws IOException {
        Reply reply = send(request("POST", "/echo", "application/json", 12L * 1024 * 1024), new byte[0]);
        assertRefused(reply, 413, "PAYLOAD_TOO_LARGE", "1 MB");
    }

    @Test
    void tomcatsOwnRefusalsAreJson() throws IOException {
        assertRefused(raw("GET /echo%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400, "MALFORMED_REQUEST");
        assertRefused(raw("GET /a b c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400, "MALFORMED_REQUEST");
        assertRefused(raw("GET /echo HTTP/1.1\r\nHost: x\r\nBad Header: y\r\nConnection: close\r\n\r\n"), 400,
                "MALFORMED_REQUEST");
        assertRefused(raw("GET /echo?a=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                "MALFORMED_REQUEST");
    }

    @Test
    void springsOwnErrorsAreJsonToo() throws IOException {
        assertRefused(raw("GET /nowhere HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n"), 404,
                "NOT_FOUND");
        assertRefused(raw("GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void multipartTextFieldsAndFileNamesFollowTheSameRule() throws IOException {
        int before = ECHOED.get();
        assertThat(postMultipart("2022年度发言提纲", "提纲.txt").status()).as("control").isEqualTo(200);
        assertRefused(postMultipart("标题\u0000", "提纲.txt"), 400, "INVALID_TEXT", "字段 title", "U+0000");
        assertRefused(postMultipart("标题", "提\u0007纲.txt"), 400, "INVALID_TEXT", "文件名", "U+0007");
        assertThat(ECHOED.get()).as("no controller reached").isEqualTo(before + 1);
    }

    private Reply postMultipart(String title, String fileName) throws IOException {
        String text = "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n内容\r\n--b--\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return send(request("POST", "/upload", "multipart/form-data; boundary=b", body.length), body);
    }

    private static void assertRefused(Reply reply, int status, String code, String... inMessage) throws IOException {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.body()).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        for (String part : inMessage) {
            assertThat(body.get("message").asText()).contains(part);
        }
    }

    private Reply postJson(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(request("POST", path, "application/json", body.length), body);
    }

    private Reply postChunked(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int off = 0; off < body.length; off += 64 * 1024) {
            int len = Math.min(64 * 1024, body.length - off);
            chunks.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(body, off, len);
            chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunks.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String head = "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        return send(head, chunks.toByteArray());
    }

    private static String request(String method, String path, String contentType, long length) {
        return method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + length + "\r\nConnection: close\r\n\r\n";
    }

    private Reply raw(String request) throws IOException {
        return send(request, new byte[0]);
    }

    private Reply send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before the whole body is sent
            }
            InputStream in = socket.getInputStream();
            String response = new String(readAll(in), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String headers = split < 0 ? response : response.substring(0, split);
            String rest = split < 0 ? "" : response.substring(split + 4);
            int status = Integer.parseInt(headers.substring(9, 12));
            String contentType = "";
            boolean chunked = false;
            for (String line : headers.split("\r\n")) {
                String lower = line.toLowerCase();
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(13).strip();
                }
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            return new Reply(status, contentType, chunked ? dechunk(rest) : rest);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer: keep what came
        }
        return out.toByteArray();
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, eol).strip(), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; the test's bodies are ASCII JSON or short Chinese messages: re-encode to count
            byte[] rest = chunked.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
            out.append(chunk);
            at = eol + 2 + chunk.length() + 2;
        }
        return out.toString();
    }
}
