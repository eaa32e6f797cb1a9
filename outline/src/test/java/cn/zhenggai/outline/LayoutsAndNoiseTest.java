package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layouts of issue 16 one at a time: noise by its form (with site names and domains that appear nowhere in
 * the code), the carry-over summary sentence, inline enumerations in every style, example words, renamed sections.
 */
class LayoutsAndNoiseTest {

    private static Outline parse(String text) throws OutlineParseException {
        return OutlineParser.parseText(text);
    }

    @Test
    void aSiteNameGluedToADomainIsLearntFromItsRepeatsAndRemovedEverywhere() {
        List<String> cleaned = TextCleaner.cleanLines(List.of(
                "一、存在的突出问题松鹤范文阁www.shfwg8.com",
                "学习不够深入。松鹤范文阁www.shfwg8.com",
                "整改落实不到位，松鹤范文阁 www.shfwg8.com",
                "比如，松鹤范文阁整理的材料不可信。"));
        assertThat(cleaned).containsExactly("一、存在的突出问题", "学习不够深入。", "整改落实不到位，", "比如，整理的材料不可信。");
    }

    @Test
    void aWatermarkSeenOnceIsCutAfterTheLastWordOfTheText() {
        assertThat(TextCleaner.clean("三、整改措施落实情况翠竹公文站www.czgw.cn")).isEqualTo("三、整改措施落实情况");
        assertThat(TextCleaner.clean("目标。翠竹公文站，http://czgw.cn/a/123.html")).isEqualTo("目标。");
        assertThat(TextCleaner.clean("（详见 bluefw.top ）")).isEqualTo("（详见）");
        assertThat(TextCleaner.clean("增长2.5个百分点，达到*%")).isEqualTo("增长2.5个百分点，达到*%");
    }

    @Test
    void sitePhrasesGoByTheirForm() {
        assertThat(TextCleaner.clean("来源：云帆文秘苑")).isEmpty();
        assertThat(TextCleaner.clean("完成整改。本文由云帆文秘苑网友整理，仅供参考。")).isEqualTo("完成整改。");
        assertThat(TextCleaner.clean("更多精彩范文请访问云帆文秘苑")).isEmpty();
        assertThat(TextCleaner.clean("文档下载自星河文库")).isEmpty();
        assertThat(TextCleaner.clean("做好整改。欢迎访问青禾素材坊，海量范文免费下载！")).isEqualTo("做好整改。");
        assertThat(TextCleaner.clean("二、整改措施（来源：青禾素材坊）")).isEqualTo("二、整改措施");
        assertThat(TextCleaner.clean("（内部）某局2024年度民主生活会发言提纲")).isEqualTo("某局2024年度民主生活会发言提纲");
        // the same words in ordinary text stay
        assertThat(TextCleaner.clean("资金来源：财政拨款。更多地关注群众诉求。")).isEqualTo("资金来源：财政拨款。更多地关注群众诉求。");
    }

    @Test
    void repeatedHeadersFootersPageNumbersAndInternalMarksAreDroppedAsLines() {
        List<SourceLine> lines = TextCleaner.dropNoiseLines(List.of(
                SourceLine.plain("内部资料 注意保存"),
                SourceLine.plain("某局2024年度民主生活会发言提纲"),
                SourceLine.plain("一、查摆的问题"),
                SourceLine.plain("某局2024年度民主生活会发言提纲"),
                SourceLine.plain("某局办公室 第 2 页"),
                SourceLine.plain("— 3 —"),
                SourceLine.plain("共4页 第3页"),
                SourceLine.plain("（一）理论学习方面。"),
                SourceLine.plain("（二）作风方面：")));
        assertThat(lines).extracting(SourceLine::text).containsExactly(
                "某局2024年度民主生活会发言提纲", "一、查摆的问题", "（一）理论学习方面。", "（二）作风方面：");
    }

