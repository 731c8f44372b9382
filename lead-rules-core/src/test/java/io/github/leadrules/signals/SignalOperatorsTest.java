package io.github.leadrules.signals;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operator of a policy signal fires at its limit and not at the near miss beside it, and a
 * missing value matches nothing but {@code missing}. The whole table runs as one batch and one
 * lead per session, twice: every generated rule is evaluated far more than the 20 times after
 * which Drools 10.2 JIT-compiles a constraint.
 */
class SignalOperatorsTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String POLICY = """
            fields:
              time_on_site: integer
              score: number
              lead_origin: {type: choice, values: [API, Landing Page Submission, Lead Add Form, Lead Import]}
              first_visit: {type: date, format: dd-MM-yyyy}
              converted: flag
              landing_page: text
            signals:
              - {id: T-EQUALS-SOURCE, when: {field: source, equals: Reference}, points: 1}
              - {id: T-IN-ORIGIN, when: {field: lead_origin, in: [Lead Add Form, api]}, points: 1}
              - {id: T-NOTIN-PAGE, when: {field: landing_page, notIn: [/pricing, /demo]}, points: 1}
              - {id: T-ATLEAST-TIME, when: {field: time_on_site, atLeast: 900}, points: 1}
              - {id: T-BELOW-SCORE, when: {field: score, below: 2.5}, points: 1}
              - {id: T-BETWEEN-EMPLOYEES, when: {field: company.employeeCount, between: [100, 500]}, points: 1}
              - {id: T-BETWEEN-VISIT, when: {field: first_visit, between: [2026-01-01, 2026-02-01]}, points: 1}
              - {id: T-CONTAINS-TITLE, when: {field: jobTitle, containsAny: [marketing, マーケ]}, points: 1}
              - {id: T-MISSING-PAGE, when: {field: landing_page, missing: true}, points: 1}
              - {id: T-PRESENT-ORIGIN, when: {field: lead_origin, present: true}, points: 1}
              - {id: T-WITHIN-VISIT, when: {field: first_visit, withinDays: 30}, points: 1}
              - {id: T-WITHIN-SUBMITTED, when: {field: submittedAt, withinDays: 7}, points: 1}
              - {id: T-EQUALS-CONVERTED, when: {field: converted, equals: true}, points: 1}
              - {id: T-EQUALS-INQUIRY, when: {field: inquiryType, equals: documentRequest}, points: 1}
              - {id: T-IN-COUNTRY, when: {field: company.country, in: [Japan]}, points: 1}
              - {id: T-ATLEAST-REVENUE, when: {field: company.annualRevenue, atLeast: 1000000000}, points: 1}
              - {id: T-EQUALS-SCORE, when: {field: score, equals: 3}, points: 1}
              - {id: T-NOTIN-TIME, when: {field: time_on_site, notIn: [0, 1]}, points: 1}
            """;

    record Row(String name, UnaryOperator<Lead.Builder> lead, Set<String> fires) {
    }

    static Row row(String name, UnaryOperator<Lead.Builder> lead, String... fires) {
        return new Row(name, lead, Set.of(fires));
    }

    /** A qualified lead that none of the table's signals is about: an engineer at a 50-person US company. */
    static Lead.Builder base(String id) {
        return Lead.builder(id).email("j.smith@harbor-robotics.com").jobTitle("Engineer")
                .company(Company.builder().name("Harbor Robotics Inc.").employeeCount(50).country("US").build());
    }

    static final List<Row> TABLE = List.of(
            row("nothing set", b -> b, "T-MISSING-PAGE"),
            row("source Reference", b -> b.source("Reference"), "T-EQUALS-SOURCE", "T-MISSING-PAGE"),
            row("source in another case and width", b -> b.source("ＲＥＦＥＲＥＮＣＥ"), "T-EQUALS-SOURCE", "T-MISSING-PAGE"),
            row("source References", b -> b.source("References"), "T-MISSING-PAGE"),
            row("origin Lead Add Form", b -> b.attribute("lead_origin", "lead add form"), "T-IN-ORIGIN", "T-PRESENT-ORIGIN", "T-MISSING-PAGE"),
            row("origin API", b -> b.attribute("lead_origin", "API"), "T-IN-ORIGIN", "T-PRESENT-ORIGIN", "T-MISSING-PAGE"),
            row("origin Lead Import", b -> b.attribute("lead_origin", "Lead Import"), "T-PRESENT-ORIGIN", "T-MISSING-PAGE"),
            row("page /features", b -> b.attribute("landing_page", "/features"), "T-NOTIN-PAGE"),
            row("page /pricing", b -> b.attribute("landing_page", "/pricing"), new String[0]),
            row("page /PRICING", b -> b.attribute("landing_page", "/PRICING"), new String[0]),
            row("page placeholder", b -> b.attribute("landing_page", "unknown"), "T-MISSING-PAGE"),
            row("time 899", b -> b.attribute("time_on_site", "899"), "T-MISSING-PAGE", "T-NOTIN-TIME"),
            row("time 900", b -> b.attribute("time_on_site", "900"), "T-ATLEAST-TIME", "T-MISSING-PAGE", "T-NOTIN-TIME"),
            row("time 901", b -> b.attribute("time_on_site", "901"), "T-ATLEAST-TIME", "T-MISSING-PAGE", "T-NOTIN-TIME"),
            row("time 96", b -> b.attribute("time_on_site", "96"), "T-MISSING-PAGE", "T-NOTIN-TIME"),
            row("time 1", b -> b.attribute("time_on_site", "1"), "T-MISSING-PAGE"),
            row("score 2.4", b -> b.attribute("score", "2.4"), "T-BELOW-SCORE", "T-MISSING-PAGE"),
            row("score 2.5", b -> b.attribute("score", "2.5"), "T-MISSING-PAGE"),
            row("score 2.6", b -> b.attribute("score", "2.6"), "T-MISSING-PAGE"),
            row("score 3.0", b -> b.attribute("score", "3.0"), "T-EQUALS-SCORE", "T-MISSING-PAGE"),
            row("employees 99", b -> b.company(Company.builder().name("Harbor Robotics Inc.").employeeCount(99).country("US").build()), "T-MISSING-PAGE"),
            row("employees 100", b -> b.company(Company.builder().name("Harbor Robotics Inc.").employeeCount(100).country("US").build()), "T-BETWEEN-EMPLOYEES", "T-MISSING-PAGE"),
            row("employees 101", b -> b.company(Company.builder().name("Harbor Robotics Inc.").employeeCount(101).country("US").build()), "T-BETWEEN-EMPLOYEES", "T-MISSING-PAGE"),
            row("employees 499", b -> b.company(Company.builder().name("Harbor Robotics Inc.").employeeCount(499).country("US").build()), "T-BETWEEN-EMPLOYEES", "T-MISSING-PAGE"),
            row("employees 500", b -> b.company(Company.builder().name("Harbor Robotics Inc.").employeeCount(500).country("US").build()), "T-MISSING-PAGE"),
            row("employees 501", b -> b.company(Company.builder().name("Harbor Robotics Inc.").employeeCount(501).country("US").build()), "T-MISSING-PAGE"),
            row("employees unknown", b -> b.company(Company.builder().name("Harbor Robotics Inc.").country("US").build()), "T-MISSING-PAGE"),
            row("visit 31-12-2025", b -> b.attribute("first_visit", "31-12-2025"), "T-MISSING-PAGE"),
            row("visit 01-01-2026", b -> b.attribute("first_visit", "01-01-2026"), "T-BETWEEN-VISIT", "T-MISSING-PAGE"),
            row("visit 31-01-2026", b -> b.attribute("first_visit", "31-01-2026"), "T-BETWEEN-VISIT", "T-MISSING-PAGE"),
            row("visit 01-02-2026", b -> b.attribute("first_visit", "01-02-2026"), "T-MISSING-PAGE"),
            row("visit 31 days ago", b -> b.attribute("first_visit", "28-10-2026"), "T-MISSING-PAGE"),
            row("visit 30 days ago", b -> b.attribute("first_visit", "29-10-2026"), "T-WITHIN-VISIT", "T-MISSING-PAGE"),
            row("visit 29 days ago", b -> b.attribute("first_visit", "30-10-2026"), "T-WITHIN-VISIT", "T-MISSING-PAGE"),
            row("visit today", b -> b.attribute("first_visit", "28-11-2026"), "T-WITHIN-VISIT", "T-MISSING-PAGE"),
            row("visit tomorrow", b -> b.attribute("first_visit", "29-11-2026"), "T-MISSING-PAGE"),
            row("submitted 7 days and a second ago", b -> b.submittedAt(NOW.minusSeconds(7 * 86_400 + 1)), "T-MISSING-PAGE"),
            row("submitted 7 days ago", b -> b.submittedAt(NOW.minusSeconds(7 * 86_400)), "T-WITHIN-SUBMITTED", "T-MISSING-PAGE"),
            row("submitted now", b -> b.submittedAt(NOW), "T-WITHIN-SUBMITTED", "T-MISSING-PAGE"),
            row("title Marketing Manager", b -> b.jobTitle("Marketing Manager"), "T-CONTAINS-TITLE", "T-MISSING-PAGE"),
            row("title マーケティング部", b -> b.jobTitle("ﾏｰｹﾃｨﾝｸﾞ部 担当"), "T-CONTAINS-TITLE", "T-MISSING-PAGE"),
            row("title Market Analyst", b -> b.jobTitle("Market Analyst"), "T-MISSING-PAGE"),
            row("converted yes", b -> b.attribute("converted", "yes"), "T-EQUALS-CONVERTED", "T-MISSING-PAGE"),
            row("converted no", b -> b.attribute("converted", "no"), "T-MISSING-PAGE"),
            row("document request", b -> b.inquiryType(InquiryType.DOCUMENT_REQUEST), "T-EQUALS-INQUIRY", "T-MISSING-PAGE"),
            row("white paper", b -> b.inquiryType(InquiryType.WHITE_PAPER), "T-MISSING-PAGE"),
            row("Japan", b -> b.company(Company.builder().name("サンプル工業株式会社").employeeCount(50).country("日本").build()), "T-IN-COUNTRY", "T-MISSING-PAGE"),
            row("revenue 999 999 999", b -> b.company(new Company("Harbor Robotics Inc.", null, null, 50, 999_999_999L, "US")), "T-MISSING-PAGE"),
            row("revenue 1 000 000 000", b -> b.company(new Company("Harbor Robotics Inc.", null, null, 50, 1_000_000_000L, "US")), "T-ATLEAST-REVENUE", "T-MISSING-PAGE"),
            row("revenue 1 000 000 001", b -> b.company(new Company("Harbor Robotics Inc.", null, null, 50, 1_000_000_001L, "US")), "T-ATLEAST-REVENUE", "T-MISSING-PAGE"));

    static LeadPolicy policy() {
        return LeadPolicy.load(new StringReader(POLICY), "lead-policy.yaml");
    }

    @Test
    void everyOperatorFiresAtItsLimitAndNotAtTheNearMissBesideItInBatchesAndAloneTwice() {
        LeadPolicy policy = policy();
        LeadQualifier batched = LeadQualifier.builder().policy(policy).clock(CLOCK).build();
        LeadQualifier alone = LeadQualifier.builder().policy(policy).clock(CLOCK).batchSize(1).build();
        List<Lead> leads = new ArrayList<>();
        List<Row> expected = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            for (Row r : TABLE) {
                leads.add(r.lead().apply(base("L-" + copy + "-" + leads.size())).build());
                expected.add(r);
            }
        }
        for (int round = 1; round <= 2; round++) {
            for (LeadQualifier q : List.of(batched, alone)) {
                List<Qualification> results = q.qualifyAll(leads);
                for (int i = 0; i < results.size(); i++) {
                    Qualification result = results.get(i);
                    Set<String> fired = result.reasonIds().stream().filter(id -> id.startsWith("T-"))
                            .collect(Collectors.toCollection(TreeSet::new));
                    assertThat(result.outcome()).as("%s, round %d", expected.get(i).name(), round).isEqualTo(Outcome.QUALIFIED);
                    assertThat(fired).as("signals fired for %s, round %d", expected.get(i).name(), round)
                            .isEqualTo(new TreeSet<>(expected.get(i).fires()));
                }
            }
        }
    }

    @Test
    void everySignalOfTheTableFiresForSomeLeadsAndNotForOthers() {
        Set<String> ids = policy().signals().stream().map(s -> s.id()).collect(Collectors.toSet());
        for (String id : ids) {
            long n = TABLE.stream().filter(r -> r.fires().contains(id)).count();
            assertThat(n).as(id).isBetween(1L, TABLE.size() - 2L);
        }
    }
}
