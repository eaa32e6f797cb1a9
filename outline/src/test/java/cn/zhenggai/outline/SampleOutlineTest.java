package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The acceptance checks on the real 2022 sample outline. */
class SampleOutlineTest {

    private static Outline outline;

    @BeforeAll
    static void parseSample() throws Exception {
        outline = OutlineParser.parse(Fixtures.resourcePath(Fixtures.SAMPLE));
    }

    @Test
    void readsTitleYearAndNotice() {
        assertThat(outline.title()).isEqualTo("行政审批局2022年度民主生活会个人发言提纲");
        assertThat(outline.year()).isEqualTo(2022);
        assertThat(outline.notice()).isEqualTo("*发〔2022〕12号");
    }

    @Test
    void readsSixCarryOverGroups() {
        assertThat(outline.carryOver()).extracting(g -> g.items().size()).containsExactly(3, 3, 3, 3, 3, 4);
        CarryOverGroup first = outline.carryOver().get(0);
        assertThat(first.heading()).isEqualTo("针对带头深刻感悟“两个确立”的决定性意义方面查摆出的3个突出问题");
        assertThat(first.theme()).isEqualTo("带头深刻感悟“两个确立”的决定性意义");
        assertThat(first.items().get(0)).startsWith("坚决贯彻落实省、市委").endsWith("保持高度一致。");
        assertThat(outline.carryOver().get(1).theme()).isEqualTo("带头牢记我们党是什么、要干什么这个根本问题");
        assertThat(outline.carryOver().get(4).theme()).isEqualTo("带头深刻汲取党史中正反两方面经验");
        assertThat(outline.carryOver().get(5).heading()).isEqualTo("针对其他方面查摆出的4个突出问题");
        assertThat(outline.carryOver().get(5).items().get(3)).endsWith("形象有新改观”活动目标。");
    }

    @Test
    void readsTwentyOneProblemsThreeUnderEachOfSevenThemes() {
        assertThat(outline.problems()).hasSize(21);
        Map<String, Long> perTheme = outline.problems().stream()
                .collect(Collectors.groupingBy(Problem::theme, java.util.LinkedHashMap::new, Collectors.counting()));
        assertThat(perTheme).hasSize(7).allSatisfy((theme, count) -> assertThat(count).isEqualTo(3));
        assertThat(perTheme.keySet()).containsExactly(
                "带头深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”",
                "带头用习近平新时代中国特色社会主义思想凝心铸魂",
                "带头坚持和加强党的全面领导",
                "带头坚持以人民为中心的发展思想，推动改革发展稳定",
                "带头发扬斗争精神，防范化解风险挑战",
                "带头落实全面从严治党政治责任",
                "其他");
        assertThat(outline.problems()).extracting(Problem::ordinal)
                .containsExactly(1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3);
        assertThat(outline.problems()).allSatisfy(p -> {
            assertThat(p.statement()).isNotBlank().doesNotContain("比如");
            assertThat(p.example()).isNotBlank().doesNotStartWith("比如").doesNotStartWith("，");
        });
        Problem first = outline.problems().get(0);
        assertThat(first.statement()).isEqualTo(
                "对“两个确立”决定性意义的精神实质学习掌握的还不够全面，行动还不够扎实有力、举措还不够精准有效。");
        assertThat(first.example()).startsWith("面对政务服务认领").endsWith("工作虽能完成，但标准还需提升。");
    }

    @Test
    void movesTheNothingFoundSentenceIntoCleanAreas() {
        assertThat(outline.cleanAreas()).containsExactly(
                "厉行节约反对浪费工作",
                "理论学习中心组学习",
                "履行保密工作责任制",
                "领导干部经济责任审计和自然资源资产离任审计结果及整改情况",
                "深刻剖析好人主义圈子文化码头文化",
                "容错纠错澄清正名和激励担当作为");
        Problem last = outline.problems().get(20);
        assertThat(last.example()).endsWith("机关纪律作风整顿提升常态化水平还有待进一步提升。")
                .doesNotContain("未发现存在问题");
    }

