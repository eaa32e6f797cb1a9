package cn.zhenggai.edge;

import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most bytes a request body may have, per endpoint: {@link #DEFAULT_MAX} for everything, more only where files
 * are sent (an outline, a findings sheet, a historical ledger, an evidence file; each a little above the file limit
 * its service checks, for the multipart framing). The same table serves the gateway and the services, so the gateway refuses before it
 * proxies.
 */
public final class BodyLimits {

    public static final DataSize DEFAULT_MAX = DataSize.ofMegabytes(1);

    /** Path patterns (Ant style, matched against the request path) of the endpoints that take files. */
    public static Map<String, DataSize> fileEndpoints() {
        Map<String, DataSize> limits = new LinkedHashMap<>();
        limits.put("/api/outlines/preview", DataSize.ofMegabytes(11));
        limits.put("/api/outlines/import", DataSize.ofMegabytes(11));
        limits.put("/api/rectification/findings/import", DataSize.ofMegabytes(21));
        limits.put("/api/rectification/history/import", DataSize.ofMegabytes(6));
        limits.put("/api/measures/*/evidence", DataSize.ofMegabytes(21));
        return limits;
    }

    private final AntPathMatcher matcher = new AntPathMatcher();
    private final long defaultMax;
    private final Map<String, Long> endpoints = new LinkedHashMap<>();

    public BodyLimits(DataSize defaultMax, Map<String, DataSize> endpoints) {
        this.defaultMax = defaultMax.toBytes();
        endpoints.forEach((pattern, size) -> this.endpoints.put(pattern, size.toBytes()));
    }

    public static BodyLimits defaults() {
        return new BodyLimits(DEFAULT_MAX, fileEndpoints());
    }

    /** The cap for a request to {@code path}. */
    public long maxFor(String path) {
        for (Map.Entry<String, Long> endpoint : endpoints.entrySet()) {
            if (matcher.match(endpoint.getKey(), path)) {
                return endpoint.getValue();
            }
        }
        return defaultMax;
    }
}
