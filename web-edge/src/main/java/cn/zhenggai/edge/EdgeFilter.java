package cn.zhenggai.edge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The first thing every request meets, in the gateway and in each service, before security and before anything
 * parses it:
 * <ul>
 *   <li>the path and every query parameter (name and value, percent-decoded as UTF-8) must be text
 *   ({@link TextRules}): else 400 {@code INVALID_TEXT}, or {@code MALFORMED_REQUEST} for broken percent-encoding;</li>
 *   <li>a body over its endpoint's cap ({@link BodyLimits}) is refused with 413 {@code PAYLOAD_TOO_LARGE}: at once
 *   by its Content-Length, else while it is counted in (chunked);</li>
 *   <li>a JSON body is read in whole (within the cap), must be UTF-8, and every string and field name in it must be
 *   text: else 400 {@code INVALID_TEXT} naming the field. The application then reads the same bytes.</li>
 * </ul>
 * Nothing has been changed when one of these answers.
 */
public class EdgeFilter extends OncePerRequestFilter {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    private final BodyLimits limits;

    public EdgeFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        try {
            checkText("请求地址", decode(path, false));
            checkQuery(request.getQueryString());
        } catch (Refused refused) {
            refuse(response, refused);
            return;
        }
        long max = limits.maxFor(path);
        long declared = request.getContentLengthLong();
        if (declared > max) {
            refuse(response, tooLarge(max));
            return;
        }
        if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
            chain.doFilter(request, response);
            return;
        }
        if (isJson(request.getContentType())) {
            byte[] body;
            try {
                body = readAtMost(request.getInputStream(), max);
                checkJson(body);
            } catch (Refused refused) {
                refuse(response, refused);
                return;
            }
            chain.doFilter(new CachedBody(request, body), response);
            return;
        }
        try {
            chain.doFilter(new CountedBody(request, max), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (causedByTooLarge(e) && !response.isCommitted()) {
                refuse(response, tooLarge(max));
                return;
            }
            throw e;
        }
    }

    /** A refusal with its code and Chinese message. */
    static final class Refused extends IOException {
        final Refusal refusal;

        Refused(Refusal refusal, String message) {
            super(message, null);
            this.refusal = refusal;
        }
    }

    private static Refused tooLarge(long max) {
        return new Refused(Refusal.PAYLOAD_TOO_LARGE, "请求内容过大：此接口最多接受 " + human(max));
    }

    static String human(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " 字节";
    }

    private static void refuse(HttpServletResponse response, Refused refused) throws IOException {
        if (refused.refusal == Refusal.PAYLOAD_TOO_LARGE) {
            // the rest of an oversized body is not read: the connection closes after the answer
            response.setHeader("Connection", "close");
        }
        ErrorBody.write(response, refused.refusal.status(), refused.refusal.name(), refused.getMessage());
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        return type.equals("application/json") || type.endsWith("+json");
    }

    static void checkText(String what, String text) throws Refused {
        int bad = TextRules.firstInvalid(text);
        if (bad >= 0) {
            throw new Refused(Refusal.INVALID_TEXT, what + "含有不允许的字符（" + TextRules.describe(text, bad)
                    + "：控制字符或无效的 Unicode）");
        }
    }

    static void checkQuery(String query) throws Refused {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            checkText("查询参数名", name);
            checkText("查询参数 " + printable(name) + " ", value);
        }
    }

    /** Percent-decodes strictly as UTF-8: a broken escape or a byte sequence that is not UTF-8 is refused. */
    static String decode(String raw, boolean plusIsSpace) throws Refused {
        if (raw.indexOf('%') < 0) {
            return plusIsSpace ? raw.replace('+', ' ') : raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new Refused(Refusal.MALFORMED_REQUEST, "请求地址的百分号编码有误");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return utf8(bytes.toByteArray(), "请求地址不是有效的 UTF-8 编码");
    }

    private static String utf8(byte[] bytes, String message) throws Refused {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(Refusal.MALFORMED_REQUEST, message);
        }
    }

    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw tooLarge(max);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Every string value and field name of a JSON body must be text; malformed JSON is left to the application. */
    static void checkJson(byte[] body) throws Refused {
        utf8(body, "请求内容不是有效的 UTF-8 文本");
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    String text = parser.getText();
                    int bad = TextRules.firstInvalid(text);
                    if (bad >= 0) {
                        String field = fieldOf(parser);
                        throw new Refused(Refusal.INVALID_TEXT, (field.isEmpty() ? "请求内容" : "字段 " + field + " ")
                                + "含有不允许的字符（" + TextRules.describe(text, bad) + "：控制字符或无效的 Unicode）");
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: the application answers MALFORMED_REQUEST in its own words
        } catch (Refused refused) {
            throw refused;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code measures[0].title}: where the parser stands, with any unprintable character of a name escaped. */
    private static String fieldOf(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(printable(name));
            }
        }
        return field.toString();
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isSurrogate(c) ? isPairedAt(name, i) : !TextRules.isRefusedControl(c);
            out.append(ok ? String.valueOf(c) : TextRules.describe(name, i));
        }
        return out.toString();
    }

    private static boolean isPairedAt(String s, int i) {
        char c = s.charAt(i);
        return (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refused refused && refused.refusal == Refusal.PAYLOAD_TOO_LARGE) {
                return true;
            }
        }
        return false;
    }

    /** The JSON body already read and checked, offered again to whoever reads the request. */
    static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BytesInput(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** Any other body: counted as it is read, refused once it passes the cap. */
    static final class CountedBody extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream counted;

        CountedBody(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    private long total;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++total > max) {
                            throw tooLarge(max);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0 && (total += n) > max) {
                            throw tooLarge(max);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }

    private static final class BytesInput extends ServletInputStream {
        private final ByteArrayInputStream in;

        BytesInput(ByteArrayInputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body has been read already");
        }
    }
}
