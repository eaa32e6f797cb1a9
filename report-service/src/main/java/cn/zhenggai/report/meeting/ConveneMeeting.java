package cn.zhenggai.report.meeting;

import java.util.List;

/**
 * Convene a democratic life meeting with its themes.
 *
 * @param kind         the name of a {@link cn.zhenggai.contracts.report.MeetingKind}; another is refused
 *                     ({@code INVALID_KIND})
 * @param themes       the themes, each with the earlier years' themes it continues
 * @param convenerDept department code of whoever convenes it
 * @param mayConvene   whether the convener's role may convene meetings (party committee, org dept)
 */
public record ConveneMeeting(String meetingId, String organization, int year, String kind, String title,
                             String notice, List<ThemeSpec> themes, String convener, String convenerDept,
                             boolean mayConvene) {

    /** A theme and the earlier themes it continues. */
    public record ThemeSpec(String name, List<EarlierThemeSpec> earlier) {
    }

    public record EarlierThemeSpec(int year, String name) {
    }
}
