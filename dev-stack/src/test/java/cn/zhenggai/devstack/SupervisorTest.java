package cn.zhenggai.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor over tiny child processes ({@code sleep}, {@code sh -c 'exit 3'}), not the whole stack: a process
 * killed with SIGKILL comes back after the back-off, one that keeps crashing is given up on, and a stop is final.
 */
class SupervisorTest {

    private static final Supervisor.Policy FAST = new Supervisor.Policy(Duration.ofMillis(200), Duration.ofMillis(800),
            3, Duration.ofMinutes(1));

    @TempDir
    Path dir;
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final List<Long> startedAt = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    @Test
    void theBackOffDoublesUpToItsCapAndTheFifthCrashWithinTheWindowGivesUp() {
        Supervisor.Policy policy = Supervisor.Policy.DEFAULT;
        assertThat(List.of(policy.delay(1), policy.delay(2), policy.delay(3), policy.delay(4), policy.delay(5),
                policy.delay(6), policy.delay(40))).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30),
                Duration.ofSeconds(30));

        Supervisor.CrashHistory history = new Supervisor.CrashHistory(policy);
        Instant t = Instant.parse("2026-12-02T08:00:00Z");
        assertThat(history.crashed(t)).isEqualTo(new Supervisor.Decision(true, Duration.ofSeconds(1), 1));
        assertThat(history.crashed(t.plusSeconds(30))).isEqualTo(new Supervisor.Decision(true, Duration.ofSeconds(2), 2));
        assertThat(history.crashed(t.plusSeconds(60))).isEqualTo(new Supervisor.Decision(true, Duration.ofSeconds(4), 3));
        assertThat(history.crashed(t.plusSeconds(90))).isEqualTo(new Supervisor.Decision(true, Duration.ofSeconds(8), 4));
        assertThat(history.crashed(t.plusSeconds(120)).restart()).as("fifth within 5 min").isFalse();
    }

    @Test
    void crashesOlderThanTheWindowAreForgottenSoAnOccasionalCrashIsAlwaysRestartedAfterTheFirstDelay() {
        Supervisor.CrashHistory history = new Supervisor.CrashHistory(Supervisor.Policy.DEFAULT);
        Instant t = Instant.parse("2026-12-02T08:00:00Z");
        for (int i = 0; i < 20; i++) {
            assertThat(history.crashed(t.plus(Duration.ofMinutes(6L * i))))
                    .isEqualTo(new Supervisor.Decision(true, Duration.ofSeconds(1), 1));
        }
    }

    @Test
    void aProcessKilledWithSigkillIsStartedAgainAfterTheBackOffAndItIsSaidOnTheConsoleAndInTheLog() throws Exception {
        Path log = dir.resolve("service.log");
        supervisor = new Supervisor("sleeper", counting(() -> new ProcessBuilder("sleep", "60").start()), log,
                Clock.systemUTC());
        Process first = supervisor.start();
        supervisor.supervise(FAST, said::add, process -> said.add("ready " + process.pid()));
        assertThat(supervisor.state()).isEqualTo(Supervisor.State.RUNNING);

        long killedAt = System.nanoTime();
        first.destroyForcibly(); // SIGKILL
        await(() -> supervisor.restarts() == 1 && said.stream().anyMatch(s -> s.startsWith("ready ")));

        Process second = supervisor.process();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(second.isAlive()).isTrue();
        assertThat(Duration.ofNanos(startedAt.get(1) - killedAt)).as("waited the first back-off")
                .isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(said.get(0)).isEqualTo("sleeper (pid " + first.pid() + ") exited unexpectedly with code 137 "
                + "(killed: SIGKILL); restarting it in 0.2 s (crash 1; gives up at 3 within 1 min).");
        assertThat(said.get(1)).startsWith("sleeper restarted (pid " + second.pid() + ", restart 1)");
        assertThat(said).contains("ready " + second.pid()).anyMatch(s -> s.startsWith("sleeper is healthy again"));
        assertThat(Files.readString(log)).contains("=== zhenggai up ").contains("exited unexpectedly with code 137")
                .contains("sleeper restarted");
        assertThat(supervisor.state()).isEqualTo(Supervisor.State.RUNNING);
    }

    @Test
    void aProcessThatKeepsCrashingIsRestartedWithGrowingPausesThenGivenUpOn() throws Exception {
        Path log = dir.resolve("crasher.log");
        supervisor = new Supervisor("crasher", counting(() -> new ProcessBuilder("sh", "-c", "exit 3").start()), log,
                Clock.systemUTC());
        supervisor.start().waitFor();
        supervisor.supervise(FAST, said::add, null);

        await(() -> supervisor.state() == Supervisor.State.GAVE_UP);
        Thread.sleep(1_000);
        assertThat(startedAt).as("started once, restarted after crash 1 and 2, given up at crash 3").hasSize(3);
        assertThat(Duration.ofNanos(startedAt.get(2) - startedAt.get(1)))
                .as("the second pause is twice the first").isGreaterThanOrEqualTo(Duration.ofMillis(390));
        assertThat(supervisor.restarts()).isEqualTo(2);
        assertThat(said.get(0)).contains("exited unexpectedly with code 3; restarting it in 0.2 s (crash 1;");
        assertThat(said).anyMatch(s -> s.contains("restarting it in 0.4 s (crash 2;"));
        String gaveUp = said.get(said.size() - 1);
        assertThat(gaveUp).contains("It crashed 3 times within 1 min: giving up on it.")
                .contains("503 SERVICE_UNAVAILABLE").contains(log.toString());
        assertThat(Files.readString(log)).contains("giving up on it");
    }

    @Test
    void stoppingIsFinalEvenForACrashWaitingForItsBackOff() throws Exception {
        supervisor = new Supervisor("sleeper", counting(() -> new ProcessBuilder("sleep", "60").start()), null,
                Clock.systemUTC());
        Process first = supervisor.start();
        supervisor.supervise(new Supervisor.Policy(Duration.ofMillis(600), Duration.ofSeconds(1), 3,
                Duration.ofMinutes(1)), said::add, null);
        first.destroyForcibly();
        await(() -> supervisor.state() == Supervisor.State.RESTARTING);
        supervisor.close();
        Thread.sleep(1_200);
        assertThat(startedAt).as("never started again").hasSize(1);
        assertThat(supervisor.state()).isEqualTo(Supervisor.State.STOPPED);

        Supervisor running = new Supervisor("sleeper", counting(() -> new ProcessBuilder("sleep", "60").start()),
                null, Clock.systemUTC());
        Process alive = running.start();
        running.supervise(FAST, said::add, null);
        running.close();
        assertThat(alive.isAlive()).isFalse();
        Thread.sleep(600);
        assertThat(startedAt).as("the stop of a running one is no crash").hasSize(2);
        assertThat(said).noneMatch(s -> s.contains("exited unexpectedly with code 143"));
    }

    private Supervisor.Starter counting(Supervisor.Starter starter) {
        return () -> {
            startedAt.add(System.nanoTime());
            return starter.start();
        };
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }

}
