package cn.zhenggai.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps one child process running (ADR 0067). Once {@link #supervise supervising}, a process that exits without
 * having been asked to is started again after a back-off that doubles with each crash inside the policy's window
 * (1 s, 2 s, 4 s … up to a cap); after {@code maxCrashes} crashes inside the window it gives up on it. Each step is
 * said on the console and written to the service's log. {@link #close} stops the process for good: no restart
 * follows, even for a crash already waiting for its back-off.
 */
public final class Supervisor implements AutoCloseable {

    /** Starts the process (again). */
    @FunctionalInterface
    public interface Starter {
        Process start() throws IOException;
    }

    /** Waits until a restarted process serves; throws if it does not. */
    @FunctionalInterface
    public interface Readiness {
        void await(Process process) throws IOException, InterruptedException;
    }

    /**
     * @param firstDelay the wait before the first restart; each further crash inside the window doubles it
     * @param maxDelay   the longest wait
     * @param maxCrashes crashes inside the window after which the process is given up on (no more restarts)
     * @param window     how long a crash counts
     */
    public record Policy(Duration firstDelay, Duration maxDelay, int maxCrashes, Duration window) {

        /** 1 s, 2 s, 4 s, 8 s; the fifth crash within 5 minutes gives up. */
        public static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
                Duration.ofMinutes(5));

        public Policy {
            Objects.requireNonNull(firstDelay);
            Objects.requireNonNull(maxDelay);
            Objects.requireNonNull(window);
            if (maxCrashes < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("bad supervision policy " + firstDelay + "/" + maxDelay + "/"
                        + maxCrashes);
            }
        }

        /** The wait before restarting after the {@code crash}-th crash inside the window (from 1). */
        public Duration delay(int crash) {
            Duration delay = firstDelay;
            for (int i = 1; i < crash && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** What the supervisor does about a process. */
    public enum State {
        /** started, not yet supervised (the stack is starting) */
        STARTED,
        /** running and supervised */
        RUNNING,
        /** crashed, waiting for its back-off to restart it */
        RESTARTING,
        /** crashed too often: not restarted any more */
        GAVE_UP,
        /** stopped on request */
        STOPPED
    }

    /** What to do after a crash: restart after {@code delay}, or give up. */
    record Decision(boolean restart, Duration delay, int crashesInWindow) {
    }

    /** The crashes inside the policy's window. */
    static final class CrashHistory {
        private final Policy policy;
        private final Deque<Instant> crashes = new ArrayDeque<>();

        CrashHistory(Policy policy) {
            this.policy = policy;
        }

        Decision crashed(Instant at) {
            crashes.addLast(at);
            while (!crashes.isEmpty() && !crashes.peekFirst().isAfter(at.minus(policy.window()))) {
                crashes.removeFirst();
            }
            int count = crashes.size();
            return count >= policy.maxCrashes() ? new Decision(false, Duration.ZERO, count)
                    : new Decision(true, policy.delay(count), count);
        }
    }

    /** An exit by SIGINT is waited on this long before it counts as a crash: Ctrl-C reaches the children too. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);

    private final String name;
    private final Starter starter;
    private final Path log;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private Policy policy = Policy.DEFAULT;
    private Consumer<String> console = line -> { };
    private Readiness readiness;
    private CrashHistory history;

    private Process process;
    private State state;
    private boolean supervising;
    private boolean stopping;
    private int restarts;
    private Instant downSince;
    private ScheduledFuture<?> pending;

    /**
     * @param name    the service's name, in every message
     * @param starter how to start the process
     * @param log     the service's log file (messages are appended), or null
     */
    public Supervisor(String name, Starter starter, Path log, Clock clock) {
        this.name = name;
        this.starter = starter;
        this.log = log;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "supervise-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the process, unsupervised: a crash now is the caller's to report (the stack is starting). */
    public synchronized Process start() throws IOException {
        process = starter.start();
        state = State.STARTED;
        return process;
    }

    /** From now on, restarts the process when it exits unasked. */
    public synchronized void supervise(Policy policy, Consumer<String> console, Readiness readiness) {
        if (stopping || supervising) {
            return;
        }
        this.policy = policy;
        this.console = console;
        this.readiness = readiness;
        this.history = new CrashHistory(policy);
        this.supervising = true;
        this.state = State.RUNNING;
        watch(process);
    }

    private void watch(Process watched) {
        watched.onExit().thenAccept(exited -> {
            int code = exited.exitValue();
            Duration grace = code == 130 ? INTERRUPT_GRACE : Duration.ZERO;
            try {
                scheduler.schedule(() -> exited(exited, code), grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // stopped meanwhile
            }
        });
    }

    private synchronized void exited(Process exited, int code) {
        if (stopping || exited != process) {
            return;
        }
        if (downSince == null) {
            downSince = clock.instant();
        }
        crashed(name + " (pid " + exited.pid() + ") exited unexpectedly with code " + code + describe(code));
    }

    /** Counts a crash and either schedules a restart or gives up. */
    private void crashed(String what) {
        Decision decision = history.crashed(clock.instant());
        if (!decision.restart()) {
            state = State.GAVE_UP;
            say(what + ". It crashed " + decision.crashesInWindow() + " times within " + minutes(policy.window())
                    + ": giving up on it. The other services keep running; the gateway answers 503"
                    + " SERVICE_UNAVAILABLE for its requests. See " + (log == null ? "its log" : log)
                    + ", then restart Zhenggai (Ctrl-C, ./zhenggai up).");
            return;
        }
        state = State.RESTARTING;
        say(what + "; restarting it in " + seconds(decision.delay()) + " (crash " + decision.crashesInWindow()
                + "; gives up at " + policy.maxCrashes() + " within " + minutes(policy.window()) + ").");
        pending = scheduler.schedule(this::restart, decision.delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        Process started;
        synchronized (this) {
            if (stopping) {
                return;
            }
            try {
                started = starter.start();
            } catch (IOException | RuntimeException e) {
                crashed(name + " could not be started again (" + e.getMessage() + ")");
                return;
            }
            process = started;
            restarts++;
            state = State.RUNNING;
            say(name + " restarted (pid " + started.pid() + ", restart " + restarts + ")"
                    + (readiness == null ? "." : "; waiting until it is healthy …"));
            watch(started);
        }
        if (readiness != null) {
            Thread waiting = new Thread(() -> awaitReady(started), "ready-" + name);
            waiting.setDaemon(true);
            waiting.start();
        }
    }

    private void awaitReady(Process started) {
        try {
            readiness.await(started);
            synchronized (this) {
                if (started == process && !stopping) {
                    Instant down = downSince;
                    downSince = null;
                    say(name + " is healthy again" + (down == null ? "" : " (down for "
                            + seconds(Duration.between(down, clock.instant())) + ")") + ".");
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                if (started == process && !stopping && started.isAlive()) {
                    say(name + " restarted but is not healthy: " + e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No restart from now on (a crash waiting for its back-off is not restarted either). */
    public synchronized void stopRestarting() {
        stopping = true;
        state = State.STOPPED;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Stops restarting, then asks the process to stop (SIGTERM), and kills it after a grace period. */
    @Override
    public void close() {
        stopRestarting();
        scheduler.shutdownNow();
        Process last;
        synchronized (this) {
            last = process;
        }
        if (last == null || !last.isAlive()) {
            return;
        }
        last.destroy();
        try {
            if (!last.waitFor(20, TimeUnit.SECONDS)) {
                last.destroyForcibly();
                last.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            last.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public synchronized Process process() {
        return process;
    }

    public synchronized State state() {
        return state;
    }

    /** How many times the process was started again. */
    public synchronized int restarts() {
        return restarts;
    }

    private void say(String message) {
        console.accept(message);
        if (log != null) {
            try {
                Files.writeString(log, "=== zhenggai up " + clock.instant() + " " + message + System.lineSeparator(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // the console has it
            }
        }
    }

    private static String describe(int code) {
        return switch (code) {
            case 137 -> " (killed: SIGKILL)";
            case 143 -> " (SIGTERM)";
            case 130 -> " (SIGINT)";
            default -> code > 128 && code < 160 ? " (signal " + (code - 128) + ")" : "";
        };
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
