package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PDF layout rules on glyphs placed by hand: columns, furniture, joins. */
class PdfLayoutTest {

    private static final float EM = 12;
    private static final String[] BODIES = {
        "一是理论学习不够系统深入，满足于读原文记笔记，联系工作实际思考不够，学用结合不够紧密。",
        "二是调查研究不够经常，到基层一线解剖麻雀少，对群众急难愁盼问题掌握得不够全面具体。",
        "三是担当作为不够有力，面对矛盾问题有畏难情绪，推进重点工作的办法不多，成效不够明显。",
        "四是作风建设有所松懈，文山会海问题仍有反弹，督促检查多停留在听汇报看材料层面上。",
    };
    private static final String[] ENDS = {"比如，调研次数偏少。", "例如，反馈不够及时。", "比如，进度比计划滞后。", "例如，发文数量上升。"};

    @Test
    void columnsWhoseBaselinesDoNotMeetAreStillReadLeftThenRight() {
        // given a page whose right column is set half a line lower than the left one
        List<PdfReader.Glyph> glyphs = new ArrayList<>();
        String left = "左栏第一段的文字从这里开始一直写到栏的右边然后折到下一行继续写下去直到这一段话结束为止。";
        String right = "右栏第二段的文字也从这里开始一直写到栏的右边然后折到下一行继续写下去直到结束为止。";
        place(glyphs, left, 72, 100, 18);
        place(glyphs, right, 306, 106, 18);
        PdfReader.PageText page = new PdfReader.PageText(1, 595, 842, glyphs);

        // when
        ReadResult read = new PdfReader.Layout(List.of(page)).read();

        // then the left column's paragraph comes whole, then the right one's
        List<String> texts = read.lines().stream().map(SourceLine::text).filter(t -> !t.isBlank()).toList();
        assertThat(texts).containsExactly(left, right);
        assertThat(read.notes()).contains(OutlineWarning.of(WarningCode.PDF_COLUMNS_READ, "pages", "1"));
    }

    @Test
    void aSingleColumnWithAShortLastLineIsNotTwoColumns() {
        List<PdfReader.Glyph> glyphs = new ArrayList<>();
        String text = "一整行的文字从左边距写到右边距中间没有任何空白的地方这样的一段话会折成好几行".repeat(3) + "而最后一行比较短。";
        place(glyphs, text, 72, 100, 37);
        place(glyphs, "二是另起一段。", 72 + 2 * EM, 100 + 20 * 4, 37);
        ReadResult read = new PdfReader.Layout(List.of(new PdfReader.PageText(1, 595, 842, glyphs))).read();

        assertThat(read.notes()).extracting(OutlineWarning::code).doesNotContain(WarningCode.PDF_COLUMNS_READ);
        assertThat(read.lines().stream().map(SourceLine::text).filter(t -> !t.isBlank()).toList())
                .containsExactly(text, "二是另起一段。");
    }

    @Test
    void aHeaderOnFewerThanHalfThePagesIsKept() {
        List<PdfReader.PageText> pages = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            List<PdfReader.Glyph> glyphs = new ArrayList<>();
            if (p == 1) {
                place(glyphs, "只在首页出现的一行", 72, 40, 37);
            }
            place(glyphs, BODIES[p - 1], 72, 100, 37);
            place(glyphs, ENDS[p - 1], 72 + 2 * EM, 160, 37);
            place(glyphs, "- " + p + " -", 280, 800, 37);
            pages.add(new PdfReader.PageText(p, 595, 842, glyphs));
        }
        ReadResult read = new PdfReader.Layout(pages).read();

        List<String> texts = read.lines().stream().map(SourceLine::text).toList();
        assertThat(texts).contains("只在首页出现的一行").noneMatch(t -> t.matches("- \\d -"));
        assertThat(read.notes()).contains(OutlineWarning.of(WarningCode.PDF_PAGE_FURNITURE_REMOVED, "lines", 4));
    }

    @Test
    void anIndentTypedAsFullWidthSpacesStartsAParagraphLikeAPositionedOne() {
        // given a heading and a paragraph, each opening with two U+3000 spaces drawn as glyphs from the left margin
        List<PdfReader.Glyph> glyphs = new ArrayList<>();
        String heading = "二、问题产生的根源";
        String body = "一是理论学习不够系统深入，满足于读原文记笔记，联系工作实际思考不够，学用结合不够紧密，".repeat(2) + "完。";
        place(glyphs, "\u3000\u3000" + heading, 72, 100, 37);
        place(glyphs, "\u3000\u3000" + body, 72, 120, 37);

        // when
        ReadResult read = new PdfReader.Layout(List.of(new PdfReader.PageText(1, 595, 842, glyphs))).read();

        // then the paragraph is not joined onto the heading
        assertThat(read.lines().stream().map(SourceLine::text).filter(t -> !t.isBlank()).map(String::strip).toList())
                .containsExactly(heading, body);
    }

    @Test
    void aPrintedIndentOfFullWidthSpacesStartsAParagraph() throws OutlineParseException {
        // given a PDF whose every line starts at the margin, paragraphs indented by two U+3000 typed before them
        String line = "一是理论学习不够系统深入，满足于读原文记笔记，联系工作实际思考不够，学用";  // 37 em: a full line
        byte[] pdf = PdfFixtures.linesFromTheMargin(List.of("\u3000\u3000二、问题产生的根源",
                "\u3000\u3000" + line.substring(2), "结合不够紧密。", "\u3000\u3000二是调查研究不够经常。"));

        // when
        ReadResult read = PdfReader.read(pdf);

        // then the heading and both paragraphs stay apart
        assertThat(read.lines().stream().map(SourceLine::text).filter(t -> !t.isBlank()).map(String::strip).toList())
                .containsExactly("二、问题产生的根源", line.substring(2) + "结合不够紧密。", "二是调查研究不够经常。");
    }

    /** Sets {@code text} in lines of {@code perLine} em-wide glyphs from (x, y), 20 pt apart. */
    private static int place(List<PdfReader.Glyph> glyphs, String text, float x, float y, int perLine) {
        int i = 0;
        int lines = 0;
        float lineY = y;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + perLine);
            for (int k = i; k < end; k++) {
                glyphs.add(new PdfReader.Glyph(x + (k - i) * EM, lineY, EM, EM, String.valueOf(text.charAt(k))));
            }
            i = end;
            lineY += 20;
            lines++;
        }
        return lines;
    }
}
