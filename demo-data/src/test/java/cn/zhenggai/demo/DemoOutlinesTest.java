package cn.zhenggai.demo;

import cn.zhenggai.outline.Outline;
import cn.zhenggai.outline.OutlineParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's generated outlines parse into what they say: themes, problems, root causes, measures with deadlines. */
class DemoOutlinesTest {

    @Test
    void generatedOutlinesParseIntoTheirThemesProblemsRootCausesAndMeasures() throws Exception {
        for (int cadre = 0; cadre < 8; cadre++) {
            for (int year : List.of(2021, 2022)) {
                DemoOutlines.Outline generated = DemoOutlines.outline("财政局", "王*华", cadre, year,
                        List.of("2027年6月底前", "2027年3月底前", "长期坚持"), "王*华");
                Outline parsed = OutlineParser.parse(generated.text().getBytes(StandardCharsets.UTF_8),
                        "demo.txt");
                assertThat(parsed.year()).isEqualTo(year);
                assertThat(parsed.problems()).hasSize(6);
                assertThat(parsed.problems().stream().map(p -> p.theme()).distinct().toList())
                        .isEqualTo(generated.themes());
                assertThat(parsed.problems().stream().map(p -> p.statement()).toList())
                        .isEqualTo(generated.statements());
                assertThat(parsed.rootCauses()).hasSize(3);
                assertThat(parsed.measures()).hasSize(3);
                assertThat(parsed.measures().get(0).owner()).isEqualTo("王*华");
                assertThat(parsed.measures().get(0).deadline()).hasToString("2027-06-30");
                assertThat(parsed.measures().get(2).deadlineText()).isEqualTo("长期坚持");
                assertThat(parsed.carryOver()).isEmpty();
            }
        }
    }
}
