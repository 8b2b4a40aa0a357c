package io.ordercare.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU used during a phase, from /proc (Linux only; elsewhere it reports nothing): per process group
 * (order-gateway, Kafka, PostgreSQL with all its backends, this bench) and per thread of order-gateway,
 * like {@code top -H} but averaged over the whole phase.
 */
final class CpuMeter {

    record Snapshot(long wallNanos, long machineBusy, long machineTotal, Map<String, Long> groups,
            Map<Integer, ThreadTicks> threads) {
    }

    record ThreadTicks(String name, long ticks) {
    }

    private final long ticksPerSecond;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final long gatewayPid;
    private final long postgresPid;
    private final int cores = Runtime.getRuntime().availableProcessors();

    CpuMeter(long ticksPerSecond, long gatewayPid, long kafkaPid, long postgresPid) {
        this.ticksPerSecond = ticksPerSecond;
        this.gatewayPid = gatewayPid;
        this.postgresPid = postgresPid;
        if (gatewayPid > 0) {
            pids.put("order-gateway", gatewayPid);
        }
        if (kafkaPid > 0) {
            pids.put("kafka", kafkaPid);
        }
        if (postgresPid > 0) {
            pids.put("postgresql", postgresPid);
        }
        pids.put("bench", ProcessHandle.current().pid());
    }

    boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    Snapshot snapshot() {
        long wall = System.nanoTime();
        if (!available()) {
            return new Snapshot(wall, 0, 0, Map.of(), Map.of());
        }
        long[] machine = machine();
        Map<String, Long> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            long[] st = stat(Path.of("/proc", String.valueOf(e.getValue()), "stat"));
            if (st == null) {
                continue;
            }
            long ticks = st[1] + st[2];
            if (e.getValue() == postgresPid) {
                ticks += st[3] + st[4] + childrenTicks(postgresPid); // reaped backends + live ones
            }
            groups.put(e.getKey(), ticks);
        }
        return new Snapshot(wall, machine[0], machine[1], groups, gatewayThreads());
    }

    /** Lines describing the CPU used between two snapshots ("cores" = CPU seconds per second). */
    List<String> describe(Snapshot a, Snapshot b, int topThreads) {
        List<String> lines = new ArrayList<>();
        double seconds = (b.wallNanos() - a.wallNanos()) / 1e9;
        if (seconds <= 0 || a.groups().isEmpty()) {
            return lines;
        }
        StringBuilder sb = new StringBuilder("CPU (cores, of " + cores + "): ");
        long total = b.machineTotal() - a.machineTotal();
        if (total > 0) {
            sb.append(String.format(Locale.ROOT, "machine %.2f", cores * (double) (b.machineBusy() - a.machineBusy()) / total));
        }
        double known = 0;
        for (String g : b.groups().keySet()) {
            Long before = a.groups().get(g);
            if (before != null) {
                double used = (b.groups().get(g) - before) / (double) ticksPerSecond / seconds;
                known += used;
                sb.append(String.format(Locale.ROOT, ", %s %.2f", g, used));
            }
        }
        if (total > 0) {
            double machine = cores * (double) (b.machineBusy() - a.machineBusy()) / total;
            sb.append(String.format(Locale.ROOT, ", everything else %.2f", Math.max(0, machine - known)));
        }
        lines.add(sb.toString());
        if (!b.threads().isEmpty() && topThreads > 0) {
            Map<String, Long> byThread = new HashMap<>();
            for (Map.Entry<Integer, ThreadTicks> e : b.threads().entrySet()) {
                ThreadTicks before = a.threads().get(e.getKey());
                long delta = e.getValue().ticks() - (before == null ? 0 : before.ticks());
                if (delta > 0) {
                    byThread.merge(e.getValue().name() + " (" + e.getKey() + ")", delta, Long::sum);
                }
            }
            StringBuilder t = new StringBuilder("order-gateway busiest threads: ");
            byThread.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(topThreads)
                    .forEach(e -> t.append(String.format(Locale.ROOT, "%s %.0f%%, ", e.getKey(),
                            100.0 * e.getValue() / ticksPerSecond / seconds)));
            if (!byThread.isEmpty()) {
                lines.add(t.substring(0, t.length() - 2));
            }
        }
        return lines;
    }

    private Map<Integer, ThreadTicks> gatewayThreads() {
        Map<Integer, ThreadTicks> threads = new HashMap<>();
        if (gatewayPid <= 0) {
            return threads;
        }
        Path tasks = Path.of("/proc", String.valueOf(gatewayPid), "task");
        try (Stream<Path> s = Files.list(tasks)) {
            s.forEach(task -> {
                try {
                    String raw = Files.readString(task.resolve("stat"));
                    int open = raw.indexOf('(');
                    int close = raw.lastIndexOf(')');
                    String[] f = raw.substring(close + 2).trim().split(" ");
                    threads.put(Integer.parseInt(task.getFileName().toString()),
                            new ThreadTicks(raw.substring(open + 1, close), Long.parseLong(f[11]) + Long.parseLong(f[12])));
                } catch (IOException | RuntimeException ignored) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException ignored) {
            // the process ended
        }
        return threads;
    }

    private static long childrenTicks(long parent) {
        long sum = 0;
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] st = stat(p.resolve("stat"));
                if (st != null && st[0] == parent) {
                    sum += st[1] + st[2];
                }
            }
        } catch (IOException ignored) {
            // best effort
        }
        return sum;
    }

    /** {ppid, utime, stime, cutime, cstime} or null. */
    private static long[] stat(Path file) {
        try {
            String raw = Files.readString(file);
            String[] f = raw.substring(raw.lastIndexOf(')') + 2).trim().split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {busy, total} jiffies of all CPUs. */
    private static long[] machine() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
