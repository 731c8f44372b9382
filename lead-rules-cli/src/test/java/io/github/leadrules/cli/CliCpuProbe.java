package io.github.leadrules.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Not a test: runs one CLI command in this JVM and prints the CPU seconds of the calling thread
 * (the one that reads the input and writes the output) beside the whole process's, and the wall
 * time. {@code java -cp lead-rules.jar:test-classes io.github.leadrules.cli.CliCpuProbe qualify …}.
 */
public final class CliCpuProbe {

    private CliCpuProbe() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long wall = System.nanoTime();
        long thread = threads.getCurrentThreadCpuTime();
        long process = os.getProcessCpuTime();
        int exit = LeadRulesCli.run(args, System.out, System.err, false);
        System.err.printf("exit %d: calling thread %.2f CPU-s, process %.2f CPU-s, %.2f s wall%n", exit,
                (threads.getCurrentThreadCpuTime() - thread) / 1e9, (os.getProcessCpuTime() - process) / 1e9,
                (System.nanoTime() - wall) / 1e9);
    }
}
