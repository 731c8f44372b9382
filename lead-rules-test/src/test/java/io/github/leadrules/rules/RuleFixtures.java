package io.github.leadrules.rules;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.Lead;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.test.RuleVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The world the packaged-rule tests run in: a fixed clock, the policy of a Japanese CRM vendor
 * (クラウドリード株式会社) selling in Japan and the US, and its account directory. Rule bases are
 * compiled once per JVM and shared by every test class.
 */
final class RuleFixtures {

    static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String OWN_DOMAIN = "cloudlead.co.jp";
    static final String COMPETITOR_DOMAIN = "rival-crm.co.jp";

    /** Targets Japan and the US and the industries it has customers in; real estate and government are out. */
    static final LeadPolicy POLICY = LeadPolicy.defaults().toBuilder()
            .ownDomains(OWN_DOMAIN)
            .competitorDomains(COMPETITOR_DOMAIN, "salesrival.example")
            .targetCountries("JP", "US")
            .targetIndustries("manufacturing", "information technology", "retail", "finance",
                    "logistics", "healthcare", "construction", "education").build();

    /**
     * The customer サンプル工業, the competitor Initech, the prospects ミライテック (owned) and Acme
     * (unowned); and earlier leads from Globex people: 10 and 45 days ago, and 29, 30 and 31 days
     * ago for the limits of the 30-day duplicate window.
     */
    static final AccountDirectory ACCOUNTS = InMemoryAccountDirectory.builder()
            .add(new Account("A-100", "サンプル工業株式会社", Set.of("sample-kogyo.co.jp"), Relationship.CUSTOMER, "suzuki"))
            .add(new Account("A-200", "Initech Corporation", Set.of("initech.example"), Relationship.COMPETITOR, null))
            .add(new Account("A-300", "株式会社ミライテック", Set.of("miraitech.co.jp"), Relationship.PROSPECT, "tanaka"))
            .add(new Account("A-400", "Acme Co., Ltd.", Set.of("acme.example"), Relationship.PROSPECT, null))
            .recentLead("k.sato@globex.example", daysAgo(10))
            .recentLead("m.ito@globex.example", daysAgo(45))
            .recentLead("a.kimura@globex.example", daysAgo(29))
            .recentLead("y.hayashi@globex.example", daysAgo(30))
            .recentLead("s.mori@globex.example", daysAgo(31))
            .build();

    private RuleFixtures() {
    }

    /** The packaged rules with {@link #POLICY}, {@link #ACCOUNTS} and the fixed clock; leads share sessions. */
    static RuleVerifier batched() {
        return Verifiers.BATCHED;
    }

    /** The same rule set, one lead per rule session. */
    static RuleVerifier oneLeadPerSession() {
        return Verifiers.ONE_BY_ONE;
    }

    private static final class Verifiers {
        static final RuleVerifier BATCHED = RuleVerifier.of(builder().build());
        static final RuleVerifier ONE_BY_ONE = RuleVerifier.of(builder().batchSize(1).build());

        private static LeadQualifier.Builder builder() {
            return LeadQualifier.builder().policy(POLICY).accounts(ACCOUNTS).clock(CLOCK);
        }
    }

    static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** 大和精機株式会社: a 350-person manufacturer in Japan, no relationship with us yet. */
    static Company yamatoSeiki() {
        return Company.builder().name("大和精機株式会社").domain("yamato-seiki.co.jp").industry("製造業")
                .employeeCount(350).country("日本").build();
    }

    /** Northwind Traders Inc.: a 600-person US retailer, no relationship with us yet. */
    static Company northwind() {
        return Company.builder().name("Northwind Traders Inc.").domain("northwind.example").industry("Retail")
                .employeeCount(600).country("United States").build();
    }

    /**
     * A section chief at 大和精機 who filled in the contact form yesterday and asked for nothing in
     * particular: reachable, consenting, no exclusion and no urgency signal.
     */
    static Lead.Builder japaneseProspect(String id) {
        return Lead.builder(id)
                .contactName("山田 太郎")
                .email("taro.yamada@yamato-seiki.co.jp")
                .phone("03-1234-5678")
                .jobTitle("生産管理部 主任")
                .source("web-form")
                .consent(Consent.GIVEN)
                .submittedAt(daysAgo(1))
                .company(yamatoSeiki());
    }

    /** The same kind of lead at Northwind Traders, in English. */
    static Lead.Builder englishProspect(String id) {
        return Lead.builder(id)
                .contactName("Jane Miller")
                .email("jane.miller@northwind.example")
                .phone("+1 206-555-0142")
                .jobTitle("Operations Analyst")
                .source("web-form")
                .consent(Consent.GIVEN)
                .submittedAt(daysAgo(1))
                .company(northwind());
    }

    /**
     * One expectation of a batch test: this lead, and exactly the rules of the stage under test
     * that must fire for it.
     */
    record Expectation(Lead lead, Set<String> fires) {
        Expectation {
            fires = Set.copyOf(fires);
        }
    }

    static Expectation expect(Lead lead, String... fires) {
        return new Expectation(lead, Set.of(fires));
    }

    /**
     * At least {@code total} leads: every expectation, then copies that differ only in id and
     * source channel (web form, trade show, partner), which no packaged rule reads.
     */
    static List<Expectation> varied(List<Expectation> expectations, int total) {
        List<String> sources = List.of("web-form", "展示会 2026", "partner-referral", "webinar-form");
        List<Expectation> out = new ArrayList<>(expectations);
        for (int copy = 1; out.size() < total; copy++) {
            for (Expectation e : expectations) {
                Lead lead = copyOf(e.lead(), e.lead().id() + "#" + copy).source(sources.get(copy % sources.size())).build();
                out.add(new Expectation(lead, e.fires()));
            }
        }
        return List.copyOf(out);
    }

    /** The lead with a different id and every other value kept. */
    static Lead.Builder copyOf(Lead lead, String id) {
        Lead.Builder b = Lead.builder(id)
                .contactName(lead.contactName()).email(lead.email()).phone(lead.phone()).jobTitle(lead.jobTitle())
                .source(lead.source()).inquiryType(lead.inquiryType()).purchaseTimeframe(lead.purchaseTimeframe())
                .budgetStatus(lead.budgetStatus()).consent(lead.consent()).engagement(lead.engagement())
                .salesStatus(lead.salesStatus()).lastSalesActivity(lead.lastSalesActivity())
                .submittedAt(lead.submittedAt()).company(lead.company());
        lead.attributes().forEach(b::attribute);
        return b;
    }

    /** The leads of the expectations, in order. */
    static List<Lead> leads(List<Expectation> expectations) {
        return expectations.stream().map(Expectation::lead).toList();
    }

    /** The leads for which this rule must fire. */
    static List<Lead> leadsFiring(List<Expectation> expectations, String ruleId) {
        return expectations.stream().filter(e -> e.fires().contains(ruleId)).map(Expectation::lead).toList();
    }

    /** How many leads each rule of the stage must fire for; every rule needs some, or its batch check proves nothing. */
    static Map<String, Long> firingCounts(List<Expectation> expectations, Set<String> ruleIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String id : ruleIds) {
            counts.put(id, expectations.stream().filter(e -> e.fires().contains(id)).count());
        }
        return counts;
    }
}
