package cn.zhenggai.report.exporting;

import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.reportview.ReportState;
import cn.zhenggai.outline.PersonalMatters;
import cn.zhenggai.report.viewing.ReportView;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a report as a .docx in the customary layout of a 发言提纲: title centred in 方正小标宋简体 二号, section
 * headings (一、二、…) in 黑体 三号, sub-headings (（一）（二）…) in 楷体_GB2312 leading their paragraph, body in
 * 仿宋_GB2312 三号 with a two-character first-line indent and 28-point fixed line spacing; items numbered 一是、二是….
 * The personal matters section is written only when the caller passes the opened declaration.
 */
public final class DocxExporter {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体_GB2312";
    static final String BODY_FONT = "仿宋_GB2312";
    private static final int SIZE_2 = 22;
    private static final int SIZE_3 = 16;
    private static final String[] SECTION = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private DocxExporter() {
    }

    public static byte[] export(ReportView report, PersonalMatters personalMatters) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(240);
            run(title, report.title, TITLE_FONT, SIZE_2, false);

            body(doc, null, preamble(report));
            int section = 0;
            if (!report.carryOver.isEmpty()) {
                heading(doc, section++, "上年度民主生活会整改措施落实情况");
                int n = 0;
                for (CarryOverStated.Group group : report.carryOver) {
                    body(doc, sub(n++) + sentence(group.heading()), enumerate(group.items()));
                }
            }
            Map<String, List<ReportView.ProblemView>> themes = report.problemsByTheme();
            if (!themes.isEmpty() || !report.cleanAreas.isEmpty()) {
                heading(doc, section++, "重点查找的突出问题");
                int n = 0;
                for (Map.Entry<String, List<ReportView.ProblemView>> theme : themes.entrySet()) {
                    List<String> items = new ArrayList<>();
                    for (ReportView.ProblemView p : theme.getValue()) {
                        items.add(p.example() == null ? p.statement()
                                : sentence(p.statement()) + "比如，" + p.example());
                    }
                    body(doc, sub(n++) + sentence(themeHeading(theme.getKey())), enumerate(items));
                }
                if (!report.cleanAreas.isEmpty()) {
                    body(doc, null, "经过认真查摆，在" + String.join("、", report.cleanAreas) + "等方面未发现存在问题。");
                }
            }
            if (!report.rootCauses.isEmpty()) {
                heading(doc, section++, "深刻剖析问题产生的根源");
                int n = 0;
                for (ReportState.RootCause cause : report.rootCauses) {
                    body(doc, sub(n++) + sentence(cause.title()), cause.analysis());
                }
            }
            if (personalMatters != null) {
                heading(doc, section++, "个人有关事项说明");
                for (String paragraph : personalMatters.text().split("\n")) {
                    if (!paragraph.isBlank()) {
                        body(doc, null, paragraph.strip());
                    }
                }
            }
            if (!report.measures.isEmpty()) {
                heading(doc, section, "努力方向和整改措施");
                int n = 0;
                for (ReportState.ProposedMeasure measure : report.measures) {
                    body(doc, sub(n++) + sentence(measure.title()), measureText(measure));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report as .docx", e);
        }
    }

    private static String preamble(ReportView report) {
        StringBuilder text = new StringBuilder("根据");
        if (report.year != null) {
            text.append("《关于开好").append(report.year).append("年度民主生活会的通知》");
        } else {
            text.append("民主生活会通知");
        }
        if (report.notice != null) {
            text.append("（").append(report.notice).append("）");
        }
        return text.append("有关要求，本人认真查摆突出问题、深入剖析问题产生根源、明确整改措施和努力方向。现将个人对照检查情况报告如下。")
                .toString();
    }

    private static String themeHeading(String theme) {
        return theme.endsWith("方面") ? theme : theme + "方面";
    }

    private static String measureText(ReportState.ProposedMeasure m) {
        StringBuilder text = new StringBuilder(m.content() == null ? "" : m.content());
        List<String> missing = new ArrayList<>();
        for (MeasureProposed.Action action : m.actions()) {
            if (!text.toString().contains(action.text())) {
                missing.add(action.deadlineText() == null ? action.text()
                        : sentence(action.text()).replaceAll("。$", "") + "，" + action.deadlineText() + "完成。");
            }
        }
        if (!missing.isEmpty()) {
            text.append(enumerate(missing));
        }
        appendLabel(text, "牵头单位", m.leadDepartment());
        appendLabel(text, "配合单位", m.cooperatingDepartments().isEmpty() ? null
                : String.join("、", m.cooperatingDepartments()));
        appendLabel(text, "责任人", m.owner());
        appendLabel(text, "完成时限", m.deadlineText() != null ? m.deadlineText() : m.deadline());
        return text.toString();
    }

    private static void appendLabel(StringBuilder text, String label, String value) {
        if (value != null && !text.toString().contains(label)) {
            text.append(label).append("：").append(value).append("。");
        }
    }

    /** 一是…二是…, each item a whole sentence. */
    static String enumerate(List<String> items) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            text.append(ordinal(i + 1)).append("是").append(sentence(items.get(i)));
        }
        return text.toString();
    }

    /** {@code text} with every character XML 1.0 cannot carry replaced by U+FFFD; tab and line breaks kept. */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    || c == 0xFFFE || c == 0xFFFF) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The download's file name: the title on one line, without what file systems refuse; never empty. */
    public static String fileName(String title) {
        String name = xmlSafe(title == null ? "" : title).replace('\uFFFD', ' ')
                .replaceAll("[\\p{Cntrl}\\\\/:*?\"<>|]+", " ").replaceAll("\\s+", " ").strip();
        if (name.length() > 120) {
            name = name.substring(0, 120).strip();
        }
        return (name.isEmpty() ? "发言提纲" : name) + ".docx";
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || "。！？；：".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + "。";
    }

    private static String sub(int index) {
        return "（" + ordinal(index + 1) + "）";
    }

    static String ordinal(int n) {
        if (n <= 10) {
            return SECTION[n - 1];
        }
        if (n < 20) {
            return "十" + SECTION[n - 11];
        }
        return SECTION[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : SECTION[n % 10 - 1]);
    }

    private static void heading(XWPFDocument doc, int index, String text) {
        XWPFParagraph p = doc.createParagraph();
        layout(p);
        run(p, SECTION[index] + "、" + text, HEADING_FONT, SIZE_3, false);
    }

    private static void body(XWPFDocument doc, String lead, String text) {
        XWPFParagraph p = doc.createParagraph();
        layout(p);
        if (lead != null) {
            run(p, lead, SUBHEADING_FONT, SIZE_3, false);
        }
        if (text != null && !text.isEmpty()) {
            run(p, text, BODY_FONT, SIZE_3, false);
        }
    }

    private static void layout(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(640);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
    }

    /**
     * Stored text as a run: line breaks become Word line breaks; what XML cannot hold (control characters, unpaired
     * surrogates, which the edge refuses today but older events may carry) becomes U+FFFD, so that an export never
     * fails on what the record holds.
     */
    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        String[] lines = xmlSafe(text).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
    }
}
