package io.github.leadrules.dist;

/**
 * Stands in for the CLI in the launcher's cache tests, so that each run takes a fraction of a
 * second: prints its arguments, reads {@code exit=N} among them as its exit code. With
 * {@code show-jvm} among them it prints a second line, {@code jvm:} and the JVM options the
 * launcher chose that pick the compiler or the garbage collector.
 */
public final class FakeCli {

    private FakeCli() {
    }

    public static void main(String[] args) {
        int exit = 0;
        StringBuilder out = new StringBuilder("fake-cli");
        for (String a : args) {
            out.append(' ').append(a);
            if (a.startsWith("exit=")) {
                exit = Integer.parseInt(a.substring(5));
            }
        }
        System.out.println(out);
        if (java.util.Arrays.asList(args).contains("show-jvm")) {
            StringBuilder jvm = new StringBuilder("jvm:");
            for (String option : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (option.contains("Tiered") || option.endsWith("GC")) {
                    jvm.append(' ').append(option);
                }
            }
            System.out.println(jvm);
        }
        System.exit(exit);
    }
}
