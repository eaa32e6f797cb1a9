package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Smaller shapes real outlines take, and what is reported when text cannot be placed. */
class StructureVariantsTest {

    private static Outline parse(String text) throws OutlineParseException {
        return OutlineParser.parseText(text);
    }

    @Test
    void unrecognisedSectionsPreambleAndSignatureAreReported() throws Exception {
        Outline outline = parse("""
                某局2023年度民主生活会发言提纲

                根据通知要求，现发言如下。
                另外说明一点情况，供参考。
                一、查摆的问题
                （一）理论学习方面。一是学习不够深入。比如，研讨发言准备不充分。
                二、其他需要说明的情况
                本人愿意接受大家的批评。
                三、整改措施
                （一）加强学习。每月集中学习一次。
                张三
                2024年1月10日
                """);
        assertThat(outline.problems()).hasSize(1);
        assertThat(outline.measures()).singleElement().extracting(Measure::title).isEqualTo("加强学习");
        assertThat(outline.measures().get(0).content()).isEqualTo("每月集中学习一次。");
        OutlineAssertions.assertWarning(outline, WarningCode.SECTION_NOT_RECOGNISED, "heading", "其他需要说明的情况");
        OutlineAssertions.assertWarning(outline, WarningCode.PREAMBLE_NOT_PLACED, "text", "另外说明");
        OutlineAssertions.assertWarning(outline, WarningCode.TRAILING_LINES, "lines", "张三 / 2024年1月10日");
        assertThat(outline.warnings()).contains("文末几行未归入（可能是署名或日期）：张三 / 2024年1月10日");
    }

    @Test
    void skippedAndRepeatedNumeralsAreToleratedAndReported() throws Exception {
        Outline outline = parse("""
                某局2023年度民主生活会发言提纲
                一、查摆的问题
                （一）担当作为方面。一是攻坚克难劲头不足。比如，项目推进滞后。三是创新意识不强。比如，工作方法陈旧。
                一、产生问题的原因
                （一）党性修养有所放松。对自身要求不够严格。
                """);
        assertThat(outline.problems()).extracting(Problem::ordinal).containsExactly(1, 2);
        assertThat(outline.problems().get(1).statement()).isEqualTo("创新意识不强。");
        assertThat(outline.rootCauses()).singleElement().extracting(RootCause::title).isEqualTo("党性修养有所放松");
        OutlineAssertions.assertWarning(outline, WarningCode.PROBLEM_NUMBERING_IRREGULAR, "theme", "担当作为",
                "position", "2", "numeral", "3");
        OutlineAssertions.assertWarning(outline, WarningCode.SECTION_NUMERAL_REPEATED, "numeral", "一");
    }

    @Test
    void problemsWithoutThemesAndThemesWithoutNumbering() throws Exception {
        Outline outline = parse("""
                某局2023年度民主生活会发言提纲
                一、存在的问题
                一是学习不够深入。例如，学习笔记内容不多。二是调研不够经常。
                二、整改措施
                一是加强学习，2024年3月底前制定计划。二是深入调研，长期坚持。
                """);
        assertThat(outline.problems()).extracting(Problem::theme).containsExactly("", "");
        assertThat(outline.problems().get(0).example()).isEqualTo("学习笔记内容不多。");
        assertThat(outline.measures()).extracting(Measure::title).containsExactly("加强学习，2024年3月底前制定计划", "深入调研，长期坚持");
        assertThat(outline.measures().get(0).deadline()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(outline.measures().get(1).deadlineText()).isEqualTo("长期坚持");

        Outline oneProblemTheme = parse("""
                某局2023年度民主生活会发言提纲
                一、查摆的问题
                （一）在工作作风方面。调查研究不够深入，比如说，全年只开展调研2次。
                """);
        assertThat(oneProblemTheme.problems()).singleElement().satisfies(p -> {
            assertThat(p.theme()).isEqualTo("工作作风");
            assertThat(p.statement()).isEqualTo("调查研究不够深入，");
            assertThat(p.example()).isEqualTo("全年只开展调研2次。");
        });
        OutlineAssertions.assertWarning(oneProblemTheme, WarningCode.THEME_READ_AS_ONE_PROBLEM, "theme", "工作作风");
    }

    @Test
    void headingAndBodyOnOneLineAndBareHeadings() throws Exception {
        Outline outline = parse("""
                某局局长2023年度民主生活会发言提纲
                一、查摆的问题：（一）理论学习方面。一是学习不系统。比如，缺少计划。
                个人有关事项说明
                本人配备秘书1名，配备公务用车。本人有兼职，未领取报酬。配偶经商办企业，已按规定报告。
                """);
        assertThat(outline.problems()).singleElement().extracting(Problem::theme).isEqualTo("理论学习");
        PersonalMatters pm = outline.personalMatters();
        assertThat(pm.secretary()).isTrue();
        assertThat(pm.officialCar()).isTrue();
        assertThat(pm.sideIncome()).isTrue();
        assertThat(pm.familyBusiness()).isTrue();
        assertThat(pm.travelAbroad()).isNull();
        assertThat(pm.properties()).isEmpty();
    }

    @Test
    void duplicateSectionsAreMergedAndCountsChecked() throws Exception {
        Outline outline = parse("""
                某局2023年度民主生活会发言提纲
                一、上年度整改落实情况
                （一）针对理论学习方面查摆出的3个问题。一是制定学习计划。二是建立学习台账。
                二、查摆的问题
                （一）理论学习方面。一是学习不深。比如，研讨少。
                三、查摆的问题（续）
                （二）作风方面。一是调研少。比如，全年仅2次。
                """);
        assertThat(outline.problems()).extracting(Problem::theme).containsExactly("理论学习", "作风");
        OutlineAssertions.assertWarning(outline, WarningCode.CARRY_OVER_COUNT_MISMATCH, "declared", "3", "listed", "2");
        OutlineAssertions.assertWarning(outline, WarningCode.SECTION_MERGED, "section", "查摆问题");
    }

    @Test
    void withoutAnyYearDeadlinesKeepTheirTextAndAreReported() throws Exception {
        Outline outline = parse("""
                个人发言提纲
                一、整改措施
                （一）加强学习。一是6月底前制定学习计划。
                """);
        assertThat(outline.year()).isNull();
        Action action = outline.measures().get(0).actions().get(0);
        assertThat(action.deadline()).isNull();
        assertThat(action.deadlineText()).isEqualTo("6月底前");
        OutlineAssertions.assertWarning(outline, WarningCode.YEAR_NOT_FOUND);
        OutlineAssertions.assertWarning(outline, WarningCode.DEADLINE_UNRESOLVED, "measure", "加强学习", "deadline", "6月底前");
    }

    @Test
    void markdownHeadingsWithoutNumbers() throws Exception {
        String md = """
                # 某局2023年度民主生活会发言提纲

                ## 存在的问题

                ### 理论学习方面存在的问题

                1. 学习不够深入。比如，读原著少。
                2. 运用不够。

                ## 整改措施

                ### （一）加强学习

                每月学习一次，2024年底前形成制度。
                """;
        Outline outline = OutlineParser.parse(md.getBytes(StandardCharsets.UTF_8), "a.md");
        assertThat(outline.problems()).extracting(Problem::theme).containsExactly("理论学习", "理论学习");
        assertThat(outline.measures()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("加强学习");
            assertThat(m.deadline()).isEqualTo(LocalDate.of(2024, 12, 31));
        });
    }
}
