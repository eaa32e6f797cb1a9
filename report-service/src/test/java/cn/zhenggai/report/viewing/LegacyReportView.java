package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.CleanAreasDeclared;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.PersonalMattersRead;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDelegationGranted;
import cn.zhenggai.contracts.report.ReportDelegationRevoked;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference only: the report detail view as it was folded by hand before ADR 0095 (commit 8a2ef3f), kept in the
 * tests so that the typed fold is checked to serve the same JSON. Not used by the service.
 */
final class LegacyReportView {

    public String reportId;
    public String title;
    public Integer year;
    public String author;
    public String department;
    public String meetingId;
    public String notice;
    public String status = "DRAFT";
    public int round;
    public List<String> returnReasons = List.of();
    /** colleagues the author let edit and submit the report, in the order granted */
    public final java.util.Set<String> delegates = new java.util.LinkedHashSet<>();
    public List<CarryOverStated.Group> carryOver = List.of();
    public final Map<String, ProblemView> problems = new LinkedHashMap<>();
    public List<String> cleanAreas = List.of();
    public final List<RootCauseAnalyzed> rootCauses = new ArrayList<>();
    public final List<MeasureProposed> measures = new ArrayList<>();
    public boolean personalMattersDeclared;
    public int personalMattersReads;
    public long version = -1;
    public Instant updatedAt;
    /** the latest declaration (sealed), for the confidential read; never serialized to callers */
    private transient PersonalMattersDeclared sealedPersonalMatters;

    public record ProblemView(String problemId, String theme, int ordinal, String statement, String example) {
    }

    /** Applies one event; unknown events are ignored. */
    public LegacyReportView apply(Object event, long sequence, Instant timestamp) {
        version = sequence;
        updatedAt = timestamp;
        if (event instanceof ReportDrafted e) {
            reportId = e.reportId();
            title = e.title();
            year = e.year();
            author = e.author();
            department = e.department();
        } else if (event instanceof MeetingReferenced e) {
            meetingId = e.meetingId();
            notice = e.notice();
        } else if (event instanceof CarryOverStated e) {
            carryOver = e.groups();
        } else if (event instanceof ProblemIdentified e) {
            problems.put(e.problemId(), new ProblemView(e.problemId(), e.theme(), e.ordinal(), e.statement(),
                    e.example()));
        } else if (event instanceof ProblemRevised e) {
            problems.put(e.problemId(), new ProblemView(e.problemId(), e.theme(), e.ordinal(), e.statement(),
                    e.example()));
        } else if (event instanceof ProblemWithdrawn e) {
            problems.remove(e.problemId());
        } else if (event instanceof CleanAreasDeclared e) {
            cleanAreas = e.areas();
        } else if (event instanceof RootCauseAnalyzed e) {
            replaceOrAdd(rootCauses, e, r -> r.rootCauseId().equals(e.rootCauseId()));
        } else if (event instanceof MeasureProposed e) {
            replaceOrAdd(measures, e, m -> m.measureId().equals(e.measureId()));
        } else if (event instanceof PersonalMattersDeclared e) {
            personalMattersDeclared = true;
            sealedPersonalMatters = e;
        } else if (event instanceof PersonalMattersRead) {
            personalMattersReads++;
        } else if (event instanceof ReportDelegationGranted e) {
            delegates.add(e.delegate());
        } else if (event instanceof ReportDelegationRevoked e) {
            delegates.remove(e.delegate());
        } else if (event instanceof ReportSubmitted e) {
            status = "SUBMITTED";
            round = e.round();
        } else if (event instanceof ReportReturned e) {
            status = "RETURNED";
            returnReasons = e.reasons();
        } else if (event instanceof ReportAccepted) {
            status = "ACCEPTED";
        }
        return this;
    }

    private static <T> void replaceOrAdd(List<T> list, T item, java.util.function.Predicate<T> same) {
        for (int i = 0; i < list.size(); i++) {
            if (same.test(list.get(i))) {
                list.set(i, item);
                return;
            }
        }
        list.add(item);
    }

    public PersonalMattersDeclared sealedPersonalMatters() {
        return sealedPersonalMatters;
    }

    /** Problems grouped by theme, in the order themes first appear, each group ordered by ordinal. */
    public Map<String, List<ProblemView>> problemsByTheme() {
        Map<String, List<ProblemView>> byTheme = new LinkedHashMap<>();
        problems.values().forEach(p -> byTheme.computeIfAbsent(p.theme(), t -> new ArrayList<>()).add(p));
        byTheme.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(ProblemView::ordinal)));
        return byTheme;
    }

    /** The view as JSON-ready maps for the detail query. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reportId", reportId);
        map.put("title", title);
        map.put("year", year);
        map.put("author", author);
        map.put("department", department);
        map.put("meetingId", meetingId);
        map.put("notice", notice);
        map.put("status", status);
        map.put("round", round);
        map.put("returnReasons", returnReasons);
        map.put("delegates", List.copyOf(delegates));
        map.put("carryOver", carryOver);
        map.put("problems", List.copyOf(problems.values()));
        map.put("cleanAreas", cleanAreas);
        map.put("rootCauses", rootCauses.stream().map(r -> Map.of("rootCauseId", r.rootCauseId(),
                "ordinal", r.ordinal(), "title", r.title(), "analysis", r.analysis(), "problemIds",
                r.problemIds())).toList());
        map.put("measures", measures.stream().map(LegacyReportView::measureMap).toList());
        map.put("personalMattersDeclared", personalMattersDeclared);
        map.put("version", version);
        map.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
        return map;
    }

    private static Map<String, Object> measureMap(MeasureProposed m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("measureId", m.measureId());
        map.put("ordinal", m.ordinal());
        map.put("title", m.title());
        map.put("content", m.content());
        map.put("actions", m.actions());
        map.put("deadline", m.deadline());
        map.put("deadlineText", m.deadlineText());
        map.put("owner", m.owner());
        map.put("leadDepartment", m.leadDepartment());
        map.put("cooperatingDepartments", m.cooperatingDepartments());
        map.put("rootCauseIds", m.rootCauseIds());
        return map;
    }
}
