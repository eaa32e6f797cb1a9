package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Outlines written for these tests, each in a different shape (see the file names). */
class OwnOutlinesTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /**
     * GBK; a team report (no personal matters); title over two lines; themes numbered 1. with
     * problems (1)…(2) on their own lines and 例如; root causes 一是…三是 in one paragraph;
     * measures with numbered actions, label lines and 完成时限.
     */
    @Nested
    class EducationBureauTeamGbk {

        private final Outline outline = parse("2023-jiaoyu-ju-banzi-gbk.txt");

        @Test
        void header() {
            assertThat(outline.title()).isEqualTo("县教育局领导班子2023年度民主生活会对照检查材料");
            assertThat(outline.year()).isEqualTo(2023);
            assertThat(outline.notice()).isEqualTo("县委办发〔2023〕45号");
            assertThat(outline.personalMatters()).isNull();
        }

        @Test
        void carryOverAndProblems() {
            assertThat(outline.carryOver()).extracting(CarryOverGroup::theme).containsExactly("理论学习", "工作作风");
            assertThat(outline.carryOver()).extracting(g -> g.items().size()).containsExactly(3, 2);
            assertThat(outline.problems()).extracting(Problem::theme)
                    .containsExactly("理论武装", "理论武装", "担当作为", "担当作为", "担当作为", "廉洁自律", "廉洁自律");
            assertThat(outline.problems().get(0).statement())
                    .isEqualTo("学习的系统性不够强。班子集体学习多以传达文件为主，联系教育工作实际开展研讨不够深入。");
            assertThat(outline.problems().get(0).example()).startsWith("围绕“双减”政策");
            assertThat(outline.problems().get(6).example()).isNull();
            assertThat(outline.cleanAreas()).containsExactly("落实意识形态工作责任制", "执行民主集中制", "落实中央八项规定精神");
        }

        @Test
        void rootCausesFromOneParagraph() {
            assertThat(outline.rootCauses()).extracting(RootCause::title)
                    .containsExactly("理论学习的自觉性有所弱化", "宗旨意识有所淡化", "担当精神有所退化");
            assertThat(outline.rootCauses().get(2).analysis()).isEqualTo("面对矛盾和困难时，主动破题的勇气不足，习惯于用老办法解决新问题。");
        }

        @Test
        void measuresWithActionsLabelsAndDeadlines() {
            List<Measure> measures = outline.measures();
            assertThat(measures).extracting(Measure::title)
                    .containsExactly("强化理论武装，提升学习质效", "聚焦民生关切，破解发展难题", "严格监督管理，筑牢廉洁防线");
            Measure first = measures.get(0);
            assertThat(first.actions()).extracting(Action::deadline).containsExactly(date("2024-03-31"), date("2024-12-31"));
            assertThat(first.deadline()).isEqualTo(date("2024-12-31"));
            assertThat(first.leadDepartment()).isEqualTo("局办公室");
            assertThat(first.cooperatingDepartments()).containsExactly("组织人事股", "基础教育股");
            assertThat(first.owner()).isEqualTo("局党组书记");

            Measure second = measures.get(1);
            assertThat(second.actions()).extracting(Action::deadline).containsExactly(date("2024-06-30"), date("2024-08-31"), null);
            assertThat(second.actions().get(2).deadlineText()).isEqualTo("长期坚持");
            assertThat(second.deadline()).isEqualTo(date("2024-12-31"));
            assertThat(second.deadlineText()).isEqualTo("2024年12月31日");

            Measure third = measures.get(2);
            assertThat(third.actions().get(0).deadline()).isEqualTo(date("2024-06-30"));
            assertThat(third.deadline()).isEqualTo(date("2024-06-30"));
            assertThat(outline.warnings()).isEmpty();
        }
    }

    /**
     * Markdown; first year (no carry-over); theme headings without 方面, one with a summary
     * sentence; 一是 and 1、 numbering; 比如, 再比如, 例如; **bold** labels; positive personal matters.
     */
    @Nested
    class TownshipSecretaryMarkdown {

        private final Outline outline = parse("2023-qingshi-zhen-shuji.md");

        @Test
        void header() {
            assertThat(outline.title()).isEqualTo("青石镇党委书记2023年度民主生活会个人发言提纲");
            assertThat(outline.year()).isEqualTo(2023);
            assertThat(outline.notice()).isNull();
            assertThat(outline.carryOver()).isEmpty();
        }

        @Test
        void problems() {
            assertThat(outline.problems()).extracting(Problem::theme)
                    .containsExactly("理论学习", "理论学习", "联系服务群众", "联系服务群众", "联系服务群众");
            assertThat(outline.problems().get(0).example()).startsWith("学习乡村振兴方面的重要论述时")
                    .contains("再比如，参加县委理论学习中心组专题研讨时");
            assertThat(outline.problems().get(1).example()).startsWith("全镇茶叶产业规模逐年扩大");
            assertThat(outline.problems().get(2).statement()).startsWith("深入基层不够经常。");
            assertThat(outline.problems().get(4).example()).isNull();
            assertThat(outline.cleanAreas()).containsExactly("执行民主集中制", "落实意识形态工作责任制", "遵守廉洁纪律");
            assertThat(outline.rootCauses()).extracting(RootCause::title)
                    .containsExactly("理想信念的根基还需筑牢", "宗旨意识有所淡化", "担当精神还需增强");
        }

        @Test
        void personalMattersWithDeclaredFacts() {
            PersonalMatters pm = outline.personalMatters();
            assertThat(pm.secretary()).isFalse();
            assertThat(pm.officialCar()).isFalse();
            assertThat(pm.sideIncome()).isFalse();
            assertThat(pm.travelAbroad()).isTrue();
            assertThat(pm.familyBusiness()).isFalse();
            assertThat(pm.stocks()).isFalse();
            assertThat(pm.properties()).containsExactly(
                    new Property("home", "县城*小区", "118.6", "52", "30", "1620"),
                    new Property("parking", "同一小区地下车库", null, null, null, null));
        }

        @Test
        void measures() {
            Measure first = outline.measures().get(0);
            assertThat(first.title()).isEqualTo("在深化理论武装上下功夫");
            assertThat(first.actions()).extracting(Action::deadline).containsExactly(date("2024-03-31"), date("2024-06-30"));
            assertThat(first.owner()).isEqualTo("本人");
            assertThat(first.deadline()).isEqualTo(date("2024-06-30"));
            assertThat(outline.measures().get(1).actions()).hasSize(3);
            assertThat(outline.measures().get(1).deadline()).isEqualTo(date("2024-12-31"));
            Measure third = outline.measures().get(2);
            assertThat(third.actions()).isEmpty();
            assertThat(third.deadline()).isEqualTo(date("2024-03-31"));
            assertThat(third.deadlineText()).isEqualTo("2024年第一季度");
        }
    }

    /**
     * UTF-16LE without BOM; sections out of order (personal matters second, root causes last);
     * numeral 三 skipped; half-width brackets (一) and [2024]; carry-over items as 1. paragraphs;
     * inline actions with month-only deadlines taking the year from context.
     */
    @Nested
    class HospitalSecretaryUtf16 {

        private final Outline outline = parse("2024-renmin-yiyuan-utf16le-nobom.txt");

        @Test
        void header() {
            assertThat(outline.title()).isEqualTo("县人民医院党委书记2024年度民主生活会个人对照检查材料");
            assertThat(outline.year()).isEqualTo(2024);
            assertThat(outline.notice()).isEqualTo("卫党发〔2024〕21号");
            assertThat(outline.warningCodes()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(WarningCode.SECTION_NUMBERING_SKIPS);
                assertThat(w.params()).containsEntry("from", "2").containsEntry("to", "4");
            });
            assertThat(outline.warnings()).singleElement().asString().startsWith("章节编号从2跳到4");
        }

        @Test
        void everySectionFoundOutOfOrder() {
            assertThat(outline.carryOver()).extracting(g -> g.items().size()).containsExactly(3, 2);
            assertThat(outline.problems()).hasSize(7);
            assertThat(outline.problems()).extracting(Problem::theme).containsOnly(
                    "落实党委领导下的院长负责制", "纠正医疗领域不正之风", "提升服务能力");
            assertThat(outline.rootCauses()).hasSize(3);
            assertThat(outline.personalMatters().stocks()).isTrue();
            assertThat(outline.personalMatters().properties()).extracting(Property::kind).containsExactly("home", "home");
            assertThat(outline.personalMatters().properties()).extracting(Property::areaM2).containsExactly("96", "128");
        }

        @Test
        void inlineActionsTakeTheYearFromContext() {
            Measure first = outline.measures().get(0);
            assertThat(first.title()).isEqualTo("严格落实党委领导下的院长负责制，修订党委会和院长办公会议事规则");
            assertThat(first.actions()).extracting(Action::deadline).containsExactly(date("2025-03-31"), date("2025-06-30"));
            Measure second = outline.measures().get(1);
            assertThat(second.actions()).extracting(Action::deadline)
                    .containsExactly(date("2025-09-30"), null, date("2025-03-31"));
            assertThat(second.actions().get(2).text()).isEqualTo("建立投诉整改回访制度，3月31日前建立。");
            Measure third = outline.measures().get(2);
            assertThat(third.title()).isEqualTo("加快提升医疗服务能力");
            assertThat(third.deadline()).isEqualTo(date("2025-12-31"));
        }
    }

    /**
     * UTF-8 with BOM and CRLF; copied from a PDF: hard-wrapped at 30 characters, page footers
     * between lines, watermarks glued inside and at the end of lines, no blank lines at all.
     */
    @Nested
    class WaterBureauPdfCopy {

        private final Outline outline = parse("2023-shuiwu-ju-pdf-wrapped.txt");

        @Test
        void linesAreJoinedIntoWholeSentences() {
            assertThat(outline.title()).isEqualTo("市水务局局长2023年度民主生活会发言提纲");
            assertThat(outline.notice()).isEqualTo("市委发〔2024〕3号");
            assertThat(outline.year()).isEqualTo(2023);
            assertThat(outline.carryOver()).extracting(g -> g.items().size()).containsExactly(2, 2);
            assertThat(outline.problems()).hasSize(7);
            assertThat(outline.problems().get(0).example())
                    .isEqualTo("在审批*工业园区取水许可时，对区域水资源承载能力论证不够充分，后续出现了季节性供水紧张。");
            assertThat(outline.rootCauses().get(1).analysis()).isEqualTo("对水安全风险的复杂性和突发性认识不足，存在侥幸心理。");
            assertThat(outline.cleanAreas()).containsExactly("落实全面从严治党主体责任", "执行重大事项请示报告制度");
            assertThat(outline.warnings()).isEmpty();
            OutlineAssertions.assertNoSiteNoise(OutlineJson.toPrettyJson(outline));
        }

        @Test
        void pageFootersDoNotBreakSentences() {
            Measure first = outline.measures().get(0);
            assertThat(first.actions()).extracting(Action::text).containsExactly(
                    "开展重点园区水资源承载能力复核，3月31日前完成。",
                    "建立河流生态补水长效机制，2024年底前出台实施办法。");
            assertThat(first.actions()).extracting(Action::deadline).containsExactly(date("2024-03-31"), date("2024-12-31"));
            assertThat(outline.measures().get(1).actions().get(0).deadline()).isEqualTo(date("2024-04-30"));
        }

        @Test
        void personalMatters() {
            PersonalMatters pm = outline.personalMatters();
            assertThat(List.of(pm.secretary(), pm.officialCar(), pm.sideIncome(), pm.travelAbroad(), pm.familyBusiness()))
                    .containsOnly(false);
            assertThat(pm.properties()).containsExactly(new Property("home", "市区*小区", "*", null, null, null));
        }
    }

    /**
     * UTF-16BE with BOM; Word hard line breaks at arbitrary places; themes 1、…方面： with ①②
     * problems; root causes 第一，第二，; measures with inline （1）（2） actions; "0次" declarations.
     */
    @Nested
    class StreetOfficeWordBreaks {

        private final Outline outline = parse("2023-dongcheng-jiedao-word-breaks-utf16be.txt");

        @Test
        void sentencesAreRejoined() {
            assertThat(outline.title()).isEqualTo("东城街道党工委书记2023年度民主生活会个人发言提纲");
            assertThat(outline.problems()).extracting(Problem::theme)
                    .containsExactly("思想政治建设", "思想政治建设", "服务群众", "服务群众", "服务群众", "从严治党", "从严治党");
            assertThat(outline.problems().get(0).statement()).isEqualTo("学习贯彻党的创新理论还不够深入。满足于完成规定学习任务，主动钻研不够。");
            assertThat(outline.problems().get(2).example()).isEqualTo("老旧小区加装电梯工作协调难度大，全年仅完成*部，与群众期盼还有差距。");
            assertThat(outline.problems().get(4).example()).isNull();
            assertThat(outline.rootCauses()).extracting(RootCause::title).containsExactly(
                    "理论学习有所松懈，没有真正做到学思用贯通",
                    "宗旨意识有所淡化，对群众的冷暖安危放在心上不够",
                    "从严管理的决心不够坚定，存在好人主义思想");
            assertThat(outline.warnings()).isEmpty();
        }

        @Test
        void zeroCountDeniesAndPropertyIsRead() {
            PersonalMatters pm = outline.personalMatters();
            assertThat(pm.travelAbroad()).isFalse();
            assertThat(pm.stocks()).isFalse();
            assertThat(pm.properties()).containsExactly(new Property("home", "*区*路*号院", "89", "*", null, null));
        }

        @Test
        void inlineParenthesisedActions() {
            assertThat(outline.measures()).extracting(m -> m.actions().size()).containsExactly(2, 3, 2);
            assertThat(outline.measures().get(0).actions()).extracting(Action::deadline)
                    .containsExactly(date("2024-03-31"), date("2024-02-29"));
            assertThat(outline.measures().get(1).deadline()).isEqualTo(date("2024-12-31"));
            assertThat(outline.measures().get(2).deadline()).isEqualTo(date("2024-05-31"));
        }
    }

    /** A .docx built with POI: runs split mid-word, automatic 一、 numbering, a heading style, a soft break. */
    @Nested
    class GeneratedDocx {

        private final Outline outline = parseDocx();

        private static Outline parseDocx() {
            try {
                return OutlineParser.parse(Fixtures.docxOutline(), "fagai-ju-2023.docx");
            } catch (OutlineParseException e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void runsAreJoinedAndNumberingIsRead() {
            assertThat(outline.title()).isEqualTo("某区发展和改革局局长2023年度民主生活会个人发言提纲");
            assertThat(outline.year()).isEqualTo(2023);
            assertThat(outline.notice()).isEqualTo("区委发〔2023〕28号");
            assertThat(outline.carryOver()).singleElement().satisfies(g -> {
                assertThat(g.theme()).isEqualTo("统筹发展和安全");
                assertThat(g.items()).containsExactly("建立重大项目风险评估机制，全年评估项目*个。", "修订粮食应急保障预案，开展演练1次。");
            });
            assertThat(outline.problems()).extracting(Problem::theme).containsExactly("推动高质量发展", "推动高质量发展", "调查研究");
            assertThat(outline.problems().get(0).example()).isEqualTo("2023年新入库项目中，产业类项目占比偏低。");
            assertThat(outline.problems().get(2).example())
                    .isEqualTo("关于县域商业体系建设的调研报告提出的建议，落地见效的还不多。");
            assertThat(outline.rootCauses()).extracting(RootCause::title).containsExactly("理论学习不够深入", "宗旨意识有所弱化");
            assertThat(outline.warnings()).isEmpty();
        }

        @Test
        void headingStyleSectionAndMeasures() {
            PersonalMatters pm = outline.personalMatters();
            assertThat(pm).isNotNull();
            assertThat(pm.secretary()).isFalse();
            assertThat(pm.properties()).containsExactly(new Property("home", "*区*小区", "102", null, null, null));
            assertThat(outline.measures()).extracting(Measure::title).containsExactly("提升谋划发展能力", "改进调查研究");
            assertThat(outline.measures().get(0).actions()).extracting(Action::deadline).containsExactly(date("2024-06-30"), null);
            assertThat(outline.measures().get(1).deadline()).isEqualTo(date("2024-09-30"));
        }
    }

    private static Outline parse(String name) {
        try {
            Outline outline = Fixtures.parseResource(name);
            OutlineAssertions.assertNoSiteNoise(OutlineJson.toPrettyJson(outline));
            return outline;
        } catch (OutlineParseException e) {
            throw new AssertionError(name + ": " + e.code() + " " + e.getMessage(), e);
        }
    }
}
