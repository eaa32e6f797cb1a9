package cn.zhenggai.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One service of the platform running as its own JVM, with its log in a file; once the stack is up, its
 * {@link Supervisor} starts it again when it crashes.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How long a restarted service may take to become healthy. */
    static final Duration RESTART_HEALTH_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final int port;
    private final Path log;
    private final String healthPath;
    private final Supervisor supervisor;

    private ServiceProcess(String name, int port, Path log, String healthPath, Supervisor supervisor) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.healthPath = healthPath;
        this.supervisor = supervisor;
    }

    /** Starts {@code java -jar jar args…}; healthy when {@code /actuator/health} answers UP. */
    public static ServiceProcess start(String name, Path jar, int port, int heapMb, List<String> args, Path logDir)
            throws IOException {
        return start(name, jar, port, heapMb, args, logDir, "/actuator/health");
    }

    /**
     * Starts {@code java -jar jar args…}.
     *
     * @param heapMb     maximum heap of the service
     * @param healthPath what answers UP once the service serves
     */
    public static ServiceProcess start(String name, Path jar, int port, int heapMb, List<String> args, Path logDir,
                                       String healthPath) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("missing " + jar + ": build it first (mvn -DskipTests package)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapMb + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Supervisor supervisor = new Supervisor(name, builder::start, log, Clock.systemUTC());
        supervisor.start();
        return new ServiceProcess(name, port, log, healthPath, supervisor);
    }

    /** From now on, a crash of the service restarts it (with back-off; see {@link Supervisor}). */
    public void supervise(Supervisor.Policy policy, Consumer<String> console) {
        supervisor.supervise(policy, console, process -> awaitHealthy(process, RESTART_HEALTH_TIMEOUT));
    }

    /** Waits until the service's health answers UP; fails early if the process dies. */
    public void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        awaitHealthy(supervisor.process(), timeout);
    }

    private void awaitHealthy(Process process, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + healthPath))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException(name + " was not healthy within " + timeout.toSeconds() + " s; see " + log);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** The pid of the service's current JVM (a new one after a restart). */
    public long pid() {
        return supervisor.process().pid();
    }

    public boolean isAlive() {
        return supervisor.process().isAlive();
    }

    public Supervisor supervisor() {
        return supervisor;
    }

    /** No restart from now on; {@link #close} then stops the service. */
    public void stopRestarting() {
        supervisor.stopRestarting();
    }

    /** Asks the JVM to stop (SIGTERM, Spring's graceful shutdown), then kills it after a grace period. */
    @Override
    public void close() {
        supervisor.close();
    }
}
