package io.github.leadrules.policy;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.leadrules.fuzz.Budget;
import io.github.leadrules.fuzz.Echoed;
import io.github.leadrules.fuzz.PhysicalLines;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the policy file ({@link LeadPolicy#load(java.io.Reader, String)}): only the documented
 * {@link PolicyFileException} escapes, its problems point inside the file, quote at most a short
 * part of it and carry no raw control characters, and loading is linear in time and memory.
 */
class PolicyFileFuzzTest {

    /**
     * Longest problem line accepted: a file name, a key path, a message and a short prefix of a value
     * (issue 9: messages quote at most a short prefix). {@code -Dfuzz.maxProblemChars=0} turns the check
     * off, e.g. to fuzz for other findings while values are still echoed whole.
     */
    static final int MAX_PROBLEM_CHARS = Integer.getInteger("fuzz.maxProblemChars", 1_000);

    /** What became of one policy file. */
    record Outcome(LeadPolicy policy, PolicyFileException refusal) {
    }

    /** The one call site into the policy loader: when its API changes, change this method only. */
    static Outcome load(byte[] input) {
        try {
            return new Outcome(LeadPolicy.load(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8),
                    "fuzz-policy.yaml"), null);
        } catch (PolicyFileException e) {
            return new Outcome(null, e);
        }
    }

    /**
     * Class loading and first-use initialisation (the shipped free-mail and disposable-domain lists,
     * about 50 MB of allocation, close to the budget's constant) are not a cost of the input: pay them
     * before measuring, outside the budget.
     */
    @BeforeAll
    static void warmUp() {
        load(("version: 1\nfreeMailDomains: {add: [mail.example-isp.jp]}\ndisposableDomains: {add: [throwaway.example]}\n"
                + "targetCountries: [日本, US]\ntargetIndustries: [製造業]\nminimumEmployees: 20\nduplicateWindow: 30d\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "/dictionaries/policy.dict")
    void aPolicyFileLoadsOrIsRefusedWithItsProblems(byte[] input) throws Exception {
        check(input);
    }

    /** The invariants for one input. */
    static void check(byte[] input) throws Exception {
        Outcome outcome = Budget.spend("the policy loader", input.length, () -> load(input));
        if (outcome.refusal() == null) {
            assertThat(outcome.policy()).isNotNull();
            return;
        }
        Echoed.check("the message of the refusal", outcome.refusal().getMessage(), true);
        int lines = PhysicalLines.ofUtf8(input).count();
        assertThat(outcome.refusal().problems()).isNotEmpty();
        for (PolicyFileException.Problem p : outcome.refusal().problems()) {
            assertThat(p.line()).as("line of %s", shortened(p)).isBetween(0, lines + 1);
            Echoed.check("the problem " + shortened(p), p.toString(), false);
            if (MAX_PROBLEM_CHARS > 0) {
                assertThat(p.toString().length()).as("length of the problem %s", shortened(p)).isLessThanOrEqualTo(MAX_PROBLEM_CHARS);
            }
        }
    }

    private static String shortened(PolicyFileException.Problem p) {
        String s = p.toString();
        return s.length() <= 200 ? s : s.substring(0, 200) + "… (" + s.length() + " chars)";
    }
}
