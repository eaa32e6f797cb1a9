package cn.zhenggai.report.importing;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.CleanAreasDeclared;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;
import cn.zhenggai.outline.Outline;
import cn.zhenggai.outline.OutlineParser;
import cn.zhenggai.outline.PersonalMatters;
import cn.zhenggai.outline.Problem;
import cn.zhenggai.report.confidential.InMemoryKeys;
import cn.zhenggai.report.confidential.PersonalMattersCipher;
import cn.zhenggai.report.drafting.Editor;
import cn.zhenggai.report.drafting.ImportReport;
import cn.zhenggai.report.drafting.Report;
import cn.zhenggai.report.exporting.DocxExporter;
import cn.zhenggai.report.viewing.ReportView;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample outline imported in one command (all its content as events, atomically), exported to .docx in the
 * customary layout, and parsed back to the same structure.
 */
class SampleImportTest {

    private static final Editor LIAISON = Editor.member("demo-dept", "XZSPJ");

    private AggregateTestFixture<Report> fixture;
    private Outline sample;
    private final InMemoryKeys keys = new InMemoryKeys();
    private final PersonalMattersCipher cipher = new PersonalMattersCipher(keys);

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AggregateTestFixture<>(Report.class);
        try (InputStream in = getClass().getResourceAsStream("/outlines/sample-2022.txt")) {
            sample = OutlineParser.parse(in.readAllBytes(), "sample-2022.txt");
        }
    }

    private ImportReport command(Outline outline) {
        AtomicInteger ids = new AtomicInteger();
        return OutlineToReport.map(outline, "r1", null, null, cipher.seal("demo-dept", outline.personalMatters()),
                LIAISON, () -> "id" + ids.incrementAndGet()).command();
    }

    private List<Object> importEvents(Outline outline) {
        List<Object> events = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(command(outline))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(new BaseMatcher<List<? super EventMessage<?>>>() {
                    @Override
                    public boolean matches(Object actual) {
                        ((List<?>) actual).forEach(m -> events.add(((EventMessage<?>) m).getPayload()));
                        return true;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("any events");
                    }
                });
        return events;
    }

    @Test
    void theSampleBecomesOneDraftWithAllItsContent() {
        List<Object> events = importEvents(sample);
        assertThat(events.get(0)).isEqualTo(new ReportDrafted("r1", "行政审批局2022年度民主生活会个人发言提纲", 2022,
                "demo-dept", "XZSPJ"));
        assertThat(events.get(1)).isEqualTo(new MeetingReferenced("r1", "XZSPJ", null, "*发〔2022〕12号"));
        CarryOverStated carryOver = only(events, CarryOverStated.class).get(0);
        assertThat(carryOver.groups()).extracting(g -> g.items().size()).containsExactly(3, 3, 3, 3, 3, 4);
        List<ProblemIdentified> problems = only(events, ProblemIdentified.class);
        assertThat(problems).hasSize(21).allSatisfy(p -> assertThat(p.example()).isNotBlank());
        assertThat(only(events, CleanAreasDeclared.class).get(0).areas()).hasSize(6);
        List<RootCauseAnalyzed> causes = only(events, RootCauseAnalyzed.class);
        assertThat(causes).hasSize(3);
        List<MeasureProposed> measures = only(events, MeasureProposed.class);
        assertThat(measures).extracting(MeasureProposed::title).containsExactly("强化理论武装建设，增强学习意识",
                "强化党性修养锤炼，增强服务意识", "强化主动担当作为，增强斗争意识");
        assertThat(measures).extracting(m -> m.rootCauseIds().get(0))
                .containsExactly(causes.get(0).rootCauseId(), causes.get(1).rootCauseId(), causes.get(2).rootCauseId());
        PersonalMattersDeclared declared = only(events, PersonalMattersDeclared.class).get(0);
        assertThat(declared.ciphertext()).doesNotContain("秘书");
        assertThat(cipher.open(declared)).contains(sample.personalMatters());
        assertThat(events).hasSize(2 + 1 + 21 + 1 + 3 + 1 + 3);
    }

    @Test
    void anOutlineTheReportRefusesCreatesNothing() {
        List<Problem> problems = new ArrayList<>(sample.problems());
        problems.set(3, new Problem("主题", 1, " ", null));
        Outline broken = new Outline(sample.title(), sample.year(), sample.notice(), sample.carryOver(), problems,
                sample.cleanAreas(), sample.rootCauses(), sample.personalMatters(), sample.measures(),
                sample.warnings());
        fixture.givenNoPriorActivity()
                .when(command(broken))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void repeatedNumberingAndMissingThemesAreSettledWithWarnings() {
        Outline messy = new Outline("", 1890, null, List.of(), List.of(new Problem("", 1, "问题一。", null),
                new Problem("", 1, "问题二。", null)), List.of(), List.of(), null, List.of(), List.of());
        OutlineToReport.Mapped mapped = OutlineToReport.map(messy, "r1", null, null, null, LIAISON,
                new AtomicInteger()::toString);
        assertThat(mapped.command().title()).isEqualTo("民主生活会发言提纲");
        assertThat(mapped.command().year()).isNull();
        assertThat(mapped.command().problems()).extracting(ImportReport.ProblemDraft::ordinal).containsExactly(1, 2);
        assertThat(mapped.warnings()).hasSize(4);
    }

    @Test
    void problemThemesOutsideTheMeetingsThemesAreWarnedAbout() {
        ImportReport command = command(sample);
        List<String> warnings = OutlineToReport.themesOutsideMeeting(command.problems(), List.of(
                "带头深刻领悟“两个确立”的决定性意义", "带头用习近平新时代中国特色社会主义思想凝心铸魂方面",
                "带头坚持和加强党的全面领导", "带头坚持以人民为中心的发展思想", "带头发扬斗争精神", "带头落实全面从严治党政治责任"));
        assertThat(warnings).containsExactly("问题所属方面“其他”不在本次民主生活会的主题中");
    }

    @Test
    void theExportedSampleParsesBackToTheSameStructure() throws Exception {
        ReportView view = new ReportView();
        long seq = 0;
        for (Object event : importEvents(sample)) {
            view.apply(event, seq++, Instant.now());
        }
        PersonalMatters matters = cipher.open(view.sealedPersonalMatters()).orElseThrow();
        byte[] docx = DocxExporter.export(view, matters);

        Outline back = OutlineParser.parse(docx, "exported.docx");
        assertThat(back.title()).isEqualTo(sample.title());
        assertThat(back.year()).isEqualTo(sample.year());
        assertThat(back.notice()).isEqualTo(sample.notice());
        assertThat(back.carryOver()).isEqualTo(sample.carryOver());
        assertThat(back.problems()).isEqualTo(sample.problems());
        assertThat(back.cleanAreas()).isEqualTo(sample.cleanAreas());
        assertThat(back.rootCauses()).isEqualTo(sample.rootCauses());
        assertThat(back.personalMatters()).isEqualTo(sample.personalMatters());
        assertThat(back.measures()).isEqualTo(sample.measures());
        assertThat(back.warnings()).isEmpty();
        DocxLayout layout = DocxLayout.of(docx);
        assertThat(layout.titleCentred()).isTrue();
        assertThat(layout.headingFonts()).hasSize(5).containsOnly("黑体");
        assertThat(layout.bodyFonts()).isNotEmpty().containsOnly("仿宋_GB2312");
    }

    @Test
    void withoutTheDeclarationTheExportLeavesPersonalMattersOut() throws Exception {
        ReportView view = new ReportView();
        long seq = 0;
        for (Object event : importEvents(sample)) {
            view.apply(event, seq++, Instant.now());
        }
        Outline back = OutlineParser.parse(DocxExporter.export(view, null), "exported.docx");
        assertThat(back.personalMatters()).isNull();
        assertThat(back.problems()).hasSize(21);
        assertThat(back.measures()).hasSize(3);
    }

    private static <T> List<T> only(List<Object> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Reads fonts and alignment back from the document. */
    record DocxLayout(boolean titleCentred, List<String> headingFonts, List<String> bodyFonts) {
        static DocxLayout of(byte[] docx) throws IOException {
            try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
                var paragraphs = doc.getParagraphs();
                boolean centred = paragraphs.get(0).getAlignment()
                        == org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER;
                List<String> headings = new ArrayList<>();
                List<String> body = new ArrayList<>();
                for (var p : paragraphs.subList(1, paragraphs.size())) {
                    var runs = p.getRuns();
                    String font = runs.get(runs.size() - 1).getFontFamily(
                            org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia);
                    if (p.getText().matches("^[一二三四五六七八九十]、.*")) {
                        headings.add(runs.get(0).getFontFamily(
                                org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia));
                    } else {
                        body.add(font);
                    }
                }
                return new DocxLayout(centred, headings, body);
            }
        }
    }
}
