package cn.zhenggai.bench;

import cn.zhenggai.devstack.PlatformStack;
import cn.zhenggai.devstack.ServiceProcess;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processes of a running stack, in labelled groups: this JVM (which hosts the Kafka broker, the Mongo-compatible
 * store and the load generator), each service JVM with its descendants, and the PostgreSQL postmaster with all of
 * its descendants (split into the postmaster, its auxiliary processes and the client backends).
 */
final class StackProcesses {

    static final String SELF = "bench JVM (Kafka broker, Mongo store, load gen)";
    static final String PG_ALL = "postgres (postmaster + all children)";

    private StackProcesses() {
    }

    /** One row of a memory snapshot. */
    record Row(String label, int processes, long rssKb, long pssKb) {
    }

    /** label → pids, fine grained (postgres split by role), each pid in one group only. */
    static Map<String, List<Long>> fineGroups(PlatformStack stack) {
        Map<Long, Long> parents = Proc.parents();
        Set<Long> seen = new HashSet<>();
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        add(groups, seen, SELF, self);
        for (Map.Entry<String, ServiceProcess> service : stack.services().entrySet()) {
            long pid = service.getValue().pid();
            add(groups, seen, service.getKey() + " JVM", pid);
            for (long child : Proc.descendants(pid, parents)) {
                add(groups, seen, service.getKey() + " JVM", child);
            }
        }
        stack.infra().postgres().postmasterPid().ifPresent(postmaster -> {
            add(groups, seen, "postgres postmaster", postmaster);
            for (long child : Proc.descendants(postmaster, parents)) {
                String cmd = Proc.cmdline(child);
                String role = cmd.startsWith("postgres: ") ? cmd.substring("postgres: ".length()) : cmd;
                String label = role.contains("127.0.0.1(") ? "postgres client backends"
                        : "postgres auxiliary processes";
                add(groups, seen, label, child);
            }
        });
        for (long child : Proc.descendants(self, parents)) {
            if (!seen.contains(child)) {
                add(groups, seen, "other children of the bench JVM", child);
            }
        }
        return groups;
    }

    /** label → pids for CPU accounting: postgres as one group. */
    static Map<String, List<Long>> cpuGroups(PlatformStack stack) {
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        fineGroups(stack).forEach((label, pids) -> groups
                .computeIfAbsent(label.startsWith("postgres") ? PG_ALL : label, k -> new ArrayList<>()).addAll(pids));
        return groups;
    }

    /** RSS and PSS of each fine group now, and a total row last. */
    static List<Row> memory(PlatformStack stack) {
        List<Row> rows = new ArrayList<>();
        int count = 0;
        long rss = 0;
        long pss = 0;
        for (Map.Entry<String, List<Long>> group : fineGroups(stack).entrySet()) {
            int n = 0;
            long r = 0;
            long p = 0;
            for (long pid : group.getValue()) {
                long kb = Proc.rssKb(pid);
                if (kb >= 0) {
                    n++;
                    r += kb;
                    p += Math.max(0, Proc.pssKb(pid));
                }
            }
            rows.add(new Row(group.getKey(), n, r, p));
            count += n;
            rss += r;
            pss += p;
        }
        rows.add(new Row("TOTAL", count, rss, pss));
        return rows;
    }

    /** CPU ticks of every process of the stack now, by pid. */
    static Map<Long, Long> cpuTicksByPid(PlatformStack stack) {
        Map<Long, Long> ticks = new LinkedHashMap<>();
        cpuGroups(stack).values().forEach(pids -> pids.forEach(pid -> {
            long t = Proc.cpuTicks(pid);
            if (t >= 0) {
                ticks.put(pid, t);
            }
        }));
        return ticks;
    }

    /**
     * CPU ticks each group used between {@code before} and now; a process born in between counts from zero, one
     * that ended in between is lost.
     */
    static Map<String, Long> cpuTicksSince(PlatformStack stack, Map<Long, Long> before) {
        Map<String, Long> used = new LinkedHashMap<>();
        cpuGroups(stack).forEach((label, pids) -> {
            long sum = 0;
            for (long pid : pids) {
                long t = Proc.cpuTicks(pid);
                if (t >= 0) {
                    sum += Math.max(0, t - before.getOrDefault(pid, 0L));
                }
            }
            used.put(label, sum);
        });
        return used;
    }

    /**
     * The CPU the stack's processes use in a window: {@link #open} when it starts, {@link #close} when it ends, then
     * {@link #percent} of one core by group.
     */
    static final class CpuWindow {
        private final PlatformStack stack;
        private final Map<Long, Long> before = new LinkedHashMap<>();
        private final Map<String, Long> used = new LinkedHashMap<>();
        private long start;
        private long end;

        CpuWindow(PlatformStack stack) {
            this.stack = stack;
        }

        void open() {
            before.putAll(cpuTicksByPid(stack));
            start = System.nanoTime();
        }

        void close() {
            used.putAll(cpuTicksSince(stack, before));
            end = System.nanoTime();
        }

        /** Percent of one core each group used in the window, given the kernel's clock ticks per second. */
        Map<String, Long> percent(long clockTicks) {
            double seconds = (end - start) / 1e9;
            Map<String, Long> percent = new LinkedHashMap<>();
            used.forEach((k, v) -> percent.put(k, Math.round(100.0 * v / clockTicks / seconds)));
            return percent;
        }
    }

    private static void add(Map<String, List<Long>> groups, Set<Long> seen, String label, long pid) {
        if (seen.add(pid)) {
            groups.computeIfAbsent(label, k -> new ArrayList<>()).add(pid);
        }
    }
}
