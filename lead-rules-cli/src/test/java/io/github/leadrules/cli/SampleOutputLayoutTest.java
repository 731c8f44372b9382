package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main job writes the same text whichever way it is laid out: UTF-8 output goes
 * straight into bytes, other encodings through the text layout and the encoder. The 2 000 sample
 * leads (with policy and accounts, formula escaping on and off, and the rows with errors) come out
 * identical, character for character, in UTF-8 and UTF-16.
 */
class SampleOutputLayoutTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path dir;

    @Test
    void theSampleLeadsAreWrittenIdenticallyInUtf8AndThroughTheTextLayout() throws Exception {
        assertSameText(SAMPLES.resolve("leads-2000.csv"), "--policy", SAMPLES.resolve("policy.yaml").toString(),
                "--accounts", SAMPLES.resolve("accounts.csv").toString());
        assertSameText(SAMPLES.resolve("leads-2000.csv"), "--no-formula-escape");
        assertSameText(SAMPLES.resolve("leads-with-errors.csv"));
    }

    private void assertSameText(Path input, String... options) throws Exception {
        Path utf8 = dir.resolve("utf8.csv");
        Path utf16 = dir.resolve("utf16.csv");
        String[] a = append(options, "--out", utf8.toString());
        String[] b = append(options, "--out", utf16.toString(), "--out-encoding", "UTF-16");
        Cli.Result first = Cli.qualify(input, a);
        Cli.Result second = Cli.qualify(input, b);
        assertThat(first.exitCode()).as(first.err()).isEqualTo(second.exitCode()).isLessThanOrEqualTo(ExitCodes.SOME_INVALID);
        String text = Files.readString(utf8, StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isGreaterThan(10);
        assertThat(text).isEqualTo(Files.readString(utf16, StandardCharsets.UTF_16));
    }

    private static String[] append(String[] options, String... more) {
        String[] all = java.util.Arrays.copyOf(options, options.length + more.length);
        System.arraycopy(more, 0, all, options.length, more.length);
        return all;
    }
}
