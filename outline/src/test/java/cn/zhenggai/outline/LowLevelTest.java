package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The building blocks: cleaning, numbering markers, inline enumerations, line joining, .docx reading. */
class LowLevelTest {

    @Test
    void watermarksAreStrippedWhereverTheyAre() {
        assertThat(TextCleaner.clean("二、重点查找的突出问题笔杆儿网www.bgzjy.cn")).isEqualTo("二、重点查找的突出问题");
        assertThat(TextCleaner.clean("目标。笔杆儿网，www.biganzijiayuan.com")).isEqualTo("目标。");
        // a name is known as a site's once it is seen glued to a domain; then it goes wherever it stands
        assertThat(TextCleaner.cleanLines(List.of("一、查摆问题笔杆儿网www.bgzjy.cn", "学习笔杆儿网制度")))
                .containsExactly("一、查摆问题", "学习制度");
        assertThat(TextCleaner.clean("学习笔杆儿网制度")).as("a name never seen with a domain is text").isEqualTo("学习笔杆儿网制度");
        assertThat(TextCleaner.clean("见https://example.org/a?b=1网站")).isEqualTo("见网站");
        assertThat(TextCleaner.clean("　　本人 没有 配备秘书。\u200B")).isEqualTo("本人没有配备秘书。");
        assertThat(TextCleaner.clean("＊区政务服务达到*%，增长2.5个百分点")).isEqualTo("*区政务服务达到*%，增长2.5个百分点");
    }

    @Test
    void markersInEveryStyle() {
        assertThat(Marker.at("一、查摆问题")).extracting(Marker::kind, Marker::ordinal).containsExactly(Marker.Kind.SECTION, 1);
        assertThat(Marker.at("第三部分 整改措施")).extracting(Marker::kind, Marker::ordinal).containsExactly(Marker.Kind.SECTION, 3);
        assertThat(Marker.at("（十二）其他")).extracting(Marker::kind, Marker::ordinal).containsExactly(Marker.Kind.PAREN_CN, 12);
        assertThat(Marker.at("(二)其他")).extracting(Marker::kind).isEqualTo(Marker.Kind.PAREN_CN);
        assertThat(Marker.at("1.学习")).extracting(Marker::kind).isEqualTo(Marker.Kind.NUMBER);
        assertThat(Marker.at("2、学习")).extracting(Marker::kind, Marker::ordinal).containsExactly(Marker.Kind.NUMBER, 2);
        assertThat(Marker.at("3．学习")).extracting(Marker::kind).isEqualTo(Marker.Kind.NUMBER);
        assertThat(Marker.at("(1)学习")).extracting(Marker::kind).isEqualTo(Marker.Kind.PAREN_NUMBER);
        assertThat(Marker.at("（10）学习")).extracting(Marker::kind, Marker::ordinal).containsExactly(Marker.Kind.PAREN_NUMBER, 10);
        assertThat(Marker.at("③学习")).extracting(Marker::kind, Marker::ordinal).containsExactly(Marker.Kind.CIRCLED, 3);
        assertThat(Marker.at("二是学习")).extracting(Marker::kind, Marker::ordinal).containsExactly(Marker.Kind.INLINE, 2);
        assertThat(Marker.at("第一，学习")).extracting(Marker::kind).isEqualTo(Marker.Kind.INLINE);
        assertThat(Marker.at("2022年度")).isNull();
        assertThat(Marker.at("1.5倍")).isNull();
        assertThat(Marker.at("第一书记")).isNull();
        assertThat(Marker.at("一定要")).isNull();
    }

    @Test
    void inlineEnumerationsNeedABoundary() {
        InlineEnumeration.Split split = InlineEnumeration.split("有3个问题。一是统一是基础；二是学习不够，三是作风不实。");
        assertThat(split.prefix()).isEqualTo("有3个问题。");
        assertThat(split.items()).extracting(InlineEnumeration.Item::text)
                .containsExactly("统一是基础。", "学习不够。", "作风不实。");
        assertThat(InlineEnumeration.split("其一，学习。其二，调研。").items()).hasSize(2);
        assertThat(InlineEnumeration.split("措施如下：（1）学习；（2）调研。").items()).extracting(InlineEnumeration.Item::text)
                .containsExactly("学习。", "调研。");
        assertThat(InlineEnumeration.split("①学习；②调研").items()).hasSize(2);
        assertThat(InlineEnumeration.split("二是学习。三是调研。", 2).items()).extracting(InlineEnumeration.Item::ordinal)
                .containsExactly(2, 3);
        assertThat(InlineEnumeration.split("没有编号的句子。").isEmpty()).isTrue();
    }

