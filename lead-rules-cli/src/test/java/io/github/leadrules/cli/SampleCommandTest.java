package io.github.leadrules.cli;

import io.github.leadrules.cli.sample.SampleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sample} makes realistic leads, the same ones for the same seed. */
class SampleCommandTest {

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
    void theShippedSampleIsExactlyWhatTheDefaultCommandGenerates() throws Exception {
        Path shipped = Path.of("..", "samples", "leads-2000.csv");
        Path fresh = sample("leads-2000.csv", "--count", "2000", "--seed", "20261128");

        assertThat(Files.readString(fresh)).as("regenerate samples/leads-2000.csv with: lead-rules sample --out samples/leads-2000.csv")
                .isEqualTo(Files.readString(shipped));
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
                .anyMatch(l -> l.get("sales_status").equals("in_opportunity"));
        Map<String, Long> inquiries = leads.stream().collect(Collectors.groupingBy(l -> l.get("inquiry_type"), Collectors.counting()));
        assertThat(inquiries.get("document_request")).isGreaterThan(inquiries.get("demo"));
        long converted = leads.stream().filter(l -> l.get("converted").equals("true")).count();
        assertThat(converted).isBetween(100L, 600L);
    }

    @Test
    void theShippedSampleQualifiesWithTheShippedPolicyIntoARealisticFunnel() {
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(Path.of("..", "samples", "leads-2000.csv"),
                "--policy", Path.of("..", "samples", "policy.yaml").toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).hasSize(2000);
        Map<String, Long> outcomes = rows.stream().collect(Collectors.groupingBy(r -> r.get("decision_outcome"), Collectors.counting()));
        assertThat(outcomes.get("QUALIFIED")).isBetween(1100L, 1600L);
        assertThat(outcomes.get("EXCLUDED")).isBetween(400L, 800L);
        assertThat(outcomes.get("INVALID")).isBetween(1L, 40L);
        for (String id : List.of("EXC-COMPETITOR", "EXC-INTERNAL", "EXC-FREEMAIL-NO-COMPANY", "EXC-DISPOSABLE-EMAIL",
                "EXC-STUDENT", "EXC-TEST-SUBMISSION", "EXC-TOO-SMALL", "EXC-OUT-OF-TERRITORY", "EXC-NON-TARGET-INDUSTRY",
                "EXC-NO-CONSENT", "RTE-STALLED-DEAL-RECYCLE", "RTE-FIELD-SALES", "RTE-NURTURE-CASE-STUDY")) {
            assertThat(rows).as(id).anyMatch(r -> r.get("decision_reasons").contains(id));
        }
        double immediate = rate(rows, "IMMEDIATE");
        double low = rate(rows, "LOW");
        assertThat(immediate).as("conversion of IMMEDIATE leads vs LOW leads").isGreaterThan(2 * low);
    }

    private static double rate(List<Map<String, String>> rows, String urgency) {
        List<Map<String, String>> group = rows.stream()
                .filter(r -> r.get("decision_outcome").equals("QUALIFIED") && r.get("decision_urgency").equals(urgency)).toList();
        return (double) group.stream().filter(r -> r.get("converted").equals("true")).count() / group.size();
    }
}
