package io.github.leadrules;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.SalesStatus;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.policy.Team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared test fixtures: a fixed clock, a host policy and account directory as a Japanese B2B SaaS
 * vendor would set them up, realistic Japanese and English leads, and one qualifier built from
 * them (compiled once per test JVM, since compiling the rules is the slow part).
 *
 * <p>The host in these fixtures sells in Japan, the United States and the United Kingdom; its own
 * domain is {@code leadrules-saas.co.jp}; {@code kyogo-soft.co.jp} and {@code rival.example} are
 * competitors; 株式会社ミライテック and 株式会社サンプル商事 are customers.
 */
public final class Fixtures {

    /** "Now" for every test: Saturday 28 November 2026, 09:00 in Tokyo. */
    public static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    /** The fixed clock every qualifier in the tests uses. */
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Field sales: a US team, an enterprise team, a Japanese SMB team and a catch-all, in that order. */
    public static final List<Team> TEAMS = List.of(
            new Team("field-sales-us", Destination.FIELD_SALES, Set.of("US"), Segment.ANY),
            new Team("field-sales-enterprise", Destination.FIELD_SALES, Set.of(), Segment.ENTERPRISE),
            new Team("field-sales-jp", Destination.FIELD_SALES, Set.of("JP"), Segment.SMB),
            new Team("field-sales", Destination.FIELD_SALES, Set.of(), Segment.ANY),
            new Team("inside-sales", Destination.INSIDE_SALES, Set.of(), Segment.ANY),
            new Team("account-management", Destination.ACCOUNT_OWNER, Set.of(), Segment.ANY),
            new Team("marketing-nurture", Destination.NURTURE, Set.of(), Segment.ANY));

    /** The host's policy: the defaults with its own domain, competitors, territory and teams. */
    public static final LeadPolicy POLICY = LeadPolicy.defaults().toBuilder()
            .ownDomains(List.of("leadrules-saas.co.jp"))
            .competitorDomains(List.of("kyogo-soft.co.jp", "rival.example"))
            .targetCountries(List.of("JP", "US", "GB"))
            .teams(TEAMS)
            .build();

    /** When a lead from Umbrella Corporation's Emily Clark last came in. */
    public static final Instant UMBRELLA_PREVIOUS_LEAD = Instant.parse("2026-11-20T03:00:00Z");

    /** Customers, a competitor and two prospects with owners, plus one recent lead. */
    public static final AccountDirectory ACCOUNTS = InMemoryAccountDirectory.builder()
            .add(new Account("A-1001", "株式会社ミライテック", Set.of("mirai-tech.co.jp"), Relationship.CUSTOMER, "rep-suzuki"))
            .add(new Account("A-1002", "株式会社サンプル商事", Set.of("sample-shoji.co.jp"), Relationship.CUSTOMER, "rep-kato"))
            .add(new Account("A-2001", "Globex Corporation", Set.of("globex.example"), Relationship.COMPETITOR, null))
            .add(new Account("A-3001", "Sony Corporation", Set.of(), Relationship.PROSPECT, "rep-tanaka"))
            .add(new Account("A-3002", "Initech, Inc.", Set.of("initech.example"), Relationship.OPEN_OPPORTUNITY, "rep-johnson"))
            .recentLead("e.clark@umbrella.example", UMBRELLA_PREVIOUS_LEAD)
            .build();

    private Fixtures() {
    }

    /** The qualifier of these fixtures (policy, accounts, clock, packaged rules), built once. */
    public static LeadQualifier qualifier() {
        return Shared.QUALIFIER;
    }

    /** A builder preset with the fixtures' policy, accounts and clock. */
    public static LeadQualifier.Builder builder() {
        return LeadQualifier.builder().policy(POLICY).accounts(ACCOUNTS).clock(CLOCK);
    }

    private static final class Shared {
        static final LeadQualifier QUALIFIER = builder().build();
    }

