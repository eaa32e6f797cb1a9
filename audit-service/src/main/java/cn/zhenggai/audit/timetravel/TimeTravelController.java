package cn.zhenggai.audit.timetravel;

import cn.zhenggai.audit.access.AuditAccess;
import cn.zhenggai.audit.access.KnownDepartments;
import cn.zhenggai.audit.access.Params;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time travel over HTTP (discipline inspection and the party committee only):
 * {@code GET /api/audit/aggregates/{id}/state?asOf=}, {@code GET /api/audit/ledger?department=&asOf=} and
 * {@code GET /api/audit/ledger/diff?department=&from=&to=}. Without {@code asOf} (or {@code asOf=now}): now.
 */
@RestController
public class TimeTravelController {

    private final TimeTravel timeTravel;
    private final KnownDepartments departments;

    public TimeTravelController(TimeTravel timeTravel, KnownDepartments departments) {
        this.timeTravel = timeTravel;
        this.departments = departments;
    }

    @GetMapping("/api/audit/aggregates/{aggregateId}/state")
    public Map<String, Object> state(@PathVariable String aggregateId, @RequestParam(required = false) String asOf,
                                     Caller caller) {
        AuditAccess.requireAuditor(caller);
        Instant at = instant("asOf", asOf);
        List<Fact> facts = timeTravel.factsOf(aggregateId, at);
        Map<String, Object> body = timeTravel.stateOf(aggregateId, facts);
        @SuppressWarnings("unchecked")
        Map<String, Object> state = body == null ? null : (Map<String, Object>) body.get("state");
        AuditAccess.requireAggregate(caller, state == null ? null : departmentsOf(state, facts), () ->
                ApiException.notFound("AGGREGATE_NOT_FOUND", "截至 " + at + " 审计日志中没有该对象的记录：" + aggregateId));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("asOf", at.toString());
        answer.putAll(body);
        return answer;
    }

    @GetMapping("/api/audit/ledger")
    public Map<String, Object> ledger(@RequestParam(required = false) String department,
                                      @RequestParam(required = false) String asOf, Caller caller) {
        AuditAccess.requireAuditor(caller);
        Instant at = instant("asOf", asOf);
        String scope = scope(department, caller);
        List<Map<String, Object>> rows = timeTravel.ledger(scope, at);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("department", scope);
        body.put("asOf", at.toString());
        body.put("count", rows.size());
        body.put("rows", rows);
        return body;
    }

    @GetMapping("/api/audit/ledger/diff")
    public Map<String, Object> diff(@RequestParam(required = false) String department,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, Caller caller) {
        AuditAccess.requireAuditor(caller);
        if (from == null || from.isBlank()) {
            throw ApiException.badRequest("BAD_DATE", "请指定起始日期 from（ISO-8601）");
        }
        Instant start = Params.asOf("from", from);
        Instant end = instant("to", to);
        Params.range(start, end);
        String scope = scope(department, caller);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("department", scope);
        body.put("from", start.toString());
        body.put("to", end.toString());
        body.putAll(timeTravel.diff(scope, start, end));
        return body;
    }

    private String scope(String department, Caller caller) {
        String scope = department == null || department.isBlank() ? caller.department() : department.strip();
        if (scope == null) {
            throw ApiException.badRequest("MISSING_DEPARTMENT", "请指定部门");
        }
        AuditAccess.requireScope(caller, scope);
        return departments.require(scope);
    }

    private static Instant instant(String name, String value) {
        Instant at = Params.asOf(name, value);
        return at == null ? Instant.now() : at;
    }

    /** The departments the aggregate belonged to at that time: lead and cooperating ones, or the report's. */
    private static List<String> departmentsOf(Map<String, Object> state, List<Fact> facts) {
        List<String> codes = new ArrayList<>();
        if (state.get("leadDepartment") instanceof String lead) {
            codes.add(lead);
        }
        if (state.get("cooperatingDepartments") instanceof List<?> cooperating) {
            cooperating.forEach(c -> codes.add(String.valueOf(c)));
        }
        if (codes.isEmpty() && state.get("department") instanceof String own) {
            codes.add(own);
        }
        if (codes.isEmpty()) {
            Fact.ordered(facts).stream().map(Fact::department).filter(d -> d != null).findFirst().ifPresent(codes::add);
        }
        return codes;
    }

    @Configuration
    static class Wiring {
        @Bean
        TimeTravel timeTravel(AuditLog log) {
            return new TimeTravel(log);
        }

        @Bean
        KnownDepartments knownDepartments(AuditLog log, @Value("${zhenggai.departments:}") String spec) {
            return new KnownDepartments(spec, log::hasDepartment);
        }
    }
}
