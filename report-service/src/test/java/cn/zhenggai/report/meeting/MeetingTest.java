package cn.zhenggai.report.meeting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.MeetingConvened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class MeetingTest {

    private static final List<ConveneMeeting.ThemeSpec> THEMES = List.of(
            new ConveneMeeting.ThemeSpec(" 带头深刻领悟“两个确立”的决定性意义 ",
                    List.of(new ConveneMeeting.EarlierThemeSpec(2021, "带头深刻感悟“两个确立”的决定性意义"))),
            new ConveneMeeting.ThemeSpec("其他方面", null));

    private AggregateTestFixture<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
    }

    private static ConveneMeeting convene(int year, String kind, List<ConveneMeeting.ThemeSpec> themes, boolean may) {
        return new ConveneMeeting("m1", "行政审批局党组", year, kind, null, "*发〔2022〕12号", themes, "demo-org", "ZZB",
                may);
    }

    @Test
    void aMeetingIsConvenedWithThemesMappedToEarlierYears() {
        fixture.givenNoPriorActivity()
                .when(convene(2022, "ANNUAL", THEMES, true))
                .expectEvents(new MeetingConvened("m1", "行政审批局党组", "ZZB", 2022, "ANNUAL", "2022年度民主生活会",
                        "*发〔2022〕12号", List.of(
                        new MeetingConvened.Theme("带头深刻领悟“两个确立”的决定性意义",
                                List.of(new MeetingConvened.EarlierTheme(2021, "带头深刻感悟“两个确立”的决定性意义"))),
                        new MeetingConvened.Theme("其他方面", List.of()))));
    }

    @Test
    void onlyThePartyCommitteeOrOrganizationDepartmentConvenes() {
        fixture.givenNoPriorActivity()
                .when(convene(2022, "ANNUAL", THEMES, false))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void badMeetingsAreRefused() {
        fixture.givenNoPriorActivity().when(convene(1999, "ANNUAL", THEMES, true))
                .expectException(Refusal.class).expectExceptionMessage("年度不合理：1999").expectNoEvents();
        fixture.givenNoPriorActivity().when(convene(2022, "WEEKLY", THEMES, true))
                .expectException(Refusal.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(convene(2022, "SPECIAL", List.of(), true))
                .expectException(Refusal.class).expectExceptionMessage("民主生活会至少需要一个主题")
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(convene(2022, "ANNUAL", List.of(
                        new ConveneMeeting.ThemeSpec("主题", null), new ConveneMeeting.ThemeSpec(" 主题", null)), true))
                .expectException(Refusal.class).expectExceptionMessage("主题重复：主题").expectNoEvents();
        fixture.givenNoPriorActivity().when(convene(2022, "ANNUAL", List.of(new ConveneMeeting.ThemeSpec("主题",
                        List.of(new ConveneMeeting.EarlierThemeSpec(2022, "同年主题")))), true))
                .expectException(Refusal.class).expectNoEvents();
    }
}
