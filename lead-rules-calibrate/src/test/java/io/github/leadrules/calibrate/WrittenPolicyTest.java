package io.github.leadrules.calibrate;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.calibrate.internal.Engine;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The written file is an ordinary policy file: it loads, and the qualifier decides with it as calibrate scored. */
class WrittenPolicyTest {

    /**
     * Leads with standard fields the packaged urgency rules read (inquiry type: demo adds 50 points,
     * a white paper caps at LOW), industries spelt two ways, sizes, and attributes.
     */
    static List<HistoricalLead> mixed(int count, long seed) {
        Random r = new Random(seed);
        String[] sources = {"Reference", "Web", "Web", "Ads", "Trade Show"};
        String[] industries = {"製造業", "Manufacturing", "Retail", "小売", "Finance"};
        InquiryType[] inquiries = {InquiryType.DEMO, InquiryType.WHITE_PAPER, null, null};
        List<HistoricalLead> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String source = sources[r.nextInt(sources.length)];
            String industry = industries[r.nextInt(industries.length)];
            InquiryType inquiry = inquiries[r.nextInt(inquiries.length)];
            int employees = 10 + r.nextInt(3000);
            int time = r.nextInt(1800);
            boolean blankTime = r.nextDouble() < 0.1;
            double p = 0.1 + (source.equals("Reference") ? 0.3 : 0) + (industry.startsWith("製") || industry.startsWith("M") ? 0.15 : 0)
                    + (inquiry == InquiryType.DEMO ? 0.2 : 0) + (blankTime ? -0.05 : time / 9000.0) + (employees > 1000 ? 0.1 : 0);
            Lead lead = Lead.builder("M-" + i).email("buyer" + i + "@corp" + (i % 11) + ".co.jp").source(source).inquiryType(inquiry)
                    .company(Company.builder().name("みなと電機株式会社 " + i).industry(industry).employeeCount(employees).build())
                    .attribute("time_on_site", blankTime ? "" : Integer.toString(time))
                    .attribute("origin", r.nextBoolean() ? "Lead Add Form" : "API")
                    .build();
            out.add(new HistoricalLead(lead, r.nextDouble() < p));
        }
        return out;
    }

    @Test
    void theWrittenFileLoadsAndTheQualifierGivesEveryLeadTheLevelAndSignalsCalibrateScored() throws Exception {
        List<HistoricalLead> leads = mixed(2000, 4);
        LeadQualifier base = Fixtures.qualifier();
        Calibration c = Calibrator.builder().qualifier(base).seed(3).build().calibrate(leads);
        assertThat(c.signals()).extracting(s -> s.condition().field())
                .contains("source", "company.industry", "company.employeeCount", "time_on_site");

        LeadPolicy learned = LeadPolicy.load(new StringReader(c.policyYaml(null)), "learned.yaml");
        LeadQualifier qualifier = LeadQualifier.builder().policy(learned).clock(Fixtures.CLOCK).build();
        List<Lead> all = leads.stream().map(HistoricalLead::lead).toList();
        List<Qualification> decided = qualifier.qualifyAll(all);
        List<Engine.Applied> scored = Engine.apply(c, all, base);

        int compared = 0;
        for (int i = 0; i < all.size(); i++) {
            Qualification q = decided.get(i);
            Engine.Applied a = scored.get(i);
            assertThat(q.outcome() == Outcome.QUALIFIED).as(q.leadId()).isEqualTo(a.qualified());
            if (!a.qualified()) {
                continue;
            }
            Set<String> fired = new TreeSet<>(q.urgency().signals());
            fired.removeIf(id -> !id.startsWith("CAL-"));
            assertThat(fired).as("signals of %s", q.leadId()).isEqualTo(a.signals());
            assertThat(q.urgency().level()).as("level of %s", q.leadId()).isEqualTo(a.level());
            compared++;
        }
        assertThat(compared).isGreaterThan(1900);
        // a decision's reason reads as the condition and its evidence, without repeating the signal's id
        assertThat(decided).flatExtracting(Qualification::reasons).filteredOn(r -> r.ruleId().startsWith("CAL-"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.message()).doesNotContain(r.ruleId()).doesNotStartWith("Calibrated")
                        .matches(".+ \\(calibrated: conversion [0-9.]+ %, lift [0-9.]+\\)"));
        assertThat(decided).extracting(q -> q.urgency().level()).contains(UrgencyLevel.IMMEDIATE, UrgencyLevel.HIGH,
                UrgencyLevel.MEDIUM, UrgencyLevel.LOW);
    }

    @Test
    void aFileWithHostileValuesLoadsAsAPolicy() {
        List<String> hostile = List.of("He said \"buy\"", "#1 partner", "key: value", "- dash first", "*star", "&anchor",
                "{brace}, [list]", "back\\slash", "'single'", "% percent", "!tag", "? question", "| pipe");
        List<HistoricalLead> leads = new ArrayList<>();
        Random r = new Random(2);
        for (int v = 0; v < hostile.size(); v++) {
            for (int i = 0; i < 60; i++) {
                leads.add(new HistoricalLead(Fixtures.lead(v * 60 + i, java.util.Map.of("weird: \"name\" # x", hostile.get(v))),
                        r.nextDouble() < (v % 2 == 0 ? 0.6 : 0.05)));
            }
        }
        Calibration c = Calibrator.builder().qualifier(Fixtures.qualifier()).build().calibrate(leads);

        LeadPolicy learned = LeadPolicy.load(new StringReader(c.policyYaml("minimumEmployees: 5\n")), "learned.yaml");

        assertThat(learned.fields()).containsOnlyKeys("weird: \"name\" # x");
        assertThat(learned.getMinimumEmployees()).isEqualTo(5);
        assertThat(learned.urgency().immediateScore()).isEqualTo(c.thresholds().immediate());
    }
}
