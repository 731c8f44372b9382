package io.github.leadrules.robustness;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.SalesStatus;
import io.github.leadrules.policy.LeadPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fixtures for the robustness tests: a fixed clock, a host policy and account directory, and a
 * seeded mix of realistic Japanese and English leads that reaches every outcome and most rules.
 */
final class RealisticLeads {

    static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final LeadPolicy POLICY = LeadPolicy.defaults().toBuilder()
            .ownDomains("leadrules-saas.co.jp")
            .competitorDomains("rival-soft.co.jp")
            .targetCountries("JP", "US", "GB").build();

    static final AccountDirectory ACCOUNTS = InMemoryAccountDirectory.builder()
            .add(new Account("A-1", "サンプル工業株式会社", Set.of("sample-kogyo.co.jp"), Relationship.CUSTOMER, "suzuki"))
            .add(new Account("A-2", "株式会社ミライテック", Set.of("miraitech.co.jp"), Relationship.PROSPECT, "tanaka"))
            .add(new Account("A-3", "Globex Corporation", Set.of("globex.example"), Relationship.OPEN_OPPORTUNITY, "smith"))
            .add(new Account("A-4", "Initech Inc.", Set.of("initech.example"), Relationship.COMPETITOR, null))
            .recentLead("hanako.sato@acme.example", NOW.minus(Duration.ofDays(3)))
            .build();

    private static final String[][] COMPANIES = {
            {"サンプル工業株式会社", "sample-kogyo.co.jp", "製造業", "日本"},
            {"株式会社ミライテック", "miraitech.co.jp", "情報通信業", "JP"},
            {"Acme Co., Ltd.", "acme.example", "Retail", "United States"},
            {"Globex Corporation", "globex.example", "Manufacturing", "US"},
            {"Initech Inc.", "initech.example", "Software", "USA"},
            {"㈱さくら精機", "sakura-seiki.co.jp", "ものづくり", "ＪＰ"},
            {"東都物流株式会社", "toto-butsuryu.co.jp", "物流", "Japan"},
            {"Umbrella GmbH", "umbrella.example", "Healthcare", "Germany"},
            {"Vandelay Industries", "vandelay.example", "Construction", "GB"},
            {"青葉大学", "aoba-u.ac.jp", "教育", "日本"},
    };
    private static final String[] LOCALS = {"taro.yamada", "hanako.sato", "ken.suzuki", "alice.smith", "bob.jones",
            "misaki.ito"};
    private static final String[] TITLES = {"情報システム部 部長", "代表取締役社長", "課長", "エンジニア", "Head of IT", "CEO",
            "Marketing Specialist", "学生", "Job seeker", null};
    private static final String[] FREE_MAIL = {"gmail.com", "yahoo.co.jp", "docomo.ne.jp"};

    private RealisticLeads() {
    }

    /** {@code count} leads from the seed; the same seed gives the same leads. */
    static List<Lead> mix(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Lead> leads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leads.add(lead(random, String.format("L-%05d", i)));
        }
        return leads;
    }

    private static Lead lead(SplittableRandom random, String id) {
        String[] company = COMPANIES[random.nextInt(COMPANIES.length)];
        String local = LOCALS[random.nextInt(LOCALS.length)];
        Lead.Builder b = Lead.builder(id).contactName(local.replace('.', ' '));
        int mail = random.nextInt(100);
        if (mail < 60) {
            b.email(local + "@" + company[1]);
        } else if (mail < 75) {
            b.email(local + "@" + FREE_MAIL[random.nextInt(FREE_MAIL.length)]);
        } else if (mail < 80) {
            b.email(local + "@mailinator.com");
        } else if (mail < 84) {
            b.email(local + "@rival-soft.co.jp");
        } else if (mail < 87) {
            b.email("test@example.com").contactName("テスト");
        } else if (mail < 95) {
            b.phone("03-1234-" + (1000 + random.nextInt(9000)));
        } else {
            b.email(local + "@@" + company[1]);
        }
        if (random.nextInt(100) < 85) {
            Integer employees = random.nextInt(100) < 10 ? null : random.nextInt(100) < 10 ? 5 : 20 + random.nextInt(5000);
            b.company(Company.builder().name(company[0]).domain(random.nextBoolean() ? company[1] : null)
                    .industry(company[2]).country(company[3]).employeeCount(employees).build());
        }
        b.jobTitle(TITLES[random.nextInt(TITLES.length)]);
        b.inquiryType(InquiryType.values()[random.nextInt(InquiryType.values().length)]);
        b.purchaseTimeframe(PurchaseTimeframe.values()[random.nextInt(PurchaseTimeframe.values().length)]);
        b.budgetStatus(BudgetStatus.values()[random.nextInt(BudgetStatus.values().length)]);
        b.consent(random.nextInt(100) < 5 ? Consent.OPTED_OUT : Consent.GIVEN);
        Instant submitted = NOW.minus(Duration.ofHours(random.nextInt(24 * 150)));
        b.submittedAt(submitted);
        int events = random.nextInt(8);
        for (int e = 0; e < events; e++) {
            Instant at = submitted.minus(Duration.ofHours(random.nextInt(24 * 40)));
            EngagementType type = EngagementType.values()[random.nextInt(EngagementType.values().length)];
            b.engagement(type == EngagementType.CASE_STUDY_VIEW ? EngagementEvent.caseStudyView(at, company[2], "導入事例")
                    : type == EngagementType.PRICING_PAGE_VISIT ? EngagementEvent.pricingPageVisit(at)
                    : EngagementEvent.of(type, at));
        }
        if (random.nextInt(100) < 12) {
            b.salesStatus(SalesStatus.IN_OPPORTUNITY).lastSalesActivity(NOW.minus(Duration.ofDays(random.nextInt(80))));
        }
        return b.build();
    }
}