    public static Instant minutesAgo(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    public static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    // ------------------------------------------------------------------ companies

    /** サンプル工業株式会社: a 1 200-employee Japanese manufacturer (enterprise). */
    public static Company sampleKogyo() {
        return Company.builder().name("サンプル工業株式会社").domain("sample-kogyo.co.jp").industry("製造業")
                .employeeCount(1200).annualRevenue(48_000_000_000L).country("日本").build();
    }

    /** 株式会社ひかり物流: a 250-employee Japanese logistics company. */
    public static Company hikariLogistics() {
        return Company.builder().name("株式会社ひかり物流").domain("hikari-logi.co.jp").industry("運輸業")
                .employeeCount(250).country("日本").build();
    }

    /** Acme Co., Ltd.: a 450-employee US manufacturer. */
    public static Company acme() {
        return Company.builder().name("Acme Co., Ltd.").domain("acme-mfg.example").industry("Manufacturing")
                .employeeCount(450).country("USA").build();
    }

    /** 株式会社ミライテック: an IT company that is already a customer. */
    public static Company miraiTech() {
        return Company.builder().name("株式会社ミライテック").domain("mirai-tech.co.jp").industry("情報通信業")
                .employeeCount(600).country("日本").build();
    }

    /** さくらリテール株式会社: a 350-employee Japanese retailer. */
    public static Company sakuraRetail() {
        return Company.builder().name("さくらリテール株式会社").industry("小売業").employeeCount(350).country("JP").build();
    }

    // ------------------------------------------------------------------ leads

    /** A 部長 at サンプル工業 asking for a demo, buying within a month. */
    public static Lead manufacturerDemo(String id) {
        return Lead.builder(id)
                .contactName("山田 太郎").email("taro.yamada@sample-kogyo.co.jp").phone("03-1234-5678")
                .jobTitle("生産技術部 部長").source("web-form")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                .consent(Consent.GIVEN).submittedAt(minutesAgo(10))
                .company(sampleKogyo())
                .build();
    }

    /** A 主任 at ひかり物流 requesting documents, nothing else. */
    public static Lead documentRequestAlone(String id) {
        return Lead.builder(id)
                .contactName("鈴木 一郎").email("ichiro.suzuki@hikari-logi.co.jp")
                .jobTitle("物流管理課 主任").source("web-form")
                .inquiryType(InquiryType.DOCUMENT_REQUEST).submittedAt(minutesAgo(30))
                .company(hikariLogistics())
                .build();
    }

    /** A VP at Acme requesting documents after reading a manufacturing case study. */
    public static Lead documentRequestWithCaseStudy(String id) {
        return Lead.builder(id)
                .contactName("Jordan Miller").email("j.miller@acme-mfg.example").phone("+1 312 555 0142")
                .jobTitle("VP of Operations").source("web-form")
                .inquiryType(InquiryType.DOCUMENT_REQUEST).submittedAt(minutesAgo(5))
                .engagement(EngagementEvent.caseStudyView(daysAgo(5), "製造業", "サンプル工業: lead time cut by 30%"))
                .company(acme())
                .build();
    }

    /** A 課長 at the customer ミライテック asking to be contacted by sales. */
    public static Lead existingCustomer(String id) {
        return Lead.builder(id)
                .contactName("伊藤 健").email("ken.ito@mirai-tech.co.jp")
                .jobTitle("情報システム部 課長").source("web-form")
                .inquiryType(InquiryType.CONTACT_SALES).submittedAt(minutesAgo(45))
                .company(miraiTech())
                .build();
    }

    /** A free-mail sign-up that names no company. */
    public static Lead freeMailNoCompany(String id) {
        return Lead.builder(id)
                .contactName("佐藤 花子").email("hanako.sato1990@gmail.com").source("newsletter")
                .submittedAt(minutesAgo(60))
                .build();
    }

    /** A 学生 downloading a white paper. */
    public static Lead student(String id) {
        return Lead.builder(id)
                .contactName("小林 美咲").email("m.kobayashi@g.tohto-u.ac.jp")
                .jobTitle("工学部 学生").source("web-form")
                .inquiryType(InquiryType.WHITE_PAPER).submittedAt(minutesAgo(15))
                .company(Company.builder().name("東都大学").industry("教育").country("日本").build())
                .build();
    }

    /** A sales rep at さくらリテール downloading a white paper. */
    public static Lead whitePaper(String id) {
        return Lead.builder(id)
                .contactName("高橋 さくら").email("s.takahashi@sakura-retail.co.jp")
                .jobTitle("販売促進部").source("white-paper")
                .inquiryType(InquiryType.WHITE_PAPER).submittedAt(minutesAgo(20))
                .company(sakuraRetail())
                .build();
    }

    /** A lead from a competitor (by policy domain). */
    public static Lead competitor(String id) {
        return Lead.builder(id)
                .contactName("中村 誠").email("makoto.nakamura@kyogo-soft.co.jp")
                .jobTitle("プロダクトマーケティング").source("web-form")
                .inquiryType(InquiryType.DEMO).submittedAt(minutesAgo(25))
                .company(Company.builder().name("競合ソフト株式会社").industry("情報通信業").employeeCount(300)
                        .country("日本").build())
                .build();
    }

    /**
     * About 200 varied, valid and invalid, Japanese and English leads with unique ids, the same for
     * the same seed: every exclusion, every urgency level and every destination occurs.
     */
    public static List<Lead> crowd(int size, long seed) {
        Random random = new Random(seed);
        List<Lead> leads = new ArrayList<>(size);
        String[][] companies = {
                // name, email domain, industry, employees, country
                {"サンプル工業株式会社", "sample-kogyo.co.jp", "製造業", "1200", "日本"},
                {"株式会社ひかり物流", "hikari-logi.co.jp", "運輸業", "250", "Japan"},
                {"Acme Co., Ltd.", "acme-mfg.example", "Manufacturing", "450", "USA"},
                {"株式会社ミライテック", "mirai-tech.co.jp", "情報通信業", "600", "JP"},
                {"さくらリテール株式会社", "sakura-retail.co.jp", "小売業", "350", "JPN"},
                {"Globex Corporation", "globex.example", "Software", "5000", "United States"},
                {"Initech, Inc.", "initech.example", "Finance", "900", "US"},
                {"Northwind Traders Ltd.", "northwind.example", "Retail", "600", "United Kingdom"},
                {"有限会社タナカ電機", "tanaka-denki.jp", "製造", "5", "日本"},
                {"Müller Maschinenbau GmbH", "mueller-maschinenbau.example", "Manufacturing", "800", "Deutschland"},
                {"株式会社ひまわり銀行", "himawari-bank.co.jp", "金融", "3000", "日本"},
                {"ｻﾝﾌﾟﾙ商事(株)", "sample-shoji-group.co.jp", "卸売業", "150", "日本"},
                {"Ｓｏｎｙ Corporation", "sony.example", "Electronics", "", "ＪＰ"},
                {"合同会社ソラ企画", "sora-kikaku.jp", "広告", "40", "日本"},
                {"Umbrella Corporation", "umbrella.example", "Healthcare", "2000", "US"},
                {"競合ソフト株式会社", "kyogo-soft.co.jp", "ソフトウェア", "300", "日本"},
        };
        String[] names = {"taro.yamada", "hanako.sato", "ichiro.suzuki", "j.miller", "ken.ito", "e.clark",
                "m.kobayashi", "s.takahashi", "d.chen", "a.watanabe", "k.tanaka", "r.jones"};
        String[] titles = {"部長", "営業部長", "課長", "主任", "代表取締役", "VP of Sales", "Head of IT", "MVP Engineer",
                "Director of Finance", "Operations Manager", "学生", "Intern", null};
        InquiryType[] inquiries = InquiryType.values();
        PurchaseTimeframe[] timeframes = PurchaseTimeframe.values();
        BudgetStatus[] budgets = BudgetStatus.values();
        for (int i = 0; i < size; i++) {
            String id = String.format("CROWD-%04d", i);
            String[] c = companies[random.nextInt(companies.length)];
            String local = names[random.nextInt(names.length)] + (i % 7 == 0 ? "" : String.valueOf(i));
            Lead.Builder b = Lead.builder(id)
                    .contactName("Contact " + i)
                    .jobTitle(titles[random.nextInt(titles.length)])
                    .source(random.nextBoolean() ? "web-form" : "trade-show")
                    .inquiryType(inquiries[random.nextInt(inquiries.length)])
                    .purchaseTimeframe(timeframes[random.nextInt(timeframes.length)])
                    .budgetStatus(budgets[random.nextInt(budgets.length)])
                    .consent(i % 23 == 0 ? Consent.OPTED_OUT : Consent.GIVEN)
                    .submittedAt(i % 17 == 0 ? daysAgo(150) : minutesAgo(random.nextInt(600)));
            switch (i % 11) {
                case 0 -> b.email(local + "@gmail.com");                              // free mail, no company
                case 1 -> b.email(local + "@leadrules-saas.co.jp").company(company(c)); // our own people
                case 2 -> b.email(local + "@mailinator.com").company(company(c));       // disposable
                default -> b.email(local + "@" + c[1]).company(company(c));
            }
            if (i % 13 == 0) {
                b.salesStatus(SalesStatus.IN_OPPORTUNITY).lastSalesActivity(daysAgo(40 + random.nextInt(30)));
            }
            int events = random.nextInt(8);
            for (int e = 0; e < events; e++) {
                Instant at = daysAgo(random.nextInt(i % 17 == 0 ? 200 : 20));
                switch (random.nextInt(4)) {
                    case 0 -> b.engagement(EngagementEvent.pricingPageVisit(at));
                    case 1 -> b.engagement(EngagementEvent.caseStudyView(at, c[2], "case study"));
                    case 2 -> b.engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, at));
                    default -> b.engagement(EngagementEvent.of(EngagementType.SEMINAR_ATTENDED, at));
                }
            }
            if (i % 29 == 0) {
                b.email("not an e-mail address");                                     // INVALID
            }
            if (i % 31 == 0) {
                b.company(Company.builder().name("Atlantis Trading").country("Atlantis").build()); // INVALID
            }
            leads.add(b.build());
        }
        return leads;
    }

    private static Company company(String[] c) {
        return Company.builder().name(c[0]).domain(c[1]).industry(c[2])
                .employeeCount(c[3].isEmpty() ? null : Integer.valueOf(c[3])).country(c[4]).build();
    }

    // ------------------------------------------------------------------ assertions

    /** The lead's personal data (e-mail, its local part, name, phone) appears nowhere in the qualification. */
    public static void assertNoPersonalData(Lead lead, Qualification q) {
        String text = q.toString();
        for (String personal : personalData(lead)) {
            assertThat(text).as("qualification of %s leaks personal data", q.leadId()).doesNotContain(personal);
        }
    }

    /** The personal values of a lead worth searching for in output. */
    public static List<String> personalData(Lead lead) {
        List<String> out = new ArrayList<>();
        if (lead == null) {
            return out;
        }
        addIfPresent(out, lead.email());
        addIfPresent(out, lead.contactName());
        addIfPresent(out, lead.phone());
        if (lead.email() != null && lead.email().indexOf('@') >= 6) {
            // Short local parts such as "test" are ordinary words that messages may use.
            out.add(lead.email().substring(0, lead.email().indexOf('@')).toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    private static void addIfPresent(List<String> out, String value) {
        if (value != null && value.strip().length() >= 3) {
            out.add(value.strip());
        }
    }
}
