package dev.herald.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went over a period, in cores: this JVM, the embedded PostgreSQL (its postmaster and every
 * backend), and everything else on the machine. Read from {@code /proc} (Linux); elsewhere the figures are absent.
 */
final class CpuMeter {

    /** The figures of one period, in cores busy on average. */
    record Usage(double jvm, double postgres, double other, double idle, double seconds) {
        @Override
        public String toString() {
            return String.format("CPU over %.0f s, in cores: this JVM %.2f, PostgreSQL %.2f, other processes %.2f,"
                    + " idle %.2f (of %d)", seconds, jvm, postgres, other, idle,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static final double TICKS = 100.0;

    private final Optional<Path> postmasterPid;
    private long startNanos;
    private long startJvm;
    private long startPostgres;
    private long[] startMachine;

    /** @param postgresData the embedded PostgreSQL's data folder (holding postmaster.pid), or empty */
    CpuMeter(Optional<Path> postgresData) {
        this.postmasterPid = postgresData.map(dir -> dir.resolve("postmaster.pid"));
    }

    void start() {
        startNanos = System.nanoTime();
        startJvm = jvmNanos();
        startPostgres = postgresTicks();
        startMachine = machineTicks();
    }

    Optional<Usage> stop() {
        long[] machine = machineTicks();
        if (machine == null || startMachine == null) {
            return Optional.empty();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double jvm = (jvmNanos() - startJvm) / 1e9 / seconds;
        double postgres = (postgresTicks() - startPostgres) / TICKS / seconds;
        double busy = (machine[0] - startMachine[0]) / TICKS / seconds;
        double idle = (machine[1] - startMachine[1]) / TICKS / seconds;
        return Optional.of(new Usage(jvm, postgres, Math.max(0, busy - jvm - postgres), idle, seconds));
    }

    private static long jvmNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    /** Busy and idle ticks of the whole machine (first line of /proc/stat), or null. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long idle = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                long value = Long.parseLong(cpu[i]);
                if (i == 4 || i == 5) {
                    idle += value;
                } else {
                    busy += value;
                }
            }
            return new long[] {busy, idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private long postgresTicks() {
        if (postmasterPid.isEmpty()) {
            return 0;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(postmasterPid.get()).get(0).strip());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
            if (postmaster.isEmpty()) {
                return 0;
            }
            List<ProcessHandle> all = Stream.concat(postmaster.stream(), postmaster.get().descendants()).toList();
            long ticks = 0;
            for (ProcessHandle process : all) {
                ticks += processTicks(process.pid());
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
