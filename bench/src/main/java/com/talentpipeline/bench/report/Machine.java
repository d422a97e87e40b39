package com.talentpipeline.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmark ran.
 *
 * @param cores      processors available to the JVM
 * @param cpu        CPU model name
 * @param memoryMb   maximum JVM heap
 * @param jdk        Java version and vendor
 * @param os         operating system, version and architecture
 * @param model      text model name and version
 * @param engine     DJL engine and device
 * @param load       the 1/5/15-minute load averages when the run began and ended (other work on the machine)
 */
public record Machine(int cores, String cpu, long memoryMb, String jdk, String os, String model, String engine,
        String load) {

    /** The same machine with the load averages of the start and the end of the run. */
    public Machine withLoad(String atStart) {
        return new Machine(cores, cpu, memoryMb, jdk, os, model, engine, atStart + " at start, " + loadAverage() + " at end");
    }

    /** The 1/5/15-minute load averages now, or "unknown" off Linux. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** This machine, with the model that was loaded. */
    public static Machine current(String model, String engine) {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                model, engine, loadAverage());
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture alone
        }
        return System.getProperty("os.arch");
    }
}
