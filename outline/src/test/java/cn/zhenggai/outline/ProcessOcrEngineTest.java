package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worker process's failures become OCR_UNAVAILABLE within the timeouts, and a page is read through the worker
 * protocol. Stand-in workers are shell one-liners; {@link ScannedOutlineTest} runs the real worker.
 */
class ProcessOcrEngineTest {

    private static final BufferedImage PAGE = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);

    private static ProcessOcrEngine worker(String script, OcrEngine fallback) {
        return new ProcessOcrEngine(List.of("sh", "-c", script), 5, 2, fallback);
    }

    private static void assertUnavailable(OcrEngine engine, String reason) {
        assertThatThrownBy(() -> engine.read(PAGE)).isInstanceOfSatisfying(OutlineParseException.class, e -> {
            assertThat(e.code()).isEqualTo(OutlineParseException.Code.OCR_UNAVAILABLE);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    @Test
    void aPageTheWorkerDoesNotAnswerInTimeIsOcrUnavailable() {
        assertUnavailable(worker("echo @@ready >&2; sleep 60", null), "took longer than 2 s");
    }

    @Test
    void aWorkerThatDiesOnAPageIsOcrUnavailableAndTheNextPageGetsANewWorker() throws OutlineParseException {
        ProcessOcrEngine engine = worker("echo @@ready >&2; read page; exit 3", null);
        assertUnavailable(engine, "exit code 3");
        assertUnavailable(engine, "exit code 3");
    }

    @Test
    void aWorkerThatNeverStartsIsOcrUnavailableWithoutAFallback() {
        assertUnavailable(worker("exit 1", null), "did not start");
    }

    @Test
    void aWorkerThatNeverStartsFallsBackToTheInProcessEngine() throws OutlineParseException {
        OcrEngine.OcrBox box = new OcrEngine.OcrBox("一是学习不够", 97, 1, 2, 3, 4);
        OcrEngine inProcess = new OcrEngine() {
            @Override
            public String name() {
                return "in process";
            }

            @Override
            public List<OcrBox> read(BufferedImage page) {
                return List.of(box);
            }
        };
        assertThat(worker("exit 1", inProcess).read(PAGE)).containsExactly(box);
    }

    @Test
    void boxesComeBackThroughTheProtocolAndNoiseOnTheWorkersStreamsIsIgnored() throws OutlineParseException {
        String script = "echo @@ready >&2; while read page; do echo 'numThread=2 (stdout noise)';"
                + " echo 'OpenJDK warning' >&2; printf '@@box\\t91.500\\t10\\t20\\t300\\t50\\t一是\\\\t学习\\n@@end\\n' >&2; done";
        List<OcrEngine.OcrBox> boxes = worker(script, null).read(PAGE);
        assertThat(boxes).containsExactly(new OcrEngine.OcrBox("一是\t学习", 91.5, 10, 20, 300, 50));
    }

    @Test
    void anErrorTheWorkerReportsKeepsItsCode() {
        assertThatThrownBy(() -> worker("echo @@ready >&2; read page; printf '@@error\\tNO_TEXT\\tnothing\\n' >&2; sleep 5",
                null).read(PAGE)).isInstanceOfSatisfying(OutlineParseException.class,
                        e -> assertThat(e.code()).isEqualTo(OutlineParseException.Code.NO_TEXT));
    }

    @Test
    void aWorkerThatReadsNoPageForTheIdleTimeIsStoppedAndTheNextPageStartsANewOne() throws Exception {
        String script = "echo @@ready >&2; while read page; do printf '@@box\\t90\\t1\\t2\\t3\\t4\\t一是\\n@@end\\n' >&2; done";
        ProcessOcrEngine engine = new ProcessOcrEngine(List.of("sh", "-c", script), 5, 2, null, 400);
        assertThat(engine.read(PAGE)).hasSize(1);
        assertThat(engine.running()).isTrue();

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (engine.running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(engine.running()).as("stopped after 400 ms without a page").isFalse();
        assertThat(engine.read(PAGE)).as("a new worker reads the next page").hasSize(1);
        assertThat(engine.running()).isTrue();
    }
}
