package cn.zhenggai.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The one closed-loop load of the benchmarks: N client threads, each sending its next request as soon as the last
 * was answered, in a timed window that opens for all of them at once. What a request is belongs to the caller (a
 * {@link Sender} per thread, made on that thread); this class counts answers, latencies and errors, and stops the
 * window at its deadline or when every client has nothing left to send. Used for the commands of the default and
 * chaos scenarios ({@link CommandLoad}) and for the outline imports ({@link OutlineImports}).
 */
final class ClosedLoop {

    /** How long clients may take to get ready (their HTTP client built) before the window. */
    private static final Duration READY = Duration.ofSeconds(60);

    private ClosedLoop() {
    }

    /** One client's sender: sends one request per call; made on, and used by, one thread. */
    interface Sender {
        /**
         * Sends the next request and returns its outcome, or null when this client has nothing more to send (its
         * share of the load is done). An exception counts as an error of its class and the client goes on.
         */
        Outcome next() throws IOException, InterruptedException;
    }

    /**
     * What one request gave: accepted or not (with the error's name, e.g. {@code HTTP 409}, and a line saying what
     * came back), its latency and when its answer arrived ({@link System#nanoTime}).
     */
    record Outcome(boolean ok, String error, String detail, long nanos, long answeredNanos) {

        static Outcome accepted(long nanos, long answeredNanos) {
            return new Outcome(true, null, null, nanos, answeredNanos);
        }

        static Outcome refused(String error, String detail, long nanos, long answeredNanos) {
            return new Outcome(false, error, detail, nanos, answeredNanos);
        }
    }

    /**
     * What a window gave: accepted requests' latencies (ns, ascending), errors by name with the first one's detail,
     * the window's length (to the last answer) and the threads that did not end in time (interrupted).
     */
    record Result(long[] latencyNanos, Map<String, Integer> errors, String firstError, double seconds,
                  int threadsStillRunning) {

        int ok() {
            return latencyNanos.length;
        }
    }

    /**
     * Runs {@code clients} clients, each with the sender {@code sender} makes for its number, for at most {@code duration};
     * {@code atStart} runs just before the window opens and {@code atEnd} once every thread has ended or was given up
     * on ({@code grace} after the deadline).
     */
    static Result run(String name, int clients, IntFunction<Sender> sender, Duration duration, Duration grace,
                      Runnable atStart, Runnable atEnd) throws InterruptedException {
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        List<String> firstError = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong lastEnd = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2]; // start, deadline (nanoTime)
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int number = c;
            Thread thread = new Thread(() -> {
                Sender mine = sender.apply(number);
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (!Thread.currentThread().isInterrupted() && System.nanoTime() < window[1]) {
                    try {
                        Outcome outcome = mine.next();
                        if (outcome == null) {
                            break;
                        }
                        lastEnd.accumulateAndGet(outcome.answeredNanos(), Math::max);
                        if (outcome.ok()) {
                            latencies.add(outcome.nanos());
                        } else {
                            error(errors, firstError, outcome.error(), outcome.detail());
                        }
                    } catch (IOException | RuntimeException e) {
                        lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                        error(errors, firstError, e.getClass().getSimpleName(), e.toString());
                    } catch (InterruptedException e) {
                        break;
                    }
                }
            }, name + "-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        if (!ready.await(READY.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": clients did not get ready within " + READY.toSeconds() + " s");
        }
        atStart.run();
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        long joinDeadline = window[1] + grace.toNanos();
        int stillRunning = 0;
        for (Thread thread : threads) {
            long left = joinDeadline - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            if (thread.isAlive()) {
                thread.interrupt();
                stillRunning++;
            }
        }
        atEnd.run();
        double seconds = (Math.max(lastEnd.get(), window[0]) - window[0]) / 1e9;
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return new Result(sorted, new LinkedHashMap<>(errors), firstError.isEmpty() ? null : firstError.get(0),
                seconds, stillRunning);
    }

    private static void error(Map<String, Integer> errors, List<String> firstError, String name, String detail) {
        errors.merge(name, 1, Integer::sum);
        synchronized (firstError) {
            if (firstError.isEmpty()) {
                firstError.add(detail);
            }
        }
    }

    /** {@code text} on one line, cut at {@code max} characters. */
    static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max) + "…" : flat;
    }
}
