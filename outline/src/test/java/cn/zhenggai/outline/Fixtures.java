package cn.zhenggai.outline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Test inputs: the outline resources, and .docx files built at run time with POI. */
final class Fixtures {

    static final String SAMPLE = "sample-2022.txt";

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/outlines/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource outlines/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resourcePath(String name) {
        try {
            return Paths.get(Fixtures.class.getResource("/outlines/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    static Outline parseResource(String name) throws OutlineParseException {
        return OutlineParser.parse(resource(name), name);
    }

    static String sampleText() {
        return new String(resource(SAMPLE), StandardCharsets.UTF_8);
    }

    /**
     * A development-and-reform bureau outline as a .docx: every paragraph's text is split over
     * several runs (mid-word, mid-marker, bold pieces), section headings use Word's automatic
     * Chinese numbering (一、二、…), the personal matters heading is a "heading 1" styled paragraph
     * without a number, and one sentence is broken by a soft line break.
     */
    static byte[] docxOutline() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BigInteger sections = chineseSectionNumbering(doc);
            addHeadingStyle(doc);

            runs(doc, "某区发展和改革局", "局长2023年度民主生活会", "个人发言提纲");
            runs(doc, "根据区委《关于开好2023年度民主生活会的通知》（区委", "发〔2023〕", "28号）要求，本人认真学习",
                    "规定篇目，广泛征求意见，深入查摆问题。现发言如下。");

            numbered(doc, sections, "上年度", "整改措施落实情况");
            runs(doc, "（一）针对", "统筹发展和安全方面查摆出的2个问题。", "一是建立重大项目风险评估机制，",
                    "全年评估项目*个。二", "是修订粮食应急保障预案，开展演练1次。");

            numbered(doc, sections, "查摆的", "突出问题");
            runs(doc, "（一）推动", "高质量发展方面。", "一是谋划重大项目的前瞻性不够。", "比如", "，",
                    "2023年新入库项目中，产业类项目占比偏低。二是服务企业的主动性不够。",
                    "例如，对民营企业反映的融资难问题，协调解决不够及时。");
            softBreak(doc, "（二）调查研究方面。一是调研成果转化不够。比如，关于县域商业体系建设的",
                    "调研报告提出的建议，落地见效的还不多。");

            numbered(doc, sections, "问题产生的", "根源");
            runs(doc, "（一）", "理论学习不够深入。", "满足于学过了、知道了，", "学用结合不够紧密。");
            runs(doc, "（二）宗旨意识有所弱化。", "联系服务企业群众不够经常。");

            styled(doc, "Heading1", "个人有关事项说明");
            runs(doc, "本人没有配备秘书，", "未配备公务用车。本人无兼职。本人", "未因私出国（境）。",
                    "本人与配偶共有住房一套，位于*区*小区，面积", "102", "平方米。配偶、子女没有经商办企业。");

            numbered(doc, sections, "整改", "措施");
            runs(doc, "（一）", "提升谋划发展能力。", "一是建立重大项目储备库动态调整机制，2024年", "6月底前建立；",
                    "二是每季度开展一次项目谋划专题培训，长期坚持。");
            runs(doc, "（二）改进调查研究。", "一是", "建立调研成果转化台账，2024年9月底前建立。");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One paragraph whose text is the given pieces, each in its own run (odd pieces bold). */
    private static XWPFParagraph runs(XWPFDocument doc, String... pieces) {
        XWPFParagraph paragraph = doc.createParagraph();
        for (int i = 0; i < pieces.length; i++) {
            XWPFRun run = paragraph.createRun();
            run.setText(pieces[i]);
            run.setBold(i % 2 == 1);
        }
        return paragraph;
    }

    private static void numbered(XWPFDocument doc, BigInteger numId, String... pieces) {
        XWPFParagraph paragraph = runs(doc, pieces);
        paragraph.setNumID(numId);
        paragraph.setNumILvl(BigInteger.ZERO);
    }

    private static void styled(XWPFDocument doc, String styleId, String text) {
        XWPFParagraph paragraph = runs(doc, text);
        paragraph.setStyle(styleId);
    }

    /** A paragraph whose sentence is broken by a soft line break (Shift+Enter) between two runs. */
    private static void softBreak(XWPFDocument doc, String before, String after) {
        XWPFParagraph paragraph = doc.createParagraph();
        XWPFRun first = paragraph.createRun();
        first.setText(before);
        first.addBreak();
        paragraph.createRun().setText(after);
    }

    private static BigInteger chineseSectionNumbering(XWPFDocument doc) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.valueOf(7));
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewStart().setVal(BigInteger.ONE);
        level.addNewNumFmt().setVal(STNumberFormat.CHINESE_COUNTING);
        level.addNewLvlText().setVal("%1、");
        XWPFNumbering numbering = doc.createNumbering();
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum, numbering));
        return numbering.addNum(abstractId);
    }

    private static void addHeadingStyle(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId("Heading1");
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal("heading 1");
        styles.addStyle(new XWPFStyle(style, styles));
    }

    /**
     * A ZIP that looks like a .docx but whose word/document.xml inflates to {@code inflatedMb}
     * megabytes of spaces (about a thousand times its compressed size).
     */
    static byte[] zipBomb(int inflatedMb) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < inflatedMb; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A ZIP that looks like a .docx whose word/document.xml inflates to {@code inflatedMb} megabytes at a modest
     * ratio (random letters among spaces, about 60 times its compressed size).
     */
    static byte[] lowRatioDocx(int inflatedMb) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            java.util.Random random = new java.util.Random(9);
            byte[] block = new byte[50 * 1024];
            for (long written = 0; written < (long) inflatedMb << 20; written += block.length) {
                java.util.Arrays.fill(block, (byte) ' ');
                for (int i = 0; i < 1024; i++) {
                    block[i] = (byte) ('a' + random.nextInt(26));
                }
                zip.write(block);
            }
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid ZIP holding the given entries (name, text, name, text …). */
    static byte[] zip(String... namesAndTexts) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
