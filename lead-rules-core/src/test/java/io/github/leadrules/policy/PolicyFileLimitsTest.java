package io.github.leadrules.policy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A policy file may come from anyone who can edit a config folder. Huge files, huge lines, huge
 * values, aliases that multiply a value, and numbers too large to count all fail fast with the same
 * {@link PolicyFileException} as any other mistake, naming file, line and column, and quoting at
 * most a short, escaped prefix of the value. The timeouts are hang guards, not speed assertions.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolicyFileLimitsTest {

    private static LeadPolicy read(String yaml) {
        return LeadPolicy.load(new StringReader(yaml), "lead-policy.yaml");
    }

    private static PolicyFileException failure(String yaml) {
        try {
            read(yaml);
        } catch (PolicyFileException e) {
            return e;
        }
        throw new AssertionError("the policy file loaded, but it should have failed");
    }

    @Nested
    class Size {

        @Test
        void aFileOfExactlyTheCapLoadsAndOneCharacterMoreIsRefused() {
            String atCap = comments(PolicyFile.MAX_FILE_CHARS);

            assertThat(read(atCap)).isEqualTo(LeadPolicy.defaults());
            PolicyFileException e = failure(atCap + "\n");
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isZero();
                assertThat(p.message()).contains("longer than " + PolicyFile.MAX_FILE_CHARS + " characters");
            });
        }

        @Test
        void aHugeFileIsRefusedAfterReadingNoMoreThanTheCap() {
            CountingReader endless = new CountingReader();

            PolicyFileException e = catchFailure(() -> LeadPolicy.load(endless, "endless.yaml"));

            assertThat(e.problems().get(0).message()).contains("longer than");
            assertThat(endless.served).isLessThanOrEqualTo(PolicyFile.MAX_FILE_CHARS + 16 * 1024L);
        }

        @Test
        void aLineOfTheCapLoadsAndOneCharacterLongerIsRefusedNamingItsLineAndColumn() {
            String atCap = "minimumEmployees: 20\n#" + "x".repeat(PolicyFile.MAX_LINE_CHARS - 1) + "\n";
            String overCap = "minimumEmployees: 20\n#" + "x".repeat(PolicyFile.MAX_LINE_CHARS) + "\n";
            String belowCap = "minimumEmployees: 20\r\n#" + "x".repeat(PolicyFile.MAX_LINE_CHARS - 2) + "\r\n";

            assertThat(read(atCap).exclusion().minimumEmployees()).isEqualTo(20);
            assertThat(read(belowCap).exclusion().minimumEmployees()).isEqualTo(20);
            PolicyFileException e = failure(overCap);
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.column()).isEqualTo(PolicyFile.MAX_LINE_CHARS + 1);
                assertThat(p.message()).contains("longer than " + PolicyFile.MAX_LINE_CHARS + " characters");
            });
        }

        @Test
        void aNineteenMegabyteSingleLineIsRefusedAtItsLineWithoutParsing() {
            // Took 83 s to load before the line cap (SnakeYAML scans one long token in quadratic time).
            String yaml = "recycleTeam: " + "b".repeat(19 * 1024 * 1024) + "\n";

            PolicyFileException e = failure(yaml);

            assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
            assertThat(e.getMessage()).hasSizeLessThan(500);
        }

        @Test
        void aFileOnDiskThatIsTooLargeIsRefusedThroughLoad(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("lead-policy.yaml");
            Files.writeString(file, comments(PolicyFile.MAX_FILE_CHARS + 1), StandardCharsets.UTF_8);

            assertThatThrownBy(() -> LeadPolicy.load(file)).isInstanceOfSatisfying(PolicyFileException.class,
                    e -> assertThat(e.file()).isEqualTo(file.toString()));
        }

        /** Comment lines of 80 characters adding up to exactly n characters. */
        private static String comments(int n) {
            StringBuilder sb = new StringBuilder(n);
            String line = "#" + "-".repeat(78) + "\n";
            while (sb.length() + line.length() <= n) {
                sb.append(line);
            }
            sb.append("#".repeat(n - sb.length()));
            return sb.toString();
        }
    }

    @Nested
    class Values {

        @ParameterizedTest(name = "{0} characters")
        @ValueSource(ints = {PolicyFile.MAX_VALUE_CHARS - 1, PolicyFile.MAX_VALUE_CHARS})
        void aValueUpToTheCapLoads(int length) {
            assertThat(read("recycleTeam: " + "r".repeat(length) + "\n").routing().recycleTeam()).hasSize(length);
        }

        @Test
        void aValueOneCharacterOverTheCapIsRefusedQuotingOnlyItsFirstFortyCharacters() {
            String value = "ABCDEFGHIJ".repeat(4) + "z".repeat(PolicyFile.MAX_VALUE_CHARS + 1 - 40);

            PolicyFileException e = failure("minimumEmployees: 20\nrecycleTeam: " + value + "\n");

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.column()).isEqualTo(14);
                assertThat(p.key()).isEqualTo("recycleTeam");
                assertThat(p.message()).contains("1025 characters").endsWith("'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJ…'");
            });
        }

        @Test
        void aKeyOverTheCapIsRefusedToo() {
            // SnakeYAML itself refuses a plain key over 1024 characters; the explicit form (? key) gets through.
            PolicyFileException e = failure("? " + "k".repeat(PolicyFile.MAX_VALUE_CHARS + 1) + "\n: 1\n");

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.message()).contains("1025 characters");
            });
            assertThat(e.getMessage()).hasSizeLessThan(300);
        }

        @Test
        void aLongUnknownKeyIsShortenedInTheKeyPath() {
            String key = "minimumEmployeesForTheEnterpriseSegmentInTheKansaiRegion";

            PolicyFileException e = failure(key + ": 20\n");

            assertThat(e.key()).isEqualTo(key.substring(0, PolicyFileException.QUOTED_PREFIX) + "…");
        }

        @Test
        void controlCharactersInAValueAreEscapedInTheMessage() {
            PolicyFileException e = failure("targetCountries: [\"\\e[2J\\e[31mAtlantis\\u202E\\n\"]\n");

            assertThat(e.problems().get(0).message())
                    .contains("'\\u001B[2J\\u001B[31mAtlantis\\u202E\\n'")
                    .doesNotContain("\u001B").doesNotContain("\u202E").doesNotContain("\n");
        }

        @Test
        void aValueOfFortyCharactersIsQuotedWholeAndOfFortyOneCutShort() {
            String forty = "Atlantis-" + "x".repeat(31);

            assertThat(failure("targetCountries: [" + forty + "]\n").problems().get(0).message())
                    .contains("'" + forty + "'");
            assertThat(failure("targetCountries: [" + forty + "y]\n").problems().get(0).message())
                    .contains("'" + forty + "…'");
        }

        @Test
        void aProblemQuotesAtMostFortyCharactersWhereverTheValueComesFrom() {
            String long1000 = "x".repeat(1_000);
            PolicyFileException e = failure("""
                    ownDomains: [%1$s]
                    minimumEmployees: %1$s
                    requireExplicitConsent: %1$s
                    coldAfter: %1$s
                    assignment: {rotation: %1$s}
                    """.formatted(long1000));

            assertThat(e.problems()).hasSize(5).allSatisfy(p ->
                    assertThat(p.message()).contains("'" + "x".repeat(40) + "…'").doesNotContain("x".repeat(41)));
        }

        @Test
        void teamNamesAndRepIdsInMessagesAreCutToFortyCharactersToo() {
            String name = "field-sales-" + "k".repeat(900);
            PolicyFileException twice = failure("""
                    teams:
                      - {name: %1$s, destination: fieldSales}
                      - {name: %1$s, destination: insideSales}
                    """.formatted(name));
            PolicyFileException nobody = failure("teams:\n  - {name: %s, destination: nurture, reps: [rep-1]}\n".formatted(name));

            assertThat(twice.problems()).singleElement().satisfies(p -> assertThat(p.message())
                    .isEqualTo("two teams are named " + name.substring(0, 40) + "…; routes and assignment find teams by name"));
            assertThat(nobody.problems().get(0).message()).startsWith("team " + name.substring(0, 40) + "… routes to");
        }

        @Test
        void moreThanAHundredProblemsAreCountedNotListed() {
            StringBuilder yaml = new StringBuilder("targetCountries:\n");
            for (int i = 0; i < 250; i++) {
                yaml.append("  - Atlantis-").append(i).append('\n');
            }

            PolicyFileException e = failure(yaml.toString());

            assertThat(e.problems()).hasSize(PolicyFileException.MAX_PROBLEMS + 1);
            assertThat(e.problems().get(PolicyFileException.MAX_PROBLEMS - 1).key()).isEqualTo("targetCountries[99]");
            assertThat(e.problems().get(PolicyFileException.MAX_PROBLEMS).message()).isEqualTo("… and 150 more problems not listed");
        }
    }

    @Nested
    class Aliases {

        @Test
        void theReportedAliasAttackIsRefusedWithOneShortProblem() {
            // The attack as reported: 110 KB of file, 200 MB of messages and 1.3 GB of memory before.
            String yaml = "x: &a \"" + "A".repeat(100_000) + "\"\n"
                    + "targetCountries: [" + "*a, ".repeat(1_999) + "*a]\n";

            PolicyFileException e = failure(yaml);

            assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("longer than"));
            assertThat(e.getMessage()).hasSizeLessThan(500);
        }

        @Test
        void anAnchoredTextOnShortLinesRepeatedThroughThousandsOfAliasesIsRefusedWithTwoShortProblems() {
            // The same text as a block of 100 lines of 1 000 characters passes the line cap.
            String yaml = "x: &a |\n" + ("  " + "A".repeat(999) + "\n").repeat(100)
                    + "targetCountries: [" + "*a, ".repeat(1_999) + "*a]\n";

            PolicyFileException e = failure(yaml);

            assertThat(e.problems()).hasSize(2);
            assertThat(e.problems().get(0).message()).contains("100000 characters");
            assertThat(e.problems().get(1).message()).contains("expands to more than " + PolicyFile.MAX_EXPANDED_CHARS);
            assertThat(e.getMessage()).hasSizeLessThan(1_000);
        }

        @Test
        void shortAnchoredTextsRepeatedUntilTheExpansionCapIsPassedAreRefused() {
            // The root mapping, the key testMarkers (1 + 11), the list: 14; each element 1 + 1023.
            // 14 + 8191 × 1024 = 8 387 598 fits in 8 388 608; one element more does not.
            assertThat(read(markers(8_190)).exclusion().testMarkers()).hasSize(1);
            assertThat(read(markers(8_191)).exclusion().testMarkers()).hasSize(1);
            PolicyFileException e = failure(markers(8_192));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("aliases");
                assertThat(p.key()).isEqualTo("testMarkers[8191]");
                assertThat(p.line()).isEqualTo(1);
            });
        }

        @Test
        void aListAnchoredOnceAndReusedALittleStillLoads() {
            LeadPolicy p = read("""
                    ownDomains: &ours [example-saas.co.jp, example-saas.com]
                    testDomains: *ours
                    recycleTeam: &recycle inside-sales-recycle
                    teams:
                      - {name: inside-sales, destination: insideSales}
                      - {name: *recycle, destination: insideSales}
                    """);

            assertThat(p.exclusion().testDomains()).containsExactlyInAnyOrder("example-saas.co.jp", "example-saas.com");
            assertThat(p.routing().team("inside-sales-recycle")).isPresent();
        }

        /** {@code testMarkers: [&a <1023 characters>, *a, *a, …]} with n elements in all. */
        private static String markers(int n) {
            return "testMarkers: [&a " + "m".repeat(PolicyFile.MAX_VALUE_CHARS - 1) + ", *a".repeat(n - 1) + "]\n";
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"engagementWindow", "burstWindow", "coldAfter", "duplicateWindow", "stalledAfter",
                "immediateSla"})
        void anAmountTooLargeToCountIsAProblemAtItsLineForEveryDurationKey(String key) {
            for (String value : new String[] {"999999999999999d", "99999999999999999999999d", "106751991167301d",
                    "P999999999999999D", "PT99999999999999999999H", "36501d", "36500d1s"}) {
                PolicyFileException e = failure("minimumEmployees: 20\n" + key + ": " + value + "\n");
                assertThat(e.problems()).as(value).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(key.length() + 3);
                    assertThat(p.key()).isEqualTo(key);
                    assertThat(p.message()).startsWith("must be at most 36500d");
                });
            }
        }

        @Test
        void anSlaTooLargeToCountIsAProblemAtItsLine() {
            PolicyFileException e = failure("slas:\n  insideSales: 999999999999999d\n");

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo("slas.insideSales");
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.column()).isEqualTo(16);
            });
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"36499d", "36500d", "876000h", "P36500D", "PT876000H"})
        void durationsUpToAHundredYearsLoad(String value) {
            assertThat(read("coldAfter: " + value + "\n").urgency().coldAfter()).isLessThanOrEqualTo(LeadPolicy.MAX_DURATION);
        }

        @Test
        void theOverflowAttackFailsThroughLoadOfAFileToo(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("lead-policy.yaml");
            Files.writeString(file, "duplicateWindow: 999999999999999d\n");

            assertThatThrownBy(() -> LeadPolicy.load(file))
                    .isInstanceOf(PolicyFileException.class)
                    .hasMessageContaining(file + ":1:18 duplicateWindow: must be at most 36500d");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"minimumEmployees: %s", "enterpriseEmployees: %s", "fieldSalesMinimumEmployees: %s",
                "pricingVisitThreshold: %s", "burstEvents: %s", "version: %s", "urgencyThresholds: {high: %s}",
                "teams: [{name: fs, destination: fieldSales, reps: [{id: rep-1, weight: %s}]}]",
                "teams: [{name: fs, destination: fieldSales, reps: [{id: rep-1, capacity: %s}]}]"})
        void aWholeNumberTooLargeToCountIsAProblemAtItsLineForEveryNumberKey(String line) {
            for (String value : new String[] {"2147483648", "99999999999999999999999999", "-2147483649"}) {
                PolicyFileException e = failure("recycleTeam: inside-sales-recycle\n" + line.formatted(value) + "\n");
                assertThat(e.problems()).as(value).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isGreaterThan(1);
                    assertThat(p.message()).contains("number out of range");
                });
            }
        }

        @Test
        void aBuilderDurationOverAHundredYearsIsRefusedNamingTheKey() {
            assertThatThrownBy(() -> LeadPolicy.builder().duplicateWindow(Duration.ofDays(36_501)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("duplicateWindow: must be at most 36500 days");
            assertThat(LeadPolicy.builder().duplicateWindow(Duration.ofDays(36_500)).build().exclusion().duplicateWindow())
                    .isEqualTo(Duration.ofDays(36_500));
        }
    }

    @Nested
    class RuleTimeBudget {

        @Test
        void defaultsToTenSecondsAndTakesAnyDurationSyntax() {
            assertThat(read("").ruleTimeBudget()).isEqualTo(Duration.ofSeconds(10));
            assertThat(read("ruleTimeBudget: 2s\n").ruleTimeBudget()).isEqualTo(Duration.ofSeconds(2));
            assertThat(read("ruleTimeBudget: 500ms\n").ruleTimeBudget()).isEqualTo(Duration.ofMillis(500));
            assertThat(read("ruleTimeBudget: 1m30s\n").ruleTimeBudget()).isEqualTo(Duration.ofSeconds(90));
            assertThat(read("ruleTimeBudget: PT0.25S\n").ruleTimeBudget()).isEqualTo(Duration.ofMillis(250));
        }

        @Test
        void isBetweenAHundredMillisecondsAndOneHour() {
            assertThat(read("ruleTimeBudget: 100ms\n").ruleTimeBudget()).isEqualTo(Duration.ofMillis(100));
            assertThat(read("ruleTimeBudget: 1h\n").ruleTimeBudget()).isEqualTo(Duration.ofHours(1));
            for (String tooSmallOrLarge : new String[] {"99ms", "1h1ms", "2h"}) {
                PolicyFileException e = failure("\nruleTimeBudget: " + tooSmallOrLarge + "\n");
                assertThat(e.problems()).as(tooSmallOrLarge).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(17);
                    assertThat(p.message()).isEqualTo("must be between 100ms and 1h, got '" + tooSmallOrLarge + "'");
                });
            }
        }

        @Test
        void isPartOfThePolicyAndItsFingerprint() {
            assertThat(LeadPolicy.defaults().toBuilder().ruleTimeBudget(Duration.ofSeconds(2)).build())
                    .isEqualTo(read("ruleTimeBudget: 2s\n"))
                    .isNotEqualTo(LeadPolicy.defaults());
            assertThatThrownBy(() -> LeadPolicy.defaults().toBuilder().ruleTimeBudget(Duration.ofMillis(99)).build())
                    .hasMessageStartingWith("ruleTimeBudget: must be between 100ms and 1h");
        }
    }

    private static PolicyFileException catchFailure(Runnable load) {
        try {
            load.run();
        } catch (PolicyFileException e) {
            return e;
        }
        throw new AssertionError("the policy file loaded, but it should have failed");
    }

    /** An endless stream of short comment lines that counts what it served. */
    private static final class CountingReader extends Reader {
        private static final String LINE = "# minimumEmployees: 20\n";
        long served;

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = LINE.charAt((int) (served++ % LINE.length()));
            }
            return length;
        }

        @Override
        public void close() {
        }
    }
}
