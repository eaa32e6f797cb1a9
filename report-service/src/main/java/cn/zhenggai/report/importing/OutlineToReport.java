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
 * settled here and said in {@code warnings}, and as {@link ImportWarningCode}s: problems without a theme, numbering
 * repeated within a theme, groups without items, and which root causes the measures answer (by position when there
 * are as many of each).
 */
final class OutlineToReport {

    static final String NO_THEME = "未分方面";

    /**
     * @param command  the one command that creates the draft
     * @param warnings the outline's warnings, then what the import settled, in Chinese
     * @param settled  what the import settled, as codes ({@code warnings} ends with their sentences)
     */
    record Mapped(ImportReport command, List<String> warnings, List<ImportWarning> settled) {
    }

    private OutlineToReport() {
    }

    /**
     * Warnings for problem themes that are not among the meeting's themes (compared without 方面, punctuation and
     * spaces; a theme heading that contains the meeting's theme, or the reverse, matches).
     */
    static List<String> themesOutsideMeeting(List<ImportReport.ProblemDraft> problems, List<String> meetingThemes) {
        return themesOutsideMeetingCodes(problems, meetingThemes).stream().map(ImportWarning::text).toList();
    }

    /** {@link #themesOutsideMeeting} as codes ({@link ImportWarningCode#THEME_OUTSIDE_MEETING}). */
    static List<ImportWarning> themesOutsideMeetingCodes(List<ImportReport.ProblemDraft> problems,
                                                         List<String> meetingThemes) {
        List<String> normalized = meetingThemes.stream().map(OutlineToReport::normalize).toList();
        List<ImportWarning> warnings = new ArrayList<>();
        problems.stream().map(ImportReport.ProblemDraft::theme).distinct().forEach(theme -> {
            String t = normalize(theme);
            boolean known = normalized.stream().anyMatch(m -> !m.isEmpty() && (t.contains(m) || m.contains(t)));
            if (!known && !theme.equals(NO_THEME)) {
                warnings.add(ImportWarning.of(ImportWarningCode.THEME_OUTSIDE_MEETING, "theme", theme));
            }
        });
        return warnings;
    }

    private static String normalize(String theme) {
        return theme.replaceAll("[\\s\\p{Punct}，。、；：“”‘’（）《》]", "").replaceAll("方面$", "");
    }

    static Mapped map(Outline outline, String reportId, String titleOverride, String meetingId,
                      Commands.SealedMatters personalMatters, Editor editor, Supplier<String> ids) {
        List<ImportWarning> warnings = new ArrayList<>();
        Integer year = outline.year();
        if (year != null && (year < 2000 || year > 2100)) {
            warnings.add(ImportWarning.of(ImportWarningCode.YEAR_IGNORED, "year", year));
            year = null;
        }
        String title = titleOverride != null && !titleOverride.isBlank() ? titleOverride.strip() : outline.title();
        if (title == null || title.isBlank()) {
            title = year == null ? "民主生活会发言提纲" : year + "年度民主生活会发言提纲";
            warnings.add(ImportWarning.of(ImportWarningCode.TITLE_DEFAULTED, "title", title));
        }
        List<Commands.CarryOverGroup> carryOver = new ArrayList<>();
        for (CarryOverGroup group : outline.carryOver()) {
            if (group.items().isEmpty()) {
                warnings.add(ImportWarning.of(ImportWarningCode.CARRY_OVER_GROUP_EMPTY, "heading", group.heading()));
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
                warnings.add(ImportWarning.of(ImportWarningCode.PROBLEM_RENUMBERED, "theme", theme,
                        "ordinal", problem.ordinal(), "renumbered", ordinal));
            }
            problems.add(new ImportReport.ProblemDraft(ids.get(), theme, ordinal, problem.statement(),
                    problem.example()));
        }
        if (problems.stream().anyMatch(p -> p.theme().equals(NO_THEME))) {
            warnings.add(ImportWarning.of(ImportWarningCode.PROBLEMS_UNDER_DEFAULT_THEME, "theme", NO_THEME));
        }
        List<ImportReport.RootCauseDraft> rootCauses = new ArrayList<>();
        for (RootCause cause : outline.rootCauses()) {
            rootCauses.add(new ImportReport.RootCauseDraft(ids.get(), cause.title(), cause.analysis(), List.of()));
        }
        if (!rootCauses.isEmpty() && !problems.isEmpty()) {
            warnings.add(ImportWarning.of(ImportWarningCode.ROOT_CAUSES_NOT_LINKED));
        }
        boolean byPosition = rootCauses.size() == outline.measures().size();
        if (!byPosition && !outline.measures().isEmpty() && !rootCauses.isEmpty()) {
            warnings.add(ImportWarning.of(ImportWarningCode.MEASURES_NOT_LINKED));
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
        List<String> texts = new ArrayList<>(outline.warnings());
        warnings.forEach(w -> texts.add(w.text()));
        return new Mapped(command, List.copyOf(texts), List.copyOf(warnings));
    }
}
