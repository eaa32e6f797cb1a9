package cn.zhenggai.audit.timetravel;

import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.audit.access.AuditAccess;
import cn.zhenggai.audit.access.KnownDepartments;
import cn.zhenggai.audit.access.Params;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.contracts.refusal.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Time travel over HTTP (discipline inspection and the party committee only):
 * {@code GET /api/audit/aggregates/{id}/state?asOf=}, {@code GET /api/audit/ledger?department=&asOf=} and
 * {@code GET /api/audit/ledger/diff?department=&from=&to=}, each with {@code time=effective} (default) or
 * {@code recorded} (ADR 0090, 0092). Without {@code asOf} (or {@code asOf=now}): now.
 */
@RestController
public class TimeTravelController {

    private final TimeTravel timeTravel;
    private final KnownDepartments departments;

    public TimeTravelController(TimeTravel timeTravel, KnownDepartments departments) {
        this.timeTravel = timeTravel;
        this.departments = departments;
    }

    @ErrorCodes(badRequest = {"BAD_TIME", "BAD_DATE", "FUTURE_DATE", "BEFORE_FIRST_EVENT"},
            forbidden = "FORBIDDEN_ROLE", notFound = "AGGREGATE_NOT_FOUND")
    @GetMapping("/api/audit/aggregates/{aggregateId}/state")
    public AggregateStateAnswer state(@PathVariable String aggregateId, @RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) String time, Caller caller) {
        AuditAccess.requireAuditor(caller);
        TimeAxis axis = TimeAxis.parse(time);
        Instant at = instant("asOf", asOf, axis, true);
        TimeTravel.AggregateState found = timeTravel.stateOf(aggregateId, at, axis);
        AuditAccess.requireAggregate(caller, found == null ? null : found.departments(), () ->
                Refusal.notFound("AGGREGATE_NOT_FOUND", "截至 " + at + " 审计日志中没有该对象的记录：" + aggregateId));
        return AggregateStateAnswer.of(at.toString(), axis.wire(), found);
    }

    @ErrorCodes(badRequest = {"BAD_TIME", "BAD_DATE", "FUTURE_DATE", "BEFORE_FIRST_EVENT", "MISSING_DEPARTMENT"},
            forbidden = {"FORBIDDEN_ROLE", "FORBIDDEN_DEPARTMENT"}, notFound = "UNKNOWN_DEPARTMENT")
    @GetMapping("/api/audit/ledger")
    public LedgerAnswer ledger(@RequestParam(required = false) String department,
                               @RequestParam(required = false) String asOf,
                               @RequestParam(required = false) String time, Caller caller) {
        AuditAccess.requireAuditor(caller);
        TimeAxis axis = TimeAxis.parse(time);
        Instant at = instant("asOf", asOf, axis, true);
        String scope = scope(department, caller);
        List<LedgerRow> rows = timeTravel.ledger(scope, at, axis);
        return new LedgerAnswer(scope, at.toString(), axis.wire(), rows.size(), rows);
    }

    @ErrorCodes(badRequest = {"BAD_TIME", "BAD_DATE", "BAD_RANGE", "FUTURE_DATE", "BEFORE_FIRST_EVENT",
            "MISSING_DEPARTMENT"},
            forbidden = {"FORBIDDEN_ROLE", "FORBIDDEN_DEPARTMENT"}, notFound = "UNKNOWN_DEPARTMENT")
    @GetMapping("/api/audit/ledger/diff")
    public LedgerDiffAnswer diff(@RequestParam(required = false) String department,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String time, Caller caller) {
        AuditAccess.requireAuditor(caller);
        TimeAxis axis = TimeAxis.parse(time);
        if (from == null || from.isBlank()) {
            throw Refusal.invalid("BAD_DATE", "请指定起始日期 from（ISO-8601）");
        }
        // a difference may start before the first record (everything is new since then), not end before it
        Instant start = instant("from", from, axis, false);
        Instant end = instant("to", to, axis, true);
        Params.range(start, end);
        String scope = scope(department, caller);
        return new LedgerDiffAnswer(scope, start.toString(), end.toString(), axis.wire(),
                timeTravel.diff(scope, start, end, axis));
    }

    private String scope(String department, Caller caller) {
        String scope = department == null || department.isBlank() ? caller.department() : department.strip();
        if (scope == null) {
            throw Refusal.invalid("MISSING_DEPARTMENT", "请指定部门");
        }
        AuditAccess.requireScope(caller, scope);
        return departments.require(scope);
    }

    /**
     * The instant of a parameter, now when absent. Refused: not a date ({@code BAD_DATE}), after today
     * ({@code FUTURE_DATE}: a day given as today means the end of today, which is allowed) and, when
     * {@code notBeforeFirst}, before the log's first record on that time ({@code BEFORE_FIRST_EVENT}).
     */
    private Instant instant(String name, String value, TimeAxis axis, boolean notBeforeFirst) {
        Instant at = Params.asOf(name, value);
        if (at == null) {
            return Instant.now();
        }
        Instant endOfToday = LocalDate.now(Params.ZONE).plusDays(1).atStartOfDay(Params.ZONE).toInstant();
        if (!at.isBefore(endOfToday)) {
            throw Refusal.invalid("FUTURE_DATE", name + " 晚于今天，不能查询未来：" + value);
        }
        Instant first = timeTravel.firstEvent(axis);
        if (notBeforeFirst && first != null && at.isBefore(first)) {
            throw Refusal.invalid("BEFORE_FIRST_EVENT", name + " 早于审计日志中的第一条记录（"
                    + (axis == TimeAxis.RECORDED ? "记录于 " : "生效于 ") + first + "），那时还没有任何记录：" + value);
        }
        return at;
    }

    @Configuration
    static class Wiring {
        @Bean
        ItemIndex itemIndex(AuditLog log) {
            return ItemIndex.loaded(log);
        }

        @Bean
        TimeTravel timeTravel(AuditLog log, ItemIndex index) {
            return new TimeTravel(log, index);
        }

        @Bean
        KnownDepartments knownDepartments(AuditLog log, @Value("${zhenggai.departments:}") String spec) {
            return new KnownDepartments(spec, log::hasDepartment);
        }
    }
}