    @Test
    void chineseNumerals() {
        assertThat(List.of("一", "十", "十二", "二十", "九十九", "两").stream().map(ChineseNumerals::parse))
                .containsExactly(1, 10, 12, 20, 99, 2);
        assertThat(ChineseNumerals.parse("百")).isEqualTo(-1);
        assertThat(ChineseNumerals.format(21)).isEqualTo("二十一");
    }

    @Test
    void pdfLikeWrappingIsDetectedAndJoined() {
        List<SourceLine> lines = List.of(
                SourceLine.plain("（一）带头深刻领悟“两个确立”的决定性意义方面。一是学习"),
                SourceLine.plain("不够深入，理解不够透彻，运用不够自觉。比如，学习笔记记"),
                SourceLine.plain("得多，结合实际思考得少，研讨发言质量不高，成效还不够明"),
                SourceLine.plain("显。"),
                SourceLine.plain("（二）强化理论武装"),
                SourceLine.plain("坚持每周学习一次，每月研讨一次，每季度交流一次，形成"),
                SourceLine.plain("学习制度并长期坚持下去，确保学习取得实实在在的成效。"));
        assertThat(ParagraphBuilder.estimateWrapWidth(lines)).isBetween(54, 60);
        ParagraphBuilder.Result result = ParagraphBuilder.build(lines);
        assertThat(result.paragraphs()).extracting(Paragraph::text).containsExactly(
                "（一）带头深刻领悟“两个确立”的决定性意义方面。一是学习不够深入，理解不够透彻，运用不够自觉。比如，学习笔记记得多，结合实际思考得少，研讨发言质量不高，成效还不够明显。",
                "（二）强化理论武装",
                "坚持每周学习一次，每月研讨一次，每季度交流一次，形成学习制度并长期坚持下去，确保学习取得实实在在的成效。");
    }

    @Test
    void freeLayoutKeepsShortHeadingsApart() {
        List<SourceLine> lines = List.of(
                SourceLine.plain("某局2023年度发言提纲"),
                SourceLine.plain(""),
                SourceLine.plain("一、个人有关事项说明"),
                SourceLine.plain("本人没有配备秘书，"),
                SourceLine.plain("未配备公务用车。"),
                SourceLine.plain("（一）强化理论武装"),
                SourceLine.plain("坚持每周学习"),
                SourceLine.plain("一次。"));
        ParagraphBuilder.Result result = ParagraphBuilder.build(lines);
        assertThat(result.titleLines()).containsExactly("某局2023年度发言提纲");
        assertThat(result.paragraphs()).extracting(Paragraph::text).containsExactly(
                "一、个人有关事项说明", "本人没有配备秘书，未配备公务用车。", "（一）强化理论武装", "坚持每周学习一次。");
    }

    @Test
    void docxNumberingStylesAndRunsAreRead() throws Exception {
        DocxReader.Result result = DocxReader.read(Fixtures.docxOutline());
        List<String> texts = result.lines().stream().map(SourceLine::text).toList();
        assertThat(texts).contains("一、上年度整改措施落实情况", "二、查摆的突出问题", "三、问题产生的根源", "四、整改措施");
        assertThat(texts).contains("（一）针对统筹发展和安全方面查摆出的2个问题。一是建立重大项目风险评估机制，全年评估项目*个。二是修订粮食应急保障预案，开展演练1次。");
        assertThat(result.lines()).filteredOn(l -> l.text().equals("个人有关事项说明"))
                .singleElement().extracting(SourceLine::headingLevel).isEqualTo(1);
        assertThat(texts).contains("（二）调查研究方面。一是调研成果转化不够。比如，关于县域商业体系建设的", "调研报告提出的建议，落地见效的还不多。");
        assertThat(DocxReader.formatNumber(3, "chineseCounting")).isEqualTo("三");
        assertThat(DocxReader.formatNumber(4, "decimalEnclosedCircle")).isEqualTo("④");
        assertThat(DocxReader.formatNumber(4, "lowerRoman")).isEqualTo("iv");
    }

    @Test
    void propertiesAndDeclarations() {
        List<Property> properties = PersonalMattersParser.properties(
                "本人名下有住房两套：一套位于*区*小区，面积120㎡，价格1500000元；另一套在*县城，面积80平方米。办公用房在301室，面积12平方米。");
        assertThat(properties).containsExactly(
                new Property("home", "*区*小区", "120", "150", null, null),
                new Property("home", "*县城", "80", null, null, null));
        PersonalMatters pm = PersonalMattersParser.parse("本人未配备秘书。因私出国（境）0次。");
        assertThat(pm.secretary()).isFalse();
        assertThat(pm.travelAbroad()).isFalse();
        assertThat(pm.officialCar()).isNull();
    }
}
