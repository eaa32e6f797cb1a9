package cn.zhenggai.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What Linux's /proc says about processes and the machine. Every reader returns -1 or "" when it cannot read. */
final class Proc {

    private static final Path PROC = Path.of("/proc");

    private Proc() {
    }

    /** pid → parent pid of every process visible now. */
    static Map<Long, Long> parents() {
        Map<Long, Long> parents = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : dirs) {
                String[] fields = statFields(dir.resolve("stat"));
                if (fields != null && fields.length > 1) {
                    parents.put(Long.parseLong(dir.getFileName().toString()), Long.parseLong(fields[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process list we cannot read: callers see fewer processes
        }
        return parents;
    }

    /** Every descendant of {@code root} (not root itself), breadth first; bounded by the process count. */
    static List<Long> descendants(long root, Map<Long, Long> parents) {
        Map<Long, List<Long>> children = new HashMap<>();
        parents.forEach((pid, ppid) -> children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(pid));
        List<Long> found = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>(children.getOrDefault(root, List.of()));
        while (!todo.isEmpty() && found.size() <= parents.size()) {
            long pid = todo.poll();
            found.add(pid);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return found;
    }

    /** VmRSS in kB, -1 if the process is gone. */
    static long rssKb(long pid) {
        return field(PROC.resolve(Long.toString(pid)).resolve("status"), "VmRSS:");
    }

    /** Pss in kB from smaps_rollup (shared pages divided among their users), -1 if unreadable. */
    static long pssKb(long pid) {
        return field(PROC.resolve(Long.toString(pid)).resolve("smaps_rollup"), "Pss:");
    }

    /** utime + stime in clock ticks, -1 if the process is gone. */
    static long cpuTicks(long pid) {
        String[] fields = statFields(PROC.resolve(Long.toString(pid)).resolve("stat"));
        if (fields == null || fields.length < 13) {
            return -1;
        }
        // fields after the ")": [0]=state [1]=ppid … [11]=utime [12]=stime
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The command line with NULs as spaces, "" if gone. */
    static String cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    static String cpuModel() {
        return firstValue(PROC.resolve("cpuinfo"), "model name");
    }

    static long memTotalKb() {
        return field(PROC.resolve("meminfo"), "MemTotal:");
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(PROC.resolve("loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Clock ticks per second (getconf CLK_TCK), 100 if getconf is not there. */
    static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    private static String[] statFields(Path stat) {
        try {
            String text = Files.readString(stat);
            int close = text.lastIndexOf(')');
            return close < 0 ? null : text.substring(close + 2).trim().split("\\s+");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or unreadable
        }
        return -1;
    }

    private static String firstValue(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? "" : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            // unreadable
        }
        return "";
    }
}
