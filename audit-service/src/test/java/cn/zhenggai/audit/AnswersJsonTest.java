package cn.zhenggai.audit;

import cn.zhenggai.audit.replay.ReplayDifferences;
import cn.zhenggai.audit.replay.ReplayProgress;
import cn.zhenggai.audit.timetravel.AggregateStateAnswer;
import cn.zhenggai.audit.timetravel.LedgerAnswer;
import cn.zhenggai.audit.timetravel.LedgerDiff;
import cn.zhenggai.audit.timetravel.LedgerDiffAnswer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers that were maps are records (ADR 0106): written by Spring's Jackson, they are the JSON the maps were,
 * key for key, in the same order, with the same nulls (the expected texts are what the maps wrote).
 */
class AnswersJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aReplaysProgressAndDifferences() {
        ReplayProgress running = new ReplayProgress("r-1", "ledger", "RUNNING", 3, 6, 50.0, 12, 1, 6L, null, null,
                "ledger_shadow_r", "ledger", "2026-12-03T10:00:00Z", null, null, null);
        assertThat(JSON.writeValueAsString(running)).isEqualTo("{\"id\":\"r-1\",\"projection\":\"ledger\","
                + "\"state\":\"RUNNING\",\"done\":3,\"total\":6,\"percent\":50.0,\"eventsPerSecond\":12,"
                + "\"secondsLeft\":1,\"upToPosition\":6,\"comparedAtPosition\":null,\"differences\":null,"
                + "\"shadowCollection\":\"ledger_shadow_r\",\"liveCollection\":\"ledger\","
                + "\"startedAt\":\"2026-12-03T10:00:00Z\",\"finishedAt\":null,\"switchedOverAt\":null,\"error\":null}");
        ReplayDifferences differences = new ReplayDifferences("r-1", "FINISHED", 1L, 1, List.of(
                new ReplayDifferences.Difference("m-4", "DIFFERENT", List.of(new Document("field", "status")
                        .append("live", "IN_PROGRESS").append("shadow", "VERIFIED")))));
        assertThat(JSON.writeValueAsString(differences)).isEqualTo("{\"id\":\"r-1\",\"state\":\"FINISHED\","
                + "\"total\":1,\"count\":1,\"differences\":[{\"key\":\"m-4\",\"kind\":\"DIFFERENT\",\"fields\":"
                + "[{\"field\":\"status\",\"live\":\"IN_PROGRESS\",\"shadow\":\"VERIFIED\"}]}]}");
    }

    @Test
    void aStateALedgerAndADifference() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", "DRAFT");
        state.put("department", null);
        assertThat(JSON.writeValueAsString(new AggregateStateAnswer("2026-12-03T10:00:00Z", "effective", "r1",
                "REPORT", 2, state))).isEqualTo("{\"asOf\":\"2026-12-03T10:00:00Z\",\"time\":\"effective\","
                + "\"aggregateId\":\"r1\",\"kind\":\"REPORT\",\"events\":2,"
                + "\"state\":{\"status\":\"DRAFT\",\"department\":null}}");
        assertThat(JSON.writeValueAsString(new LedgerAnswer("XZSPJ", "2026-12-03T10:00:00Z", "recorded", 0,
                List.of()))).isEqualTo("{\"department\":\"XZSPJ\",\"asOf\":\"2026-12-03T10:00:00Z\","
                + "\"time\":\"recorded\",\"count\":0,\"rows\":[]}");

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "MeasureAssigned");
        LedgerDiff.Changes changes = new LedgerDiff.Changes(new LedgerDiff.Counts(0, 1, 1, 0, 0, 0, 0, 0, 1),
                List.of(), List.of(new LedgerDiff.NewProblem(null, "理论学习", 1, "不够深入",
                new ArrayList<>(List.of("a", "b")), null)),
                List.of(new LedgerDiff.Change("a", "学习", "status", "IN_PROGRESS", "VERIFIED", event)),
                List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new LedgerDiff.RemovedItem("c", "整改", null, null, null)));
        assertThat(JSON.writeValueAsString(new LedgerDiffAnswer("XZSPJ", "2026-01-01T00:00:00Z",
                "2026-12-03T10:00:00Z", "effective", changes))).isEqualTo("{\"department\":\"XZSPJ\","
                + "\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-12-03T10:00:00Z\",\"time\":\"effective\","
                + "\"counts\":{\"newItems\":0,\"newProblems\":1,\"statusChanges\":1,\"deadlineChanges\":0,"
                + "\"closures\":0,\"becameOverdue\":0,\"ownerChanges\":0,\"colourChanges\":0,\"removedItems\":1},"
                + "\"newItems\":[],\"newProblems\":[{\"problemId\":null,\"theme\":\"理论学习\",\"ordinal\":1,"
                + "\"statement\":\"不够深入\",\"measureIds\":[\"a\",\"b\"],\"event\":null}],"
                + "\"statusChanges\":[{\"measureId\":\"a\",\"title\":\"学习\",\"field\":\"status\","
                + "\"before\":\"IN_PROGRESS\",\"after\":\"VERIFIED\",\"event\":{\"type\":\"MeasureAssigned\"}}],"
                + "\"deadlineChanges\":[],\"closures\":[],\"becameOverdue\":[],\"ownerChanges\":[],"
                + "\"colourChanges\":[],\"removedItems\":[{\"measureId\":\"c\",\"title\":\"整改\",\"before\":null,"
                + "\"leadDepartmentNow\":null,\"event\":null}]}");
    }
}
