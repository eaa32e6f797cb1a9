package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A democratic life meeting was convened. Its themes are data (they change every year); each theme may name the
 * themes of earlier meetings it continues, so problems stay comparable across years.
 *
 * @param meetingId    the meeting's id
 * @param organization the organization holding it, e.g. 行政审批局党组
 * @param department   code of the department that convened it (scope)
 * @param year         the year reviewed (年度)
 * @param kind         {@link MeetingKind#ANNUAL} (年度) or {@link MeetingKind#SPECIAL} (专题)
 * @param title        e.g. 2022年度民主生活会
 * @param notice       the convening notice's reference, e.g. *发〔2022〕12号, or null
 * @param themes       the meeting's themes in order
 */
@Revision("1")
public record MeetingConvened(String meetingId,
                              String organization,
                              String department,
                              int year,
                              MeetingKind kind,
                              String title,
                              String notice,
                              List<Theme> themes) {

    /** The event with its kind by name ({@code ANNUAL}, {@code SPECIAL}); an unknown name is refused. */
    public MeetingConvened(String meetingId, String organization, String department, int year, String kind,
                           String title, String notice, List<Theme> themes) {
        this(meetingId, organization, department, year, MeetingKind.valueOf(kind), title, notice, themes);
    }

    /**
     * @param name    the theme as the notice words it
     * @param earlier themes of earlier meetings this one continues (empty when it is new)
     */
    public record Theme(String name, List<EarlierTheme> earlier) {
    }

    /**
     * @param year the earlier meeting's year
     * @param name the earlier theme as it was worded then
     */
    public record EarlierTheme(int year, String name) {
    }
}
