package io.github.leadrules.architecture.docs;

import io.github.leadrules.architecture.docs.Markdown.Block;
import io.github.leadrules.cli.LeadRulesCli;
import io.github.leadrules.examples.QuickStart;
import io.github.leadrules.examples.saas.NextWorksHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The outputs the docs show are what the commands print today: the README's sample funnel under
 * "Quick start" and its {@code diff} and {@code backtest} transcripts come from running the
 * command lines written in the README (in process, same arguments, outputs into a temporary
 * folder); the CLI README's claims in comments come from its commands; the examples README's
 * output excerpts, fingerprints included, come from {@code QuickStart} and {@code NextWorksHost}.
 *
 * <p>A shown output may be abridged: a line holding only "…" stands for lines left out. Every other
 * run of lines must appear in the real output together and in order. A failure names the Markdown
 * file and line and prints the real output, to paste from.
 */
class DocumentedOutputsTest {

    private static final String JAR = "lead-rules-cli/target/lead-rules.jar";
    private static final String LAUNCHER = "lead-rules-dist/target/lead-rules/bin/lead-rules";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path target;

    @Test
    void theQuickStartFunnelIsWhatTheMainJobPrints() throws IOException {
        List<Block> readme = Markdown.blocks(Markdown.ROOT.resolve("README.md"));
        for (int i = 0; i < readme.size() - 1; i++) {
            Block command = readme.get(i);
            // The main job runs the CLI jar or the distribution's launcher (the same CLI, run in-process here).
            String cli = command.text().contains(LAUNCHER + " qualify") ? LAUNCHER : JAR;
            if (command.language().equals("bash") && command.text().contains(cli + " qualify")) {
                String line = command.lines().stream().filter(l -> l.contains(cli)).findFirst().orElseThrow();
                String args = line.substring(line.indexOf(cli) + cli.length()).split("&&")[0];
                Run run = cli(args);
                assertEquals(0, run.exitCode, command.where() + ": the main job failed:\n" + run.output);
                assertShown(readme.get(i + 1), run.output, "lead-rules" + args);
                return;
            }
        }
        fail("README.md has no ```bash block with `" + JAR + " qualify …` (or `" + LAUNCHER + " qualify …`) followed by its output");
    }

    @Test
    void theReadmeTranscriptsAreWhatTheirCommandsPrint() throws IOException {
        int checked = 0;
        for (Block block : Markdown.blocks(Markdown.ROOT.resolve("README.md"))) {
            if (!block.text().startsWith("$ java -jar " + JAR)) {
                continue;
            }
            List<String> lines = block.lines();
            StringBuilder command = new StringBuilder();
            int n = 0;
            while (true) {
                String l = lines.get(n++);
                boolean continues = l.endsWith("\\");
                command.append(' ').append(continues ? l.substring(0, l.length() - 1) : l);
                if (!continues) {
                    break;
                }
            }
            String args = command.toString().strip().substring(("$ java -jar " + JAR).length());
            Run run = cli(args);
            Block output = new Block(block.file(), block.line() + n, block.info(),
                    String.join("\n", lines.subList(n, lines.size())) + "\n");
            assertShown(output, run.output, "lead-rules" + args);
            checked++;
        }
        assertEquals(2, checked, "README.md should show the transcripts of `diff` and `backtest`");
    }