    @Test
    void summarySentencesInTheirVariants() {
        assertThat(CarryOverSummaries.parse("上年度查摆的问题共12个，目前已整改完成10个，需长期坚持2个。"))
                .isEqualTo(new CarryOverSummary(12, 10, 2));
        assertThat(CarryOverSummaries.parse("共查摆问题十二条，已整改到位十条、基本完成一条，持续整改一条。"))
                .isEqualTo(new CarryOverSummary(12, 11, 1));
        assertThat(CarryOverSummaries.parse("上次查摆出的8项问题中，已整改6项，2项正在推进。"))
                .isEqualTo(new CarryOverSummary(8, 6, 2));
        assertThat(CarryOverSummaries.parse("上年度查摆的4个问题，目前已全部整改完成。"))
                .isEqualTo(new CarryOverSummary(4, 4, null));
        assertThat(CarryOverSummaries.parse("针对理论学习方面查摆出的3个问题。")).isNull();
    }

    @Test
    void aSummaryThatDisagreesWithTheItemsIsReportedWithItsNumbers() throws Exception {
        Outline outline = parse("""
                某局2023年度民主生活会发言提纲
                一、上年度整改落实情况
                上年度查摆的问题共5个，目前已整改完成3个，需长期坚持1个。
                （一）针对理论学习方面查摆出的2个问题。一是制定计划。二是建立台账。
                （二）针对作风方面查摆出的2个问题。①精简会议；②规范接待。
                二、查摆的问题
                （一）理论学习方面。一是学习不深。比如，研讨少。
                """);
        assertThat(outline.carryOverSummary()).isEqualTo(new CarryOverSummary(5, 3, 1));
        assertThat(outline.carryOver()).extracting(g -> g.items().size()).containsExactly(2, 2);
        OutlineAssertions.assertWarning(outline, WarningCode.CARRY_OVER_SUMMARY_MISMATCH, "stated", "5", "listed", "4");
        OutlineAssertions.assertWarning(outline, WarningCode.CARRY_OVER_SUMMARY_PARTS_MISMATCH,
                "problems", "5", "completed", "3", "longTerm", "1");
        assertThat(outline.warnings()).contains("落实情况总述称上年度查摆问题共5个，但各组合计4个");
    }

    @Test
    void inlineEnumerationsInEveryStyleKeepEveryItem() {
        assertThat(InlineEnumeration.split("措施如下：1.建立台账；2.修订预案；3.开展演练。").items())
                .extracting(InlineEnumeration.Item::text).containsExactly("建立台账。", "修订预案。", "开展演练。");
        assertThat(InlineEnumeration.split("增长1.5倍，达到2.3倍。").isEmpty()).isTrue();
        assertThat(InlineEnumeration.split("首先，学习不深；其次，调研不够；最后，作风不实。").items()).hasSize(3);
        assertThat(InlineEnumeration.splitFrom("①完成改造；②建成站点；③开通热线。", Marker.Kind.CIRCLED, 1).items()).hasSize(3);
        assertThat(InlineEnumeration.splitFrom("1.学习不深。一是读书少。", Marker.Kind.NUMBER, 1).items())
                .singleElement().extracting(InlineEnumeration.Item::text).isEqualTo("学习不深。一是读书少。");
    }

    @Test
    void carryOverItemsNumberedInlineInOneParagraphAreAllKept() throws Exception {
        Outline outline = parse("""
                某局2023年度民主生活会发言提纲
                一、上年度整改落实情况
                （一）针对理论学习方面查摆出的3个问题。
                1.制定学习计划；2.建立学习台账；3.开展专题研讨。
                （二）针对作风方面查摆出的2个问题。①精简会议文件；②规范公务接待。
                二、查摆的问题
                （一）理论学习方面。一是学习不深。如：研讨发言照本宣科。
                """);
        assertThat(outline.carryOver()).extracting(g -> g.items().size()).containsExactly(3, 2);
        assertThat(outline.carryOver().get(0).items()).containsExactly("制定学习计划。", "建立学习台账。", "开展专题研讨。");
        assertThat(outline.problems().get(0).example()).isEqualTo("研讨发言照本宣科。");
        assertThat(outline.warnings()).isEmpty();
    }

