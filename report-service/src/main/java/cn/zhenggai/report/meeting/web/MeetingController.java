package cn.zhenggai.report.meeting.web;

import cn.zhenggai.contracts.report.MeetingConvened;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.report.meeting.ConveneMeeting;
import cn.zhenggai.report.viewing.Meetings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Meetings over HTTP: {@code /api/meetings}. */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    private final CommandSender commands;
    private final Meetings meetings;

    MeetingController(CommandSender commands, Meetings meetings) {
        this.commands = commands;
        this.meetings = meetings;
    }

    record ConveneRequest(@NotBlank @Size(max = 100) String organization,
                          @NotNull @Min(2000) @Max(2100) Integer year,
                          @NotBlank @Pattern(regexp = "ANNUAL|SPECIAL") String kind,
                          @Size(max = 200) String title,
                          @Size(max = 200) String notice,
                          @NotEmpty @Size(max = 30) List<@Valid ThemeRequest> themes) {
    }

    record ThemeRequest(@NotBlank @Size(max = 500) String name, @Size(max = 20) List<@Valid EarlierRequest> earlier) {
    }

    record EarlierRequest(@NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 500) String name) {
    }

    /** The answer of a convened meeting. */
    public record Convened(String meetingId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ErrorCodes(badRequest = {"INVALID_EARLIER_THEME", "DEPARTMENT_REQUIRED"}, forbidden = "FORBIDDEN_ROLE",
            conflict = "DUPLICATE_THEME")
    Convened convene(@Valid @RequestBody ConveneRequest request, Caller caller) {
        String meetingId = "mtg-" + UUID.randomUUID();
        List<ConveneMeeting.ThemeSpec> themes = request.themes().stream()
                .map(t -> new ConveneMeeting.ThemeSpec(t.name(), t.earlier() == null ? List.of() : t.earlier().stream()
                        .map(e -> new ConveneMeeting.EarlierThemeSpec(e.year(), e.name())).toList()))
                .toList();
        commands.send(new ConveneMeeting(meetingId, request.organization(), request.year(), request.kind(),
                        request.title(), request.notice(), themes, caller.username(), caller.department(),
                        caller.hasAnyRole(Role.PARTY_COMMITTEE, Role.ORG_DEPT)),
                caller, "MEETING_NOT_FOUND", "民主生活会不存在：");
        return new Convened(meetingId);
    }

    /** Meetings are not confidential: every signed-in user may read one (its themes guide their report). */
    @GetMapping("/{meetingId}")
    @ErrorCodes(notFound = "MEETING_NOT_FOUND")
    MeetingConvened meeting(@PathVariable String meetingId, Caller caller) {
        return meetings.require(meetingId);
    }
}
