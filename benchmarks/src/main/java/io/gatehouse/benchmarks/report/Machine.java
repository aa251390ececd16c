package io.gatehouse.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured, as the page describes it. */
public record Machine(String cpu, int cores, double memoryGib, String os, String java, double loadAverageAtStart) {

    /** This machine, read from {@code /proc} and the JVM. */
    public static Machine current() {
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryGib(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), readLoadAverage());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException unreadable) {
            return "unknown";
        }
    }

    private static double readMemoryGib() {
        try {
            String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            return Long.parseLong(total.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    private static double readLoadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }
}