    @Test
    void everyExampleWord() {
        for (String word : List.of("比如，", "例如，", "如：", "譬如，", "具体表现在：", "主要表现为", "再比如，")) {
            String[] split = OutlineAssembler.splitExample("学习不够深入，" + word + "读原著少。");
            assertThat(split).as(word).containsExactly("学习不够深入，", "读原著少。");
        }
        assertThat(OutlineAssembler.splitExample("不知如何下手，无比如此。")[1]).isNull();
    }

    @Test
    void renamedReorderedSectionsHeadingsWithoutNumeralsAndAnAppendix() throws Exception {
        Outline outline = parse("""
                某局领导班子2024年度民主生活会对照检查材料
                一、努力方向
                （一）加强学习。2025年6月底前完成轮训。
                二、存在的不足
                理论学习方面：
                一是学习不深。具体表现在：读原著少。二是运用不够。
                工作作风方面：
                一是调研不够。
                三、根源分析
                （一）理想信念有所弱化。对学习重视不够。
                某局领导班子
                2025年1月10日
                附件
                个人有关事项说明
                本人未配备秘书。
                """);
        assertThat(outline.measures()).singleElement().extracting(Measure::title).isEqualTo("加强学习");
        assertThat(outline.problems()).extracting(Problem::theme).containsExactly("理论学习", "理论学习", "工作作风");
        assertThat(outline.problems().get(0).example()).isEqualTo("读原著少。");
        assertThat(outline.rootCauses()).singleElement().extracting(RootCause::title).isEqualTo("理想信念有所弱化");
        assertThat(outline.personalMatters().secretary()).isFalse();
        OutlineAssertions.assertWarning(outline, WarningCode.TRAILING_LINES, "lines", "某局领导班子 / 2025年1月10日");
    }

    @Test
    void aLoneSubheadingAboveNumberedThemesDoesNotSwallowThem() throws Exception {
        Outline outline = parse("""
                某局2023年度民主生活会发言提纲
                一、对照检查
                存在的主要问题
                （一）理论学习方面。一是学习不深。比如，研讨少。二是运用不够。
                （二）作风方面。一是调研少。
                二、整改措施
                （一）加强学习。2024年6月底前完成。
                """);
        assertThat(outline.problems()).extracting(Problem::theme).containsExactly("理论学习", "理论学习", "作风");
        OutlineAssertions.assertWarning(outline, WarningCode.PROBLEM_TEXT_NOT_PLACED, "text", "存在的主要问题");
    }

    @Test
    void sectionsNumberedInPartsOrWithArabicNumerals() throws Exception {
        Outline parts = parse("""
                某局2023年度民主生活会对照检查材料
                第一部分 存在的问题
                一、理论学习方面。一是学习不深。比如，研讨少。
                二、作风方面。一是调研少。
                第二部分 整改措施
                一、加强学习。2024年6月底前完成。
                """);
        assertThat(parts.problems()).extracting(Problem::theme).containsExactly("理论学习", "作风");
        assertThat(parts.measures()).extracting(Measure::title).containsExactly("加强学习");
        Outline arabic = parse("""
                某局2023年度民主生活会对照检查材料
                1.存在的问题
                （1）理论学习方面。一是学习不深。
                2.整改措施
                （1）加强学习。2024年6月底前完成。
                """);
        assertThat(arabic.problems()).extracting(Problem::theme).containsExactly("理论学习");
        assertThat(arabic.measures()).singleElement().extracting(Measure::deadline)
                .isEqualTo(java.time.LocalDate.of(2024, 6, 30));
    }
}