    @Test
    void readsThreeRootCausesDespiteTheRepeatedNumeral() {
        assertThat(outline.rootCauses()).extracting(RootCause::title).containsExactly(
                "学习意识还不够强，理论武装建设的还不够",
                "服务意识还不够强，党性修养锤炼的还不够",
                "斗争意识还不够强，主动担当作为的还不够");
        assertThat(outline.rootCauses()).allSatisfy(c -> assertThat(c.analysis()).startsWith("对习近平总书记在党的二十大报告中强调的"));
        OutlineAssertions.assertWarning(outline, WarningCode.SECTION_NUMERAL_REPEATED, "numeral", "二");
    }

    @Test
    void readsPersonalMatters() {
        PersonalMatters pm = outline.personalMatters();
        assertThat(pm).isNotNull();
        assertThat(pm.text()).startsWith("本人没有配备秘书。").endsWith("没有接受组织约谈函询、受到问责和因“四风”问题被查处的情况。")
                .contains("购买四支股票（*、*、*、*），现市值*元。");
        assertThat(pm.secretary()).isFalse();
        assertThat(pm.officialCar()).isFalse();
        assertThat(pm.sideIncome()).isFalse();
        assertThat(pm.travelAbroad()).isFalse();
        assertThat(pm.familyBusiness()).isFalse();
        assertThat(pm.stocks()).isTrue();
        assertThat(pm.disciplinaryTalks()).isFalse();
        assertThat(pm.properties()).extracting(Property::kind).containsExactly("commercial", "home", "home", "home");
        assertThat(pm.properties()).extracting(Property::location).containsExactly("*", "*花园", "*城市广场小区", "*小区");
        assertThat(pm.properties()).allSatisfy(p -> {
            assertThat(p.areaM2()).isEqualTo("*");
            assertThat(p.priceWan()).isEqualTo("*");
        });
        assertThat(pm.properties().get(3).loanWan()).isEqualTo("*");
        assertThat(pm.properties().get(3).monthlyPaymentYuan()).isEqualTo("*");
    }

    @Test
    void readsThreeMeasures() {
        assertThat(outline.measures()).extracting(Measure::title).containsExactly(
                "强化理论武装建设，增强学习意识",
                "强化党性修养锤炼，增强服务意识",
                "强化主动担当作为，增强斗争意识");
        assertThat(outline.measures()).allSatisfy(m -> {
            assertThat(m.content()).isNotBlank().endsWith("。");
            assertThat(m.actions()).isEmpty();
            assertThat(m.deadline()).isNull();
        });
        assertThat(outline.measures().get(0).content()).startsWith("始终坚持以习近平新时代中国特色社会主义思想武装头脑");
    }

    @Test
    void noFieldCarriesWatermarksOrDomains() {
        String json = OutlineJson.toPrettyJson(outline);
        assertThat(Fixtures.sampleText()).contains("笔杆儿网www.bgzjy.cn", "笔杆儿网，www.biganzijiayuan.com");
        OutlineAssertions.assertNoSiteNoise(json);
    }

    @Test
    void keepsRedactions() {
        Map<String, Problem> byStart = outline.problems().stream()
                .collect(Collectors.toMap(p -> p.statement().substring(0, 4), Function.identity(), (a, b) -> a));
        assertThat(byStart.get("大局意识").example()).contains("在推进“*”建设");
        assertThat(outline.carryOver().get(1).items().get(1)).endsWith("均达到*%。");
        assertThat(outline.warnings()).hasSize(1);
    }

    @Test
    void textIsWholeParagraphs() {
        List<String> all = new java.util.ArrayList<>();
        outline.problems().forEach(p -> {
            all.add(p.statement());
            all.add(p.example());
        });
        outline.carryOver().forEach(g -> all.addAll(g.items()));
        assertThat(all).allSatisfy(s -> assertThat(s).doesNotContain("\n").endsWith("。"));
    }
}
