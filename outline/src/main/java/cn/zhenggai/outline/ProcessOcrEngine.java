package cn.zhenggai.outline;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Runs the OCR engine in a worker JVM ({@link OcrWorker}), started on first use and kept for later pages (ADR 0087);
 * after {@link #IDLE_SECONDS} without a page it is stopped, so a service that read one scan does not keep the
 * worker's ~0.8 GB resident, and the next scan starts a new one (about a second's model load).
 * The worker's stdout, where the native library prints, is discarded, so the CLI's stdout stays pure JSON; a native
 * crash ends the worker, not this JVM; a page that takes longer than the timeout gets the worker killed. Either
 * gives {@code OCR_UNAVAILABLE} for that file, and the next page starts a new worker.
 *
 * <p>When the worker cannot be started at all (a launcher this class does not know), OCR falls back to the
 * in-process engine given, if any.
 */
final class ProcessOcrEngine implements OcrEngine {

    /** Longest wait for one page. Under load on 2 shared vCPUs a page took up to 25 s (ADR 0087). */
    static final long PAGE_TIMEOUT_SECONDS = 120;
    /** Longest wait for the worker JVM to start. */
    static final long START_TIMEOUT_SECONDS = 60;
    /** A worker that read no page for this long is stopped. */
    static final long IDLE_SECONDS = 120;

    private static final String EXITED = "\u0000exited";
    private static final ProcessOcrEngine SHARED = new ProcessOcrEngine(workerCommand(), START_TIMEOUT_SECONDS,
            PAGE_TIMEOUT_SECONDS, RapidOcrEngine.shared());

    private final List<String> command;
    private final long startTimeoutSeconds;
    private final long pageTimeoutSeconds;
    private final OcrEngine fallback;
    private final long idleMillis;
    private Process worker;
    private Writer requests;
    private BlockingQueue<String> answers;
    private boolean useFallback;
    private long lastUsed;
    private java.util.Timer idleCheck;

    ProcessOcrEngine(List<String> command, long startTimeoutSeconds, long pageTimeoutSeconds, OcrEngine fallback) {
        this(command, startTimeoutSeconds, pageTimeoutSeconds, fallback, TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
    }

    ProcessOcrEngine(List<String> command, long startTimeoutSeconds, long pageTimeoutSeconds, OcrEngine fallback,
                     long idleMillis) {
        this.idleMillis = idleMillis;
        this.command = List.copyOf(command);
        this.startTimeoutSeconds = startTimeoutSeconds;
        this.pageTimeoutSeconds = pageTimeoutSeconds;
        this.fallback = fallback;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "ocr-worker-stop"));
    }

    static ProcessOcrEngine shared() {
        return SHARED;
    }

    @Override
    public String name() {
        return "RapidOCR PP-OCRv4 (worker process)";
    }

    @Override
    public synchronized List<OcrBox> read(BufferedImage page) throws OutlineParseException {
        if (useFallback) {
            return fallback.read(page);
        }
        if (worker == null || !worker.isAlive()) {
            if (!start()) {
                if (fallback == null) {
                    throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE,
                            "the OCR worker process did not start");
                }
                useFallback = true;
                return fallback.read(page);
            }
        }
        Path file = null;
        try {
            file = Files.createTempFile("zhenggai-ocr-page-", ".png");
            ImageIO.write(page, "png", file.toFile());
            requests.write(file.toAbsolutePath() + "\n");
            requests.flush();
            List<OcrBox> boxes = answer();
            lastUsed = System.nanoTime();
            return boxes;
        } catch (IOException e) {
            stop();
            throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE,
                    "cannot hand the page to the OCR worker: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private List<OcrBox> answer() throws OutlineParseException {
        List<OcrBox> boxes = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(pageTimeoutSeconds);
        while (true) {
            String line = poll(deadline);
            if (line == null) {
                stop();
                throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE,
                        "OCR of a page took longer than " + pageTimeoutSeconds + " s; the worker was stopped");
            }
            if (line.equals(EXITED)) {
                int code = exitCode();
                stop();
                throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE,
                        "the OCR worker ended while reading a page (exit code " + code + ")");
            }
            if (line.equals("@@end")) {
                return boxes;
            }
            if (line.startsWith("@@error\t")) {
                String[] f = line.split("\t", 3);
                OutlineParseException.Code code = OutlineParseException.Code.OCR_UNAVAILABLE;
                try {
                    code = OutlineParseException.Code.valueOf(f[1]);
                } catch (IllegalArgumentException ignored) {
                    // an unknown code from another version of the worker: OCR_UNAVAILABLE
                }
                throw new OutlineParseException(code, f.length > 2 ? OcrWorker.unescape(f[2]) : "OCR worker failed");
            }
            if (line.startsWith("@@box\t")) {
                String[] f = line.split("\t", 7);
                boxes.add(new OcrBox(OcrWorker.unescape(f[6]), Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])));
            }
            // anything else on the worker's stderr (JVM warnings) is not for us
        }
    }

    private boolean start() {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader err = new BufferedReader(
                        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line = err.readLine(); line != null; line = err.readLine()) {
                        if (line.startsWith("@@")) {
                            queue.add(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the worker is gone
                }
                queue.add(EXITED);
            }, "ocr-worker-stderr");
            reader.setDaemon(true);
            reader.start();
            worker = process;
            answers = queue;
            lastUsed = System.nanoTime();
            if (idleCheck == null) {
                idleCheck = new java.util.Timer("ocr-worker-idle", true);
                idleCheck.schedule(new java.util.TimerTask() {
                    @Override
                    public void run() {
                        stopIfIdle();
                    }
                }, Math.min(15_000, idleMillis / 2 + 1), Math.min(15_000, idleMillis / 2 + 1));
            }
            requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            String first = poll(System.nanoTime() + TimeUnit.SECONDS.toNanos(startTimeoutSeconds));
            if ("@@ready".equals(first)) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // cannot start: the caller falls back or refuses
        } catch (OutlineParseException e) {
            // not thrown while starting
        }
        stop();
        return false;
    }

    private String poll(long deadline) throws OutlineParseException {
        try {
            long left = deadline - System.nanoTime();
            return left <= 0 ? null : answers.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE, "interrupted while reading a page");
        }
    }

    private int exitCode() {
        try {
            return worker != null && worker.waitFor(5, TimeUnit.SECONDS) ? worker.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Whether a worker process is running (for tests). */
    synchronized boolean running() {
        return worker != null && worker.isAlive();
    }

    private synchronized void stopIfIdle() {
        if (worker != null && System.nanoTime() - lastUsed > TimeUnit.MILLISECONDS.toNanos(idleMillis)) {
            stop();
        }
    }

    private synchronized void stop() {
        if (worker != null) {
            worker.destroyForcibly();
            worker = null;
        }
    }

    /**
     * The worker's command line: this JVM's java, a small heap, this JVM's class path. From a Spring Boot fat jar the
     * worker goes through Boot's {@code PropertiesLauncher} with {@code loader.main}, as the jar's classes are nested.
     */
    static List<String> workerCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        boolean bootJar = ClassLoader.getSystemClassLoader()
                .getResource("org/springframework/boot/loader/launch/PropertiesLauncher.class") != null;
        if (bootJar) {
            command.add("-Dloader.main=" + OcrWorker.class.getName());
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add(OcrWorker.class.getName());
        }
        return command;
    }
}
