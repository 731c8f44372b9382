package io.github.leadrules.signals;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import io.github.leadrules.policy.Signal;
import io.github.leadrules.policy.SignalSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The signals sheet: the same signals as rows of a CSV file that the policy file names. A sheet
 * and the same YAML decide every lead of a realistic batch the same way; every problem names the
 * sheet, the line and the column.
 */
class SignalSheetTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String FIELDS = """
            fields:
              time_on_site: integer
              lead_origin: {type: choice, values: [API, Landing Page Submission, Lead Add Form, Lead Import]}
              first_visit: {type: date, format: dd-MM-yyyy}
              converted: flag
            """;

    static final String YAML_SIGNALS = """
            signals:
              - id: ACME-REFERENCE
                name: Raise urgency for leads that came by reference
                when: {field: source, equals: Reference}
                points: 30
                reason: Came by reference
              - id: ACME-LONG-VISIT-DEMO
                when:
                  - {field: inquiryType, in: [demo, quote]}
                  - {field: time_on_site, between: [600, 3600]}
                points: 25
                reason: Asked for a demo or quote and stayed ten minutes
              - id: ACME-RECENT-VISIT
                when: {field: first_visit, withinDays: 14}
                points: 10
                reason: First visit in the last two weeks
              - id: ACME-LATER
                when: {field: purchaseTimeframe, equals: later}
                points: -5
                cap: low
                reason: Buys later than six months
              - id: ACME-STUDENT-TITLE
                stage: exclusion
                when: {field: jobTitle, containsAny: [student, 学生, "intern, summer"]}
                reason: Students are not buyers
              - id: ACME-IMPORTED
                stage: exclusion
                when:
                  - {field: lead_origin, in: [Lead Import]}
                  - {field: converted, missing: true}
                reason: "Imported lists are not leads, unless they converted"
            """;

    static final String SHEET = """
            id,stage,name,field,operator,value,points,cap,reason
            ACME-REFERENCE,urgency,Raise urgency for leads that came by reference,source,equals,Reference,30,,Came by reference
            ACME-LONG-VISIT-DEMO,urgency,,inquiryType,in,demo|quote,25,,Asked for a demo or quote and stayed ten minutes
            ACME-LONG-VISIT-DEMO,,,time_on_site,between,600|3600,,,
            # recency
            ACME-RECENT-VISIT,,,first_visit,withinDays,14,10,,First visit in the last two weeks

            ACME-LATER,urgency,,purchaseTimeframe,equals,later,-5,low,Buys later than six months
            ACME-STUDENT-TITLE,exclusion,,jobTitle,containsAny,"student|学生|intern, summer",,,Students are not buyers
            ACME-IMPORTED,exclusion,,lead_origin,in,Lead Import,,,"Imported lists are not leads, unless they converted"
            ACME-IMPORTED,,,converted,missing,,,,
            """;

    static List<Lead> batch() {
        Random random = new Random(11);
        String[] sources = {"Reference", "reference", "Web", "Trade Show", null, "unknown"};
        String[] titles = {"情報システム部 部長", "Marketing Manager", "大学院生", "Summer Intern, Summer 2026", "CTO", "Engineer", null};
        String[] origins = {"API", "Landing Page Submission", "Lead Add Form", "Lead Import", null};
        InquiryType[] inquiries = {InquiryType.DEMO, InquiryType.QUOTE, InquiryType.WHITE_PAPER, InquiryType.OTHER};
        PurchaseTimeframe[] timeframes = {PurchaseTimeframe.WITHIN_1_MONTH, PurchaseTimeframe.LATER, PurchaseTimeframe.UNKNOWN};
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            boolean japanese = i % 2 == 0;
            Lead.Builder b = Lead.builder("L-" + i)
                    .email(japanese ? "user" + i + "@sample-kogyo.co.jp" : "user" + i + "@harbor-robotics.com")
                    .jobTitle(titles[random.nextInt(titles.length)])
                    .source(sources[random.nextInt(sources.length)])
                    .inquiryType(inquiries[random.nextInt(inquiries.length)])
                    .purchaseTimeframe(timeframes[random.nextInt(timeframes.length)])
                    .company(japanese
                            ? Company.builder().name("サンプル工業株式会社").employeeCount(50 + random.nextInt(2000)).country("日本").build()
                            : Company.builder().name("Harbor Robotics Inc.").employeeCount(5 + random.nextInt(900)).country("US").build());
            String origin = origins[random.nextInt(origins.length)];
            if (origin != null) {
                b.attribute("lead_origin", origin);
            }
            if (random.nextBoolean()) {
                b.attribute("time_on_site", Integer.toString(random.nextInt(5000)));
            }
            if (random.nextBoolean()) {
                b.attribute("first_visit", String.format("%02d-11-2026", 1 + random.nextInt(28)));
            }
            if (random.nextInt(3) == 0) {
                b.attribute("converted", random.nextBoolean() ? "yes" : "no");
            }
            leads.add(b.build());
        }
        return leads;
    }

    /** What a decision is, without the fingerprint. */
    static String decision(Qualification q) {
        return q.leadId() + " " + q.outcome() + " " + q.urgency() + " " + q.route().destination() + " " + q.route().team()
                + " " + q.reasons() + " " + q.exclusions();
    }

    @Test
    void aSheetAndTheSameYamlDecideEveryLeadOfARealisticBatchTheSame(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("signals.csv"), SHEET);
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/lead-policy.yaml"), FIELDS + "signalsSheet: ../signals.csv\n");
        LeadPolicy fromSheet = LeadPolicy.load(dir.resolve("config/lead-policy.yaml"));
        LeadPolicy fromYaml = LeadPolicy.load(new StringReader(FIELDS + YAML_SIGNALS), "lead-policy.yaml");

        assertThat(fromSheet.signals()).isEqualTo(fromYaml.signals());
        List<Lead> leads = batch();
        List<String> sheetDecisions = LeadQualifier.builder().policy(fromSheet).clock(CLOCK).build()
                .qualifyAll(leads).stream().map(SignalSheetTest::decision).toList();
        List<String> yamlDecisions = LeadQualifier.builder().policy(fromYaml).clock(CLOCK).build()
                .qualifyAll(leads).stream().map(SignalSheetTest::decision).toList();

        assertThat(sheetDecisions).isEqualTo(yamlDecisions);
        // The batch is one where the signals matter: each of them decides something.
        for (Signal s : fromYaml.signals()) {
            assertThat(yamlDecisions).as(s.id()).anyMatch(d -> d.contains(s.id()));
        }
    }

    @Test
    void theLibraryReadsASheetOnItsOwn() {
        List<Signal> signals = SignalSheet.read(new StringReader(SHEET), "signals.csv",
                Map.of("time_on_site", FieldType.integer(), "first_visit", FieldType.date("dd-MM-yyyy"),
                        "lead_origin", FieldType.choice("API", "Lead Import"), "converted", FieldType.flag()));

        assertThat(signals).extracting(Signal::id).containsExactly("ACME-REFERENCE", "ACME-LONG-VISIT-DEMO",
                "ACME-RECENT-VISIT", "ACME-LATER", "ACME-STUDENT-TITLE", "ACME-IMPORTED");
        assertThat(signals.get(1).conditions()).hasSize(2);
        assertThat(signals.get(4).conditions().get(0).values()).containsExactly("student", "学生", "intern, summer");
    }

    private static List<String> problems(String sheet) {
        try {
            SignalSheet.read(new StringReader(sheet), "signals.csv", Map.of("time_on_site", FieldType.integer()));
        } catch (PolicyFileException e) {
            return e.problems().stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + " " + p.key() + ": " + p.message()).toList();
        }
        return fail("expected the sheet to be refused");
    }

    @Test
    void everyProblemNamesTheSheetTheLineAndTheColumn() {
        assertThat(problems("""
                id,field,operator,value,points,reason
                ACME-VISIT,time_on_sight,atLeast,900,20,Stayed
                ACME-TYPO,source,atleest,Web,5,Typo
                ACME-TEXT,source,atLeast,5,5,Order
                ACME-TWO,source,equals,Web,5,First
                ACME-TWO,jobTitle,present,,6,Second
                ,source,equals,Web,5,No id
                ACME-BAD-POINTS,source,equals,Web,five,Points
                """)).containsExactly(
                "signals.csv:2:12 field: ACME-VISIT: unknown field 'time_on_sight' (did you mean time_on_site?) (declare it in"
                        + " fields:, or use a standard field: source, jobTitle, email, phone, contactName, company.name,"
                        + " company.domain, company.industry, company.country, company.employeeCount, company.annualRevenue,"
                        + " submittedAt, lastSalesActivity, inquiryType, purchaseTimeframe, budgetStatus, consent)",
                "signals.csv:3:18 operator: ACME-TYPO: unknown operator 'atleest' (did you mean atLeast?) (one of equals, in,"
                        + " notIn, atLeast, below, between, containsAny, missing, present, withinDays)",
                "signals.csv:4:26 value: ACME-TEXT: atLeast does not fit source, a text field (atLeast takes number, integer"
                        + " and date fields)",
                "signals.csv:6:28 points: ACME-TWO: differs from line 5 of the same signal (write it once, on the signal's first row)",
                "signals.csv:6:30 reason: ACME-TWO: differs from line 5 of the same signal (write it once, on the signal's first row)",
                "signals.csv:7:1 id: every row needs the id of its signal",
                "signals.csv:8:35 points: expected a whole number, got 'five'");
    }

    @Test
    void aSheetWithoutTheRequiredColumnsOrWithAnOpenQuoteIsRefusedAsAWhole() {
        assertThat(problems("id,feild,operator\nACME-X,source,present\n")).containsExactly(
                "signals.csv:1:1 null: the header has no field column (the columns are id, stage, name, field, operator, value,"
                        + " points, cap, reason)",
                "signals.csv:1:4 null: unknown column 'feild' (the columns are id, stage, name, field, operator, value, points,"
                        + " cap, reason) (did you mean field?)");
        assertThat(problems("id,field,operator,value\nACME-X,source,equals,\"Web\n")).containsExactly(
                "signals.csv:2:22 null: a quoted cell is never closed (a \" without its closing \")");
    }

    @Test
    void aSheetThePolicyNamesIsCheckedAgainstThePolicysFieldsWithTheSheetsLines(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("signals.csv"), "id,field,operator,value,points\nACME-VISIT,time_on_site,atLeast,900,20\n");
        Files.writeString(dir.resolve("lead-policy.yaml"), "signalsSheet: signals.csv\nsignals:\n"
                + "  - {id: ACME-VISIT, when: {field: source, present: true}, points: 1}\n");

        try {
            LeadPolicy.load(dir.resolve("lead-policy.yaml"));
            fail("expected the policy to be refused");
        } catch (PolicyFileException e) {
            assertThat(e.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                    dir.resolve("signals.csv") + ":2:12 field: ACME-VISIT: unknown field 'time_on_site' (declare it in fields:,"
                            + " or use a standard field: source, jobTitle, email, phone, contactName, company.name, company.domain,"
                            + " company.industry, company.country, company.employeeCount, company.annualRevenue, submittedAt,"
                            + " lastSalesActivity, inquiryType, purchaseTimeframe, budgetStatus, consent)",
                    dir.resolve("lead-policy.yaml") + ":3:10 signals[0].id: duplicate signal id ACME-VISIT (also at "
                            + dir.resolve("signals.csv") + ":2)");
        }
    }
}
