package cn.zhenggai.report.importing;

import cn.zhenggai.outline.Action;
import cn.zhenggai.outline.CarryOverGroup;
import cn.zhenggai.outline.Measure;
import cn.zhenggai.outline.Outline;
import cn.zhenggai.outline.Problem;
import cn.zhenggai.outline.RootCause;
import cn.zhenggai.report.drafting.Commands;
import cn.zhenggai.report.drafting.Editor;
import cn.zhenggai.report.drafting.ImportReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a parsed outline into the one command that creates the draft report. What the outline leaves open is
 * settled here and said in {@code warnings}: problems without a theme, numbering repeated within a theme, groups
 * without items, and which root causes the measures answer (by position when there are as many of each).
 */
final class OutlineToReport {

    static final String NO_THEME = "未分方面";

    record Mapped(ImportReport command, List<String> warnings) {
    }

    private OutlineToReport() {
    }

    /**
     * Warnings for problem themes that are not among the meeting's themes (compared without 方面, punctuation and
     * spaces; a theme heading that contains the meeting's theme, or the reverse, matches).
     */
    static List<String> themesOutsideMeeting(List<ImportReport.ProblemDraft> problems, List<String> meetingThemes) {
        List<String> normalized = meetingThemes.stream().map(OutlineToReport::normalize).toList();
        List<String> warnings = new ArrayList<>();
        problems.stream().map(ImportReport.ProblemDraft::theme).distinct().forEach(theme -> {
            String t = normalize(theme);
            boolean known = normalized.stream().anyMatch(m -> !m.isEmpty() && (t.contains(m) || m.contains(t)));
            if (!known && !theme.equals(NO_THEME)) {
                warnings.add("问题所属方面“" + theme + "”不在本次民主生活会的主题中");
            }
        });
        return warnings;
    }

    private static String normalize(String theme) {
        return theme.replaceAll("[\\s\\p{Punct}，。、；：“”‘’（）《》]", "").replaceAll("方面$", "");
    }

    static Mapped map(Outline outline, String reportId, String titleOverride, String meetingId,
                      Commands.SealedMatters personalMatters, Editor editor, Supplier<String> ids) {
        List<String> warnings = new ArrayList<>(outline.warnings());
        Integer year = outline.year();
        if (year != null && (year < 2000 || year > 2100)) {
            warnings.add("年度“" + year + "”不合理，已忽略");
            year = null;
        }
        String title = titleOverride != null && !titleOverride.isBlank() ? titleOverride.strip() : outline.title();
        if (title == null || title.isBlank()) {
            title = year == null ? "民主生活会发言提纲" : year + "年度民主生活会发言提纲";
            warnings.add("未识别出标题，已使用“" + title + "”");
        }
        List<Commands.CarryOverGroup> carryOver = new ArrayList<>();
        for (CarryOverGroup group : outline.carryOver()) {
            if (group.items().isEmpty()) {
                warnings.add("整改落实情况“" + group.heading() + "”下没有具体条目，未导入");
                continue;
            }
            carryOver.add(new Commands.CarryOverGroup(group.heading(), group.theme(), group.items()));
        }
        List<ImportReport.ProblemDraft> problems = new ArrayList<>();
        Map<String, Integer> lastOrdinal = new HashMap<>();
        for (Problem problem : outline.problems()) {
            String theme = problem.theme() == null || problem.theme().isBlank() ? NO_THEME : problem.theme();
            int ordinal = lastOrdinal.merge(theme, 1, Integer::sum);
            if (ordinal != problem.ordinal()) {
                warnings.add("“" + theme + "”下第" + problem.ordinal() + "个问题的序号重复或跳号，已按顺序编为第" + ordinal + "个");
            }
            problems.add(new ImportReport.ProblemDraft(ids.get(), theme, ordinal, problem.statement(),
                    problem.example()));
        }
        if (problems.stream().anyMatch(p -> p.theme().equals(NO_THEME))) {
            warnings.add("部分问题未归入任何方面，已归入“" + NO_THEME + "”");
        }
        List<ImportReport.RootCauseDraft> rootCauses = new ArrayList<>();
        for (RootCause cause : outline.rootCauses()) {
            rootCauses.add(new ImportReport.RootCauseDraft(ids.get(), cause.title(), cause.analysis(), List.of()));
        }
        if (!rootCauses.isEmpty() && !problems.isEmpty()) {
            warnings.add("根源与问题的对应关系未写明，请在报告中关联");
        }
        boolean byPosition = rootCauses.size() == outline.measures().size();
        if (!byPosition && !outline.measures().isEmpty() && !rootCauses.isEmpty()) {
            warnings.add("整改措施与根源数量不同，措施未关联根源，请在报告中关联");
        }
        List<ImportReport.MeasureWithId> measures = new ArrayList<>();
        for (int i = 0; i < outline.measures().size(); i++) {
            Measure m = outline.measures().get(i);
            List<Commands.ActionDraft> actions = new ArrayList<>();
            for (Action action : m.actions()) {
                actions.add(new Commands.ActionDraft(action.text(),
                        action.deadline() == null ? null : action.deadline().toString(), action.deadlineText()));
            }
            List<String> links = byPosition ? List.of(rootCauses.get(i).rootCauseId()) : List.of();
            measures.add(new ImportReport.MeasureWithId(ids.get(), new Commands.MeasureDraft(m.title(), m.content(),
                    actions, m.deadline() == null ? null : m.deadline().toString(), m.deadlineText(), m.owner(),
                    m.leadDepartment(), m.cooperatingDepartments(), links)));
        }
        ImportReport command = new ImportReport(reportId, title, year, meetingId, outline.notice(), carryOver,
                problems, outline.cleanAreas(), rootCauses, personalMatters, measures, editor);
        return new Mapped(command, List.copyOf(warnings));
    }
}
