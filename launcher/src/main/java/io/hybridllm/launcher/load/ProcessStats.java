package io.hybridllm.launcher.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and resident memory of processes, from Linux's {@code /proc}: a snapshot now, and the CPU used between two
 * snapshots as a share of one core. Elsewhere the figures are absent, not invented.
 */
record ProcessStats(long nanos, Map<String, Long> cpuTicks, Map<String, Long> rssKib) {

    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on Linux on every architecture we run on. */
    private static final int TICKS_PER_SECOND = 100;

    static ProcessStats of(Map<String, Long> pids) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
                // The command name may hold spaces: the fields after it start past its closing parenthesis.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                cpu.put(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                List<String> status = Files.readAllLines(Path.of("/proc", pid.toString(), "status"));
                status.stream().filter(line -> line.startsWith("VmRSS:")).findFirst()
                        .ifPresent(line -> rss.put(name, Long.parseLong(line.replaceAll("[^0-9]", ""))));
            } catch (IOException | RuntimeException e) {
                // Not Linux, or the process is gone: no figure for it.
            }
        });
        return new ProcessStats(System.nanoTime(), cpu, rss);
    }

    /** Per process, the CPU used since {@code earlier} in percent of one core. */
    Map<String, Double> cpuPercentSince(ProcessStats earlier) {
        double seconds = (nanos - earlier.nanos) / 1e9;
        Map<String, Double> percent = new LinkedHashMap<>();
        cpuTicks.forEach((name, ticks) -> {
            Long before = earlier.cpuTicks.get(name);
            if (before != null && seconds > 0) {
                percent.put(name, 100.0 * (ticks - before) / TICKS_PER_SECOND / seconds);
            }
        });
        return percent;
    }
}
