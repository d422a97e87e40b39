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
 */
public record Machine(int cores, String cpu, long memoryMb, String jdk, String os, String model, String engine) {

    /** This machine, with the model that was loaded. */
    public static Machine current(String model, String engine) {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                model, engine);
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
