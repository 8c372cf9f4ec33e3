package dm20.relay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What else the machine was doing while a number was taken: the 1-minute load average and the share of CPU
 * time stolen by the hypervisor (from {@code /proc/stat}), and a process's resident set (VmRSS from
 * {@code /proc/<pid>/status}). Linux only; elsewhere the values read as -1.
 */
final class Machine {

    /** A /proc/stat reading: the cpu line's total and steal jiffies, and the load average then. */
    record Sample(long total, long steal, double load) {

        /** The steal share between {@code this} and a later sample, in percent. */
        double stealPercent(Sample later) {
            long dt = later.total - total;
            return dt <= 0 ? 0 : 100.0 * (later.steal - steal) / dt;
        }
    }

    private Machine() {
    }

    static Sample sample() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            return new Sample(total, steal, load);
        } catch (IOException | RuntimeException e) {
            return new Sample(-1, -1, -1);
        }
    }

    /** VmRSS of a process in MB (1,048,576 bytes), or -1. */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }

    /**
     * Resident memory by kind of mapping, in MB, from {@code /proc/<pid>/smaps}: anonymous (Java heap,
     * metaspace, code cache, thread stacks, malloc), the AOT cache, Chronicle queue files, jars, shared
     * libraries, other files.
     */
    static java.util.Map<String, Double> rssByKind(long pid) {
        java.util.Map<String, Double> kinds = new java.util.TreeMap<>();
        String kind = "anonymous";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
                if (!line.isEmpty() && Character.isDigit(line.charAt(0)) || line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                    String[] f = line.trim().split("\\s+");
                    String name = f.length >= 6 ? f[5] : "";
                    kind = name.isEmpty() || name.startsWith("[") ? "anonymous" : name.endsWith(".aot") ? "AOT cache"
                            : name.endsWith(".cq4") || name.endsWith(".cq4t") ? "Chronicle queue files"
                            : name.endsWith(".jar") ? "jars" : name.contains(".so") ? "shared libraries" : "other files";
                } else if (line.startsWith("Rss:")) {
                    kinds.merge(kind, Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0, Double::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            // partial
        }
        return kinds;
    }

    /** Process CPU time (user + system) in seconds from /proc/<pid>/stat, or -1. */
    static double cpuSeconds(long pid) {
        double[] us = userSystemSeconds(pid);
        return us[0] < 0 ? -1 : us[0] + us[1];
    }

    /** Process CPU time in user and in system (kernel) mode, in seconds, from /proc/<pid>/stat, or -1s. */
    static double[] userSystemSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new double[]{Long.parseLong(f[11]) / 100.0, Long.parseLong(f[12]) / 100.0};
        } catch (IOException | RuntimeException e) {
            return new double[]{-1, -1};
        }
    }
}
