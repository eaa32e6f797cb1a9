package cn.zhenggai.rectification;

import cn.zhenggai.testsupport.TestUser;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What rectification's HTTP tests share besides {@link RectificationHttpTest}: the callers and the evidence folder. */
public final class HttpTests {

    /** The liaison (联络员) of 行政审批局, also a cadre. */
    public static final TestUser LIAISON = new TestUser("demo-dept", "XZSPJ", List.of("DEPT_LIAISON", "CADRE"),
            "联络员");
    /** The liaison of 财政局: another department. */
    public static final TestUser OTHER = new TestUser("cz-liaison", "CZJ", List.of("DEPT_LIAISON"), null);
    /** The party committee (党委). */
    public static final TestUser PARTY = new TestUser("demo-party", "DW", List.of("PARTY_COMMITTEE"), null);
    /** The organization department (组织部). */
    public static final TestUser ORG = new TestUser("demo-org", "ZZB", List.of("ORG_DEPT"), null);

    private HttpTests() {
    }

    /** Registers a fresh temporary folder as {@code zhenggai.evidence.dir}; answers it. */
    public static Path evidenceDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path directory = Files.createTempDirectory("zhenggai-evidence");
        registry.add("zhenggai.evidence.dir", directory::toString);
        return directory;
    }
}
