package io.github.leadrules.dist;

/**
 * Stands in for the CLI in the launcher's cache tests, so that each run takes a fraction of a
 * second: prints its arguments, reads {@code exit=N} among them as its exit code.
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
        System.exit(exit);
    }
}
