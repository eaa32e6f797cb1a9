package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.Map;

/** Facts for tests, payloads written as JSON. */
final class Facts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Facts() {
    }

    @SuppressWarnings("unchecked")
    static Fact fact(String aggregateId, long sequence, String type, String at, String actor, String json) {
        try {
            Map<String, Object> payload = JSON.readValue(json, Map.class);
            return new Fact(aggregateId + "-" + sequence, sequence + 1, type, aggregateId, sequence, Instant.parse(at),
                    actor, (String) payload.get("department"), payload);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The item event of a fact, read as the audit log's record of it would be. */
    static AuditEvents.ItemEvent event(Fact fact) {
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("_id", fact.eventId());
        record.put("type", fact.type());
        record.put("aggregateId", fact.aggregateId());
        record.put("sequence", fact.sequence());
        record.put("timestamp", java.util.Date.from(fact.timestamp()));
        record.put("actor", fact.actor());
        record.put("payload", fact.payload());
        record.put("position", fact.position());
        return AuditEvents.itemEvent(record).orElseThrow();
    }

    /** The item after the facts (any order), by the one fold; null when not planned. */
    static LedgerItem fold(java.util.List<Fact> facts) {
        return LedgerItems.fold(facts.stream().map(f -> event(f).step()).toList());
    }

    static Fact planned(String id, long seq, String at, String department) {
        return fact(id, seq, "MeasurePlanned", at, "system", """
                {"measureId":"%s","department":"%s","source":"REPORT","reportId":"r1","reportMeasureId":"m1",
                 "reportDepartment":"%s","author":"cadre-1","year":2022,"ordinal":1,"title":"强化理论武装",
                 "content":"每月集中学习","actions":[],"proposedDeadline":"2023-06-30","deadlineText":"2023年6月底前",
                 "proposedOwner":"张三","proposedLeadDepartment":"%s","cooperatingDepartments":["ZZB"],
                 "rootCauseIds":[],"problems":[{"problemId":"p1","theme":"政治","ordinal":1,"statement":"学习不深"},
                 {"problemId":"p2","theme":"政治","ordinal":2,"statement":"联系实际不够"}]}
                """.formatted(id, department, department, department));
    }

    static Fact assigned(String id, long seq, String at, String department, String owner, String deadline) {
        return fact(id, seq, "MeasureAssigned", at, "head-1", """
                {"measureId":"%s","department":"%s","leadDepartment":"%s","cooperatingDepartments":["ZZB"],
                 "owner":"%s","deadline":"%s","longTerm":false,"reviewPeriodMonths":null,"assignedBy":"head-1"}
                """.formatted(id, department, department, owner, deadline));
    }
}
