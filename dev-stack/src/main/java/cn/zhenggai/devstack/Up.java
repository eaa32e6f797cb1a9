package cn.zhenggai.devstack;

import cn.zhenggai.demo.DemoData;
import cn.zhenggai.devstack.infra.InfraConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./zhenggai up}: the embedded stack on one machine. Starts PostgreSQL, Kafka and the MongoDB-compatible
 * store with their data under {@code data/}, then the four services; loads the demo data on first start; prints
 * the URL and the demo accounts; stops everything on Ctrl-C.
 */
public final class Up {

    private Up() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(option(args, "--home", ".")).toAbsolutePath().normalize();
        Path data = Path.of(option(args, "--data", home.resolve("data").toString())).toAbsolutePath().normalize();
        int port = Integer.parseInt(option(args, "--port", "8080"));
        int heapMb = Integer.parseInt(option(args, "--heap-mb", "384"));

        PlatformStack stack = new PlatformStack(new PlatformStack.Settings(home, InfraConfig.persistent(data), port,
                heapMb, Map.of()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Zhenggai…");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "zhenggai-stop"));

        System.out.println("Starting Zhenggai (data in " + data + ") …");
        try {
            stack.start(Duration.ofMinutes(4));
        } catch (Exception e) {
            StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                reason.append("\n  because: ").append(cause.getMessage());
            }
            System.err.println("Zhenggai could not start: " + reason);
            System.exit(1);
        }
        DemoData.Loaded demo = DemoData.load(stack.gatewayUrl(), stack.keysDir(), data, System.out);
        if (demo.ledgerFailure() != null) {
            System.err.println("The demo ledger could not be loaded (the platform runs without it): "
                    + demo.ledgerFailure());
        }
        System.out.printf("Started in %.1f s.%n", stack.startMillis() / 1000.0);
        System.out.println();
        System.out.println("Zhenggai is ready at http://localhost:" + port);
        System.out.println();
        System.out.println("Demo accounts (password: demo):");
        System.out.println("  demo-party  党委 (party committee: all departments)");
        System.out.println("  demo-audit  纪检 (discipline inspection: audit log)");
        System.out.println("  demo-dept   行政审批局联络员 (liaison of the sample department)");
        System.out.println("  demo-org    组织部 (organization department: reviews reports, administers users)");
        System.out.println("  demo-head   行政审批局局长 (head of the sample department)");
        System.out.println("  demo-cadre  行政审批局干部 (cadre of the sample department)");
        System.out.println("  demo-cz     财政局联络员 (liaison of a second department)");
        System.out.println();
        System.out.println("Logs: " + data.resolve("logs") + "   Press Ctrl-C to stop.");
        stopped.await();
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
