package cn.zhenggai.audit.replay;

import cn.zhenggai.audit.LedgerHistory;
import cn.zhenggai.audit.StandaloneMvc;
import cn.zhenggai.audit.TestLog;
import cn.zhenggai.platform.ledger.LedgerItemDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Replays over HTTP: start (202), progress, differences, switch-over, and the refusals. */
class ReplayEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestLog store = new TestLog();
    private final LiveLedger ledger = new LiveLedger(store.log, store.database);
    private final List<Runnable> queued = new ArrayList<>();
    private final Replays replays = new Replays(store.database, store.log, ledger, Clock.systemUTC(), queued::add);
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        LedgerHistory.generate(10, 50, batch -> {
            store.log.appendBatch(batch);
            ledger.appended(batch);
        });
        mvc = StandaloneMvc.of(new ReplayController(replays));
    }

    @AfterEach
    void tearDown() {
        replays.close();
        store.close();
    }

    @Test
    void startWatchCompareAndSwitchOver() throws Exception {
        ledger.live().updateOne(Filters.eq("_id", "m-1"), Updates.set("deadline", "2099-01-01"));
        MvcResult started = call(post("/api/audit/replays").contentType(MediaType.APPLICATION_JSON)
                .content("{\"projection\":\"ledger\"}"), "DISCIPLINE");
        assertThat(started.getResponse().getStatus()).isEqualTo(202);
        String id = body(started).get("id").asText();
        assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/audit/replays/" + id);
        JsonNode running = body(call(get("/api/audit/replays/" + id), "PARTY_COMMITTEE"));
        assertThat(running.get("state").asText()).isEqualTo("RUNNING");
        assertThat(running.get("total").asLong()).isEqualTo(100);
        assertThat(running.has("eventsPerSecond")).isTrue();
        assertThat(running.has("secondsLeft")).isTrue();
        assertThat(running.get("percent").asDouble()).isZero();

        assertRefused(post("/api/audit/replays").contentType(MediaType.APPLICATION_JSON).content("{\"projection\":\"ledger\"}"),
                409, "REPLAY_RUNNING");
        assertRefused(post("/api/audit/replays/" + id + "/switch-over"), 409, "REPLAY_NOT_FINISHED");

        queued.remove(0).run();
        JsonNode finished = body(call(get("/api/audit/replays/" + id), "DISCIPLINE"));
        assertThat(finished.get("state").asText()).isEqualTo("FINISHED");
        assertThat(finished.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(finished.get("differences").asLong()).isEqualTo(1);
        JsonNode differences = body(call(get("/api/audit/replays/" + id + "/differences"), "DISCIPLINE"));
        JsonNode difference = differences.get("differences").get(0);
        assertThat(difference.get("key").asText()).isEqualTo("m-1");
        assertThat(difference.get("fields").get(0).get("field").asText()).isEqualTo("deadline");
        assertThat(difference.get("fields").get(0).get("live").asText()).isEqualTo("2099-01-01");
        assertThat(difference.get("fields").get(0).get("shadow").asText()).isEqualTo("2023-04-28");

        JsonNode switched = body(call(post("/api/audit/replays/" + id + "/switch-over"), "DISCIPLINE"));
        assertThat(switched.get("state").asText()).isEqualTo("SWITCHED_OVER");
        assertThat(LedgerItemDocuments.fromDocument(ledger.live().find(Filters.eq("_id", "m-1")).first()).deadline())
                .isEqualTo(LocalDate.parse("2023-04-28"));
    }

    @Test
    void refusals() throws Exception {
        long live = ledger.live().countDocuments();
        assertRefused(post("/api/audit/replays").contentType(MediaType.APPLICATION_JSON).content("{\"projection\":\"nope\"}"),
                404, "UNKNOWN_PROJECTION");
        assertRefused(post("/api/audit/replays").contentType(MediaType.APPLICATION_JSON).content("{}"),
                400, "PROJECTION_REQUIRED");
        assertRefused(get("/api/audit/replays/nope"), 404, "REPLAY_NOT_FOUND");
        assertRefused(post("/api/audit/replays/nope/switch-over"), 404, "REPLAY_NOT_FOUND");
        for (String role : new String[] {"DEPT_LIAISON", "DEPT_HEAD", "CADRE", "ORG_DEPT"}) {
            MvcResult refused = call(post("/api/audit/replays").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"projection\":\"ledger\"}"), role);
            assertThat(refused.getResponse().getStatus()).isEqualTo(403);
            assertThat(body(refused).get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        }
        assertThat(queued).isEmpty();
        assertThat(store.database.getCollection(Replays.REPLAYS).countDocuments()).isZero();
        assertThat(ledger.live().countDocuments()).isEqualTo(live);
    }

    private void assertRefused(org.springframework.test.web.servlet.RequestBuilder request, int status, String code)
            throws Exception {
        MvcResult refused = call(request, "DISCIPLINE");
        assertThat(refused.getResponse().getStatus()).isEqualTo(status);
        assertThat(body(refused).get("code").asText()).isEqualTo(code);
        assertThat(body(refused).get("message").asText()).isNotBlank();
    }

    private MvcResult call(org.springframework.test.web.servlet.RequestBuilder request, String role) throws Exception {
        var builder = (org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request;
        return mvc.perform(builder.header("X-Test-Roles", role).header("X-Test-Department", "JW")).andReturn();
    }

    private static JsonNode body(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
