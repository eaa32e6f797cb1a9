package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.reportview.ReportState;
import cn.zhenggai.contracts.reportview.ReportStates;
import cn.zhenggai.testsupport.reports.ReportHistories;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random valid report histories (seeded, every report event type, redelivered and re-logged duplicates, any order in
 * the log): the aggregate-state document of a report at every instant is the pure fold, and is, key for key and in
 * the same order, the document audit-service wrote before ADR 0095.
 */
class ReportFoldPropertyTest {

    private static final int HISTORIES = 150;

    @SuppressWarnings("unchecked")
    private static Fact fact(ReportHistories.Step s, long position) {
        Map<String, Object> payload = EnvelopeCodec.mapper().convertValue(s.event(), Map.class);
        return new Fact(s.eventId(), position, EventTypes.nameOf(s.event().getClass()),
                (String) payload.get("reportId"), s.sequence(), s.at(), s.actor(), (String) payload.get("department"), payload);
    }

    @Test
    void theStateAtEveryInstantIsThePureFoldAndTheDocumentItAlwaysWas() throws Exception {
        for (long seed = 0; seed < HISTORIES; seed++) {
            List<ReportHistories.Step> history = ReportHistories.history("r-" + seed, seed);
            List<Fact> log = new ArrayList<>();
            long position = 1;
            for (ReportHistories.Step d : ReportHistories.deliveries(history, seed)) {
                log.add(fact(d, position++));
            }
            List<Fact> shuffled = new ArrayList<>(log);
            Collections.shuffle(shuffled, new Random(seed));
            for (int k = 1; k <= history.size(); k++) {
                long upTo = history.get(k - 1).sequence();
                List<Fact> asOf = shuffled.stream().filter(f -> f.sequence() <= upTo).toList();
                Map<String, Object> now = ReportFold.fold(asOf);
                assertThat(EnvelopeCodec.mapper().writeValueAsString(now)).as("seed %d up to %d", seed, upTo)
                        .isEqualTo(EnvelopeCodec.mapper().writeValueAsString(LegacyReportFold.fold(asOf)));

                List<ReportStates.Step> steps = history.subList(0, k).stream().map(s -> new ReportStates.Step(
                        s.event(), new EventMeta(s.eventId(), s.sequence(), s.at(), null, s.actor()))).toList();
                ReportState pure = ReportStates.fold(steps);
                assertThat(now.get("status")).isEqualTo(pure.status().name());
                assertThat(now.get("events")).isEqualTo(pure.events());
                assertThat(now.get("lastSequence")).isEqualTo(pure.lastSequence());
                assertThat(now.get("updatedAt")).isEqualTo(pure.updatedAt().toString());
                assertThat((List<?>) now.get("problems")).hasSize(pure.problems().size());
                assertThat(now.get("delegates")).isEqualTo(pure.delegates());
            }
            assertThat(ReportFold.fold(log).toString()).doesNotContain("c2VhbGVk");
        }
    }
}
