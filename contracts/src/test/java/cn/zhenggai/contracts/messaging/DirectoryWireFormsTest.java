package cn.zhenggai.contracts.messaging;

import cn.zhenggai.contracts.directory.DepartmentRegistered;
import cn.zhenggai.contracts.directory.DepartmentRenamed;
import cn.zhenggai.contracts.directory.PasswordReset;
import cn.zhenggai.contracts.directory.Revocation;
import cn.zhenggai.contracts.directory.RevokedUsers;
import cn.zhenggai.contracts.directory.RoleGrantApproved;
import cn.zhenggai.contracts.directory.RoleGrantProposed;
import cn.zhenggai.contracts.directory.RoleGrantRejected;
import cn.zhenggai.contracts.directory.RolesGranted;
import cn.zhenggai.contracts.directory.RolesRevoked;
import cn.zhenggai.contracts.directory.UserDisabled;
import cn.zhenggai.contracts.directory.UserEnabled;
import cn.zhenggai.contracts.directory.UserLocked;
import cn.zhenggai.contracts.directory.UserMovedDepartment;
import cn.zhenggai.contracts.directory.UserRegistered;
import cn.zhenggai.contracts.directory.UserRenamed;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the wire form of the directory's events, one fixture each in {@code /wire/<Type>.json}, and that none of them
 * has a field that could carry a password. (Run with {@code -Dwire.write=true} once to write a new fixture.)
 */
class DirectoryWireFormsTest {

    static Stream<Object> events() {
        return Stream.of(
                new UserRegistered("cz.head", "财政局局长", "CZJ", List.of("CADRE", "DEPT_HEAD"), "demo-org"),
                new UserRenamed("cz.head", "CZJ", "财政局局长（代）", "demo-org"),
                new UserMovedDepartment("cz.head", "CZJ", "XZSPJ", "demo-org"),
                new RolesGranted("cz.head", "CZJ", List.of("DEPT_LIAISON"), "demo-org", null),
                new RolesRevoked("cz.head", "CZJ", List.of("DEPT_HEAD"), "demo-org"),
                new UserDisabled("cz.head", "CZJ", "demo-org"),
                new UserEnabled("cz.head", "CZJ", "demo-org"),
                new PasswordReset("cz.head", "CZJ", "demo-org"),
                new UserLocked("cz.head", "CZJ", "2026-12-02T08:15:00Z", 5),
                new DepartmentRegistered("TJJ", "统计局", "demo-org"),
                new DepartmentRenamed("TJJ", "统计局", "区统计局", "demo-org"),
                new RoleGrantProposed("grt-7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f", "cz.head", "CZJ",
                        List.of("DISCIPLINE"), "demo-org"),
                new RoleGrantApproved("grt-7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f", "cz.head", "CZJ",
                        List.of("DISCIPLINE"), "demo-org", "demo-party"),
                new RoleGrantRejected("grt-7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f", "cz.head", "CZJ",
                        List.of("DISCIPLINE"), "demo-org", "demo-party", "不符合任职条件。"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyDirectoryEventHasItsPinnedWireFormAndNoPassword(Object payload) throws IOException {
        String type = EventTypes.nameOf(payload.getClass());
        assertThat(EventTypes.classOf(type)).as("registered " + type).contains(payload.getClass());
        assertThat(payload.getClass().getAnnotation(Revision.class)).as("@Revision on " + type).isNotNull();
        boolean grant = type.startsWith("RoleGrant");
        boolean department = type.startsWith("Department");
        String aggregateId = grant ? "grt-7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f" : department ? "TJJ" : "cz.head";
        EventEnvelope envelope = new EventEnvelope("8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", type,
                EventTypes.revisionOf(payload.getClass()), grant ? "RoleGrant" : department ? "Department" : "User",
                aggregateId, 2, Instant.parse("2026-12-02T08:00:00Z"), "demo-org", department ? "TJJ" : "CZJ",
                EnvelopeCodec.toTree(payload));
        if (Boolean.getBoolean("wire.write")) {
            Files.writeString(Path.of("src/test/resources/wire/" + type + ".json"),
                    EnvelopeCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(envelope) + "\n");
        }
        String fixture = fixture(type);
        JsonNode written = EnvelopeCodec.mapper().readTree(EnvelopeCodec.toJson(envelope));
        assertThat(written).isEqualTo(EnvelopeCodec.mapper().readTree(fixture));
        assertThat(EnvelopeCodec.payloadOf(EnvelopeCodec.fromJson(fixture))).isEqualTo(payload);
        assertThat(written.get("payload").fieldNames()).toIterable()
                .noneMatch(field -> field.toLowerCase().contains("password") || field.toLowerCase().contains("hash"));
    }

    @Test
    void revokingEventsRefuseTokensIssuedBeforeThem() {
        Instant at = Instant.parse("2026-12-02T08:00:00.500Z");
        EventEnvelope disabled = new EventEnvelope("e1", "UserDisabled", "1", "User", "cz.head", 3, at, "demo-org",
                "CZJ", EnvelopeCodec.toTree(new UserDisabled("cz.head", "CZJ", "demo-org")));
        Revocation revocation = Revocation.of(disabled).orElseThrow();
        assertThat(revocation.refuses("cz.head", Instant.parse("2026-12-02T08:00:00Z"))).isTrue();
        assertThat(revocation.refuses("cz.head", Instant.parse("2026-12-02T08:00:01Z"))).isFalse();
        assertThat(revocation.refuses("demo-org", Instant.parse("2026-12-02T07:00:00Z"))).isFalse();
        EventEnvelope enabled = new EventEnvelope("e2", "UserEnabled", "1", "User", "cz.head", 4, at, "demo-org",
                "CZJ", EnvelopeCodec.toTree(new UserEnabled("cz.head", "CZJ", "demo-org")));
        assertThat(Revocation.of(enabled)).isEmpty();
    }

    @Test
    void revokedUsersKeepTheLatestRevocationAndForgetWhatCanRefuseNothing() {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        RevokedUsers revoked = new RevokedUsers(java.time.Duration.ofMinutes(17),
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        revoked.revoke(new Revocation("cz.head", now.minusSeconds(60)));
        revoked.revoke(new Revocation("cz.head", now.minusSeconds(120)));
        assertThat(revoked.refuses("cz.head", now.minusSeconds(90))).as("the later revocation counts").isTrue();
        assertThat(revoked.refuses("cz.head", now.minusSeconds(30))).isFalse();
        assertThat(revoked.refuses(null, null)).isFalse();
        revoked.revoke(new Revocation("long.ago", now.minus(java.time.Duration.ofMinutes(18))));
        assertThat(revoked.forgetOld()).isEqualTo(1);
        assertThat(revoked.size()).isEqualTo(1);
    }

    private String fixture(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/wire/" + type + ".json")) {
            assertThat(in).as("fixture /wire/" + type + ".json").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
