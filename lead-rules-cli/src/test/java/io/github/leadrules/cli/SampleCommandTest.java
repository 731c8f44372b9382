package io.github.leadrules.cli;

import io.github.leadrules.cli.sample.SampleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sample} makes realistic leads, the same ones for the same seed. */
class SampleCommandTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path dir;

    private Path sample(String name, String... args) {
        Path out = dir.resolve(name);
        String[] all = new String[args.length + 3];
        all[0] = "sample";
        all[1] = "--out";
        all[2] = out.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        Cli.Result result = Cli.run(all);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return out;
    }

    @Test
    void theSameSeedGivesTheSameFileAndAnotherSeedAnotherFile() throws Exception {
        Path a = sample("a.csv", "--count", "300", "--seed", "7");
        Path b = sample("b.csv", "--count", "300", "--seed", "7");
        Path c = sample("c.csv", "--count", "300", "--seed", "8");

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }

    @Test
    void theShippedSampleAccountsAndRecentLeadsAreExactlyWhatTheDocumentedCommandGenerates() throws Exception {
        Path accounts = dir.resolve("accounts.csv");
        Path recent = dir.resolve("recent-leads.csv");
        Path fresh = sample("leads-2000.csv", "--count", "2000", "--seed", "20261128",
                "--accounts-out", accounts.toString(), "--recent-leads-out", recent.toString());

        String regenerate = "regenerate the samples with: lead-rules sample --count 2000 --seed 20261128 --out samples/leads-2000.csv "
                + "--accounts-out samples/accounts.csv --recent-leads-out samples/recent-leads.csv";
        assertThat(Files.readString(fresh)).as(regenerate).isEqualTo(Files.readString(SAMPLES.resolve("leads-2000.csv")));
        assertThat(Files.readString(accounts)).as(regenerate).isEqualTo(Files.readString(SAMPLES.resolve("accounts.csv")));
        assertThat(Files.readString(recent)).as(regenerate).isEqualTo(Files.readString(SAMPLES.resolve("recent-leads.csv")));
    }

    @Test
    void theSampleHasTheOwnLayoutTheHiddenOutcomeAndARealisticMix() {
        Path out = sample("leads.csv", "--count", "2000");

        List<List<String>> rows = Cli.readCsv(out);
        assertThat(rows.get(0)).isEqualTo(SampleGenerator.COLUMNS);
        assertThat(rows).hasSize(2001);
        List<Map<String, String>> leads = Cli.decisions(out);
        assertThat(leads).anyMatch(l -> l.get("company_name").contains("株式会社"))
                .anyMatch(l -> l.get("company_name").endsWith("Inc."))
                .anyMatch(l -> l.get("email").endsWith("@docomo.ne.jp") || l.get("email").endsWith("@yahoo.co.jp"))
                .anyMatch(l -> l.get("email").endsWith("@mailinator.com") || l.get("email").endsWith("@yopmail.com")
                        || l.get("email").endsWith("@guerrillamail.com") || l.get("email").endsWith("@10minutemail.com"))
                .anyMatch(l -> SampleGenerator.COMPETITOR_DOMAINS.stream().anyMatch(d -> l.get("email").endsWith("@" + d)))
                .anyMatch(l -> l.get("job_title").equals("学生") || l.get("job_title").equals("Student"))
                .anyMatch(l -> l.get("engagement").contains("case_study:製造業@"))
                .anyMatch(l -> l.get("sales_status").equals("in_opportunity"))
                .anyMatch(l -> l.get("email").endsWith("@sakura-seiki.example"))
                .anyMatch(l -> l.get("email").endsWith("@keystone-retail.example"));
        assertThat(leads).as("no malformed rows unless asked for").noneMatch(l -> l.get("email").contains("@@")
                || l.get("country").equals("Atlantis") || l.get("submitted_at").startsWith("2026/"));
        Map<String, Long> inquiries = leads.stream().collect(Collectors.groupingBy(l -> l.get("inquiry_type"), Collectors.counting()));
        assertThat(inquiries.get("document_request")).isGreaterThan(inquiries.get("demo"));
        long converted = leads.stream().filter(l -> l.get("converted").equals("true")).count();
        assertThat(converted).isBetween(100L, 600L);
    }

    @Test
    void aMalformedShareBreaksOneCellInThatShareOfRowsAndLeavesEveryOtherRowAsItWas() {
        List<List<String>> clean = Cli.readCsv(sample("clean.csv", "--count", "400", "--seed", "11"));
        Path brokenFile = sample("broken.csv", "--count", "400", "--seed", "11", "--malformed-share", "0.05");
        List<List<String>> broken = Cli.readCsv(brokenFile);

        assertThat(broken).hasSameSizeAs(clean);
        List<Integer> changed = new ArrayList<>();
        for (int i = 1; i < clean.size(); i++) {
            if (!clean.get(i).equals(broken.get(i))) {
                changed.add(i);
                List<String> differing = new ArrayList<>();
                for (int c = 0; c < SampleGenerator.COLUMNS.size(); c++) {
                    if (!clean.get(i).get(c).equals(broken.get(i).get(c))) {
                        differing.add(SampleGenerator.COLUMNS.get(c));
                    }
                }
                differing.remove("converted");
                assertThat(differing).as("line %d", i + 1).hasSize(1)
                        .containsAnyOf("email", "employee_count", "country", "submitted_at");
            }
        }
        assertThat(changed).hasSizeBetween(8, 35);

        Path out = dir.resolve("decisions.csv");
        Cli.Result result = Cli.qualify(brokenFile, "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
        List<Map<String, String>> rows = Cli.decisions(out);
        List<Integer> invalid = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get("decision_outcome").equals("INVALID")) {
                invalid.add(i + 1);
            }
        }
        assertThat(invalid).isEqualTo(changed);
    }

    @Test
    void theDocumentedCommandOnTheShippedSampleDecidesEveryRowIntoARealisticFunnelWithTheAccountRules() {
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(SAMPLES.resolve("leads-2000.csv"), "--policy", SAMPLES.resolve("policy.yaml").toString(),
                "--accounts", SAMPLES.resolve("accounts.csv").toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).hasSize(2000);
        Map<String, Long> outcomes = rows.stream().collect(Collectors.groupingBy(r -> r.get("decision_outcome"), Collectors.counting()));
        assertThat(outcomes.get("QUALIFIED")).isBetween(1100L, 1600L);
        assertThat(outcomes.get("EXCLUDED")).isBetween(500L, 850L);
        assertThat(outcomes).doesNotContainKeys("INVALID", "ERROR");
        for (String id : List.of("EXC-COMPETITOR", "EXC-EXISTING-CUSTOMER", "EXC-INTERNAL", "EXC-FREEMAIL-NO-COMPANY",
                "EXC-DISPOSABLE-EMAIL", "EXC-STUDENT", "EXC-TEST-SUBMISSION", "EXC-TOO-SMALL", "EXC-OUT-OF-TERRITORY",
                "EXC-NON-TARGET-INDUSTRY", "EXC-NO-CONSENT", "RTE-EXISTING-CUSTOMER-TO-OWNER", "RTE-KNOWN-ACCOUNT-OWNER",
                "RTE-STALLED-DEAL-RECYCLE", "RTE-FIELD-SALES", "RTE-NURTURE-CASE-STUDY")) {
            assertThat(rows).as(id).anyMatch(r -> r.get("decision_reasons").contains(id));
        }
        assertThat(rows).as("duplicates need --recent-leads").noneMatch(r -> r.get("decision_reasons").contains("EXC-DUPLICATE"));
        // Existing customers are excluded from the count but reach their account owner.
        assertThat(rows).filteredOn(r -> r.get("decision_exclusions").equals("EXC-EXISTING-CUSTOMER")).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.get("decision_route")).isEqualTo("ACCOUNT_OWNER");
                    assertThat(r.get("decision_owner")).isIn("k.suzuki", "m.tanaka", "a.ito", "e.clark", "j.walker");
                });
        double immediate = rate(rows, "IMMEDIATE");
        double low = rate(rows, "LOW");
        assertThat(immediate).as("conversion of IMMEDIATE leads vs LOW leads").isGreaterThan(2 * low);
    }

    @Test
    void theShippedRecentLeadsMakeRepeatSubmissionsWithinThirtyDaysDuplicates() {
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(SAMPLES.resolve("leads-2000.csv"), "--policy", SAMPLES.resolve("policy.yaml").toString(),
                "--recent-leads", SAMPLES.resolve("recent-leads.csv").toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        Map<String, Instant> recent = new HashMap<>();
        for (Map<String, String> r : Cli.decisions(SAMPLES.resolve("recent-leads.csv"))) {
            recent.merge(r.get("email").toLowerCase(Locale.ROOT), Instant.parse(r.get("submitted_at")),
                    (x, y) -> x.isAfter(y) ? x : y);
        }
        List<Map<String, String>> duplicates = Cli.decisions(out).stream()
                .filter(r -> r.get("decision_exclusions").contains("EXC-DUPLICATE")).toList();
        assertThat(duplicates).hasSizeBetween(30, 100).allSatisfy(r -> {
            Instant before = recent.get(r.get("email").toLowerCase(Locale.ROOT));
            assertThat(before).isNotNull();
            assertThat(Duration.between(before, Instant.parse(r.get("submitted_at"))).toDays()).isBetween(0L, 30L);
        });
    }

    private static double rate(List<Map<String, String>> rows, String urgency) {
        List<Map<String, String>> group = rows.stream()
                .filter(r -> r.get("decision_outcome").equals("QUALIFIED") && r.get("decision_urgency").equals(urgency)).toList();
        return (double) group.stream().filter(r -> r.get("converted").equals("true")).count() / group.size();
    }
}
