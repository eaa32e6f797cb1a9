package cn.zhenggai.report.meeting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.MeetingConvened;
import cn.zhenggai.contracts.report.MeetingKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A democratic life meeting (民主生活会): organization, year, kind, the notice convening it and its themes. Themes
 * are data: each year's notice words them anew, and a theme may name the earlier years' themes it continues.
 */
@Aggregate
public class Meeting {

    static final int MAX_THEMES = 30;

    @AggregateIdentifier
    private String meetingId;

    protected Meeting() {
        // for Axon
    }

    @CommandHandler
    public Meeting(ConveneMeeting command) {
        if (!command.mayConvene()) {
            throw Refusal.forbidden("FORBIDDEN_ROLE", "只有党委或组织部可以召集民主生活会");
        }
        String organization = require(command.organization(), "ORGANIZATION", "召开单位不能为空", 100);
        if (command.year() < 2000 || command.year() > 2100) {
            throw Refusal.invalid("INVALID_YEAR", "年度不合理：" + command.year());
        }
        MeetingKind kind = MeetingKind.of(command.kind());
        if (kind == null) {
            throw Refusal.invalid("INVALID_KIND", "会议类型应为年度（ANNUAL）或专题（SPECIAL）");
        }
        String title = command.title() == null || command.title().isBlank()
                ? command.year() + (kind == MeetingKind.ANNUAL ? "年度民主生活会" : "年度专题民主生活会")
                : require(command.title(), "TITLE", "", 200);
        String notice = command.notice() == null || command.notice().isBlank() ? null
                : require(command.notice(), "NOTICE", "", 200);
        if (command.themes() == null || command.themes().isEmpty()) {
            throw Refusal.invalid("MISSING_THEMES", "民主生活会至少需要一个主题");
        }
        if (command.themes().size() > MAX_THEMES) {
            throw Refusal.invalid("TOO_MANY_THEMES", "主题过多（最多" + MAX_THEMES + "个）");
        }
        Set<String> names = new HashSet<>();
        List<MeetingConvened.Theme> themes = new ArrayList<>();
        for (ConveneMeeting.ThemeSpec spec : command.themes()) {
            String name = require(spec == null ? null : spec.name(), "THEME", "主题不能为空", 500);
            if (!names.add(name)) {
                throw Refusal.conflict("DUPLICATE_THEME", "主题重复：" + name);
            }
            List<MeetingConvened.EarlierTheme> earlier = new ArrayList<>();
            for (ConveneMeeting.EarlierThemeSpec e : spec.earlier() == null
                    ? List.<ConveneMeeting.EarlierThemeSpec>of() : spec.earlier()) {
                if (e.year() >= command.year() || e.year() < 2000) {
                    throw Refusal.invalid("INVALID_EARLIER_THEME",
                            "对应的往年主题须早于本年度：" + e.year());
                }
                earlier.add(new MeetingConvened.EarlierTheme(e.year(),
                        require(e.name(), "EARLIER_THEME", "往年主题不能为空", 500)));
            }
            themes.add(new MeetingConvened.Theme(name, List.copyOf(earlier)));
        }
        if (command.convenerDept() == null || command.convenerDept().isBlank()) {
            throw Refusal.invalid("DEPARTMENT_REQUIRED", "召集人未归属任何部门");
        }
        apply(new MeetingConvened(command.meetingId(), organization, command.convenerDept(), command.year(),
                kind, title, notice, List.copyOf(themes)));
    }

    @EventSourcingHandler
    void on(MeetingConvened event) {
        meetingId = event.meetingId();
    }

    private static String require(String value, String field, String message, int max) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("MISSING_" + field, message);
        }
        if (value.length() > max) {
            throw Refusal.invalid("TOO_LONG_" + field, "内容过长（最多" + max + "字）");
        }
        return value.strip();
    }
}