    @Test
    void theCliReadmeCommentsSayWhatTheirCommandsPrint() throws IOException {
        Pattern exitCode = Pattern.compile("echo \\$\\?\\s+#\\s*(\\d+)");
        Pattern number = Pattern.compile("\\d+(?:[.,]\\d+)*x?");
        int checked = 0;
        for (Block block : Markdown.blocks(Markdown.ROOT.resolve("lead-rules-cli/README.md"))) {
            if (!block.language().equals("bash") || !block.text().contains("java -jar " + JAR)) {
                continue;
            }
            String text = block.text().replace("\\\n", " ");
            List<String> lines = text.lines().toList();
            String commandLine = lines.stream().filter(l -> l.startsWith("java -jar " + JAR)).findFirst().orElseThrow();
            String args = commandLine.substring(("java -jar " + JAR).length());
            if (args.strip().startsWith("sample ")) {
                continue;   // regenerating the samples is what SampleCommandTest covers; it would write into samples/
            }
            Run run = cli(args);
            for (String l : lines) {
                Matcher code = exitCode.matcher(l);
                if (code.find()) {
                    checked++;
                    assertEquals(Integer.parseInt(code.group(1)), run.exitCode,
                            block.where() + ": the comment says the exit code is " + code.group(1) + "; the command printed:\n" + run.output);
                } else if (l.startsWith("# ")) {
                    checked++;
                    String claim = l.substring(2).split(" — ")[0].strip();
                    if (claim.startsWith("Compared")) {
                        if (!run.output.contains(claim)) {
                            fail(block.where() + ": says the command prints '" + claim + "', but it printed:\n" + run.output);
                        }
                    } else {
                        Matcher m = number.matcher(claim);
                        while (m.find()) {
                            String figure = m.group();
                            if (!run.output.contains(figure + "%") && !run.output.contains(figure + " ") && !run.output.contains(figure + "\n")) {
                                fail(block.where() + ": the figure " + figure + " in '" + claim + "' is not in the output:\n" + run.output);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(3, checked, "lead-rules-cli/README.md should have three commands with a claim in a comment");
    }

    @Test
    void theExamplesOutputsAreWhatTheExamplesPrint() {
        String quickStart = capture(out -> QuickStart.run(CLOCK, out));
        String nextWorks = capture(out -> NextWorksHost.run(CLOCK, out));
        Path readme = Markdown.ROOT.resolve("lead-rules-examples/README.md");
        List<String> markdown;
        try {
            markdown = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        int checked = 0;
        for (Block block : Markdown.blocks(readme)) {
            if (!block.language().equals("text")) {
                continue;
            }
            String section = "";
            for (int i = 0; i < block.line(); i++) {
                if (markdown.get(i).startsWith("## ")) {
                    section = markdown.get(i);
                }
            }
            boolean isQuickStart = section.startsWith("## QuickStart");
            assertShown(block, isQuickStart ? quickStart : nextWorks, isQuickStart ? "QuickStart" : "NextWorksHost");
            checked++;
        }
        assertEquals(3, checked, "lead-rules-examples/README.md should show three outputs");
    }

    // ------------------------------------------------------------------ helpers

    private record Run(int exitCode, String output) {
    }

    /** Runs the CLI in process with the README's arguments: samples from the checkout, outputs to a temporary folder. */
    private Run cli(String commandLine) throws IOException {
        List<String> args = new ArrayList<>();
        for (String token : commandLine.strip().split("\\s+")) {
            if (token.startsWith("samples/")) {
                args.add(Markdown.ROOT.resolve(token).toString());
            } else if (token.startsWith("target/")) {
                args.add(target.resolve(token.substring("target/".length())).toString());
            } else if (token.equals("candidate-policy.yaml")) {
                // as the README says: samples/policy.yaml plus minimumEmployees: 50
                Path candidate = target.resolve("candidate-policy.yaml");
                Files.writeString(candidate, Files.readString(Markdown.ROOT.resolve("samples/policy.yaml"))
                        + "\nminimumEmployees: 50\n");
                args.add(candidate.toString());
            } else {
                args.add(token);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            code = LeadRulesCli.run(args.toArray(String[]::new), out, out, false);
        }
        String output = bytes.toString(StandardCharsets.UTF_8)
                .replace(Markdown.ROOT + "/", "")
                .replace(target + "/", "target/");
        return new Run(code, output);
    }

    private static String capture(Consumer<PrintStream> program) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            program.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Every run of shown lines between "…" lines appears together, and the runs in order, in the
     * real output (trailing spaces ignored; blank lines at a run's ends ignored).
     */
    static void assertShown(Block shown, String realOutput, String command) {
        List<String> real = realOutput.lines().map(String::stripTrailing).toList();
        List<String> lines = shown.lines().stream().map(String::stripTrailing).toList();
        int from = 0;
        int start = 0;
        while (start < lines.size()) {
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("…")) {
                end++;
            }
            int a = start;
            int b = end;
            while (a < b && lines.get(a).isBlank()) {
                a++;
            }
            while (b > a && lines.get(b - 1).isBlank()) {
                b--;
            }
            if (a < b) {
                List<String> run = lines.subList(a, b);
                int found = indexOf(real, run, from);
                if (found < 0) {
                    fail(shown.where() + ": the lines shown at " + shown.file().getFileName() + ":" + shown.markdownLine(a + 1)
                            + "–" + shown.markdownLine(b) + " are not, together and in this order, in the output of `" + command.strip()
                            + "`" + fingerprintHints(run, real) + ", which is:\n" + realOutput);
                }
                from = found + run.size();
            }
            start = end + 1;
        }
    }

    private static final Pattern FINGERPRINT = Pattern.compile("\\b[0-9a-f]{16}\\b");

    /** When a shown line differs from a real one only in its fingerprint, says which to paste. */
    private static String fingerprintHints(List<String> shown, List<String> real) {
        StringBuilder hints = new StringBuilder();
        for (String line : shown) {
            Matcher old = FINGERPRINT.matcher(line);
            if (!old.find() || real.contains(line)) {
                continue;
            }
            String pattern = FINGERPRINT.matcher(line).replaceAll("<fingerprint>");
            for (String r : real) {
                Matcher now = FINGERPRINT.matcher(r);
                if (now.find() && FINGERPRINT.matcher(r).replaceAll("<fingerprint>").equals(pattern)) {
                    hints.append("; the fingerprint ").append(old.group()).append(" is now ").append(now.group());
                }
            }
        }
        return hints.toString();
    }

    private static int indexOf(List<String> real, List<String> run, int from) {
        for (int i = from; i + run.size() <= real.size(); i++) {
            if (real.subList(i, i + run.size()).equals(run)) {
                return i;
            }
        }
        return -1;
    }

}
