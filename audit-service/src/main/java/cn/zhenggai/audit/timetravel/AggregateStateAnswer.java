package cn.zhenggai.audit.timetravel;

import java.util.Map;

/**
 * The answer of {@code GET /api/audit/aggregates/{id}/state}: the instant and time asked about, the aggregate, its
 * kind ({@code ITEM}, {@code REPORT}, {@code OTHER}), how many of its events count, and its folded state (an item's
 * in the ledger's stored shape, a report's or other's as folded: documents, kept as maps).
 */
public record AggregateStateAnswer(String asOf, String time, String aggregateId, String kind, int events,
                                   Map<String, Object> state) {

    static AggregateStateAnswer of(String asOf, String time, TimeTravel.AggregateState found) {
        return new AggregateStateAnswer(asOf, time, found.aggregateId(), found.kind(), found.events(), found.state());
    }
}
