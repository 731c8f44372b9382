package io.github.leadrules.examples;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Company;
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

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The smallest complete host: a policy adjusted from the defaults, an account directory, a fixed
 * clock, fifteen realistic inbound leads, and for each lead the decision with every reason, then
 * the funnel both teams can sign.
 *
 * <p>Run it from the repository root:
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl lead-rules-examples exec:java
 * </pre>
 *
 * <p>The clock is fixed at {@link #NOW} so that SLA deadlines, engagement windows and stalled-deal
 * ages, and therefore the printed output, are the same on every run. The leads carry e-mail
 * addresses (the rules need their domains), but nothing personal is printed: only lead ids and
 * company names.
 */
public final class QuickStart {

    /** "Now" for the example: 28 November 2026, 09:00 in Tokyo. */
    public static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    /** Our own domain: submissions from it are internal. */
    static final String OWN_DOMAIN = "our-saas.co.jp";

    private QuickStart() {
    }

    /** Qualifies {@link #sampleLeads()} at the fixed {@link #NOW} and prints the result. */
    public static void main(String[] args) {
        PrintStream out = consoleOut();
        run(Clock.fixed(NOW, ZoneOffset.UTC), out);
        out.flush();
    }

    /**
     * Builds the {@link #qualifier(Clock) qualifier}, qualifies the {@link #sampleLeads() sample
     * leads} in one batch and {@link #print prints} them under a header naming the time and the
     * rule-set fingerprint.
     */
    public static void run(Clock clock, PrintStream out) {
        LeadQualifier qualifier = qualifier(clock);
        List<Lead> leads = sampleLeads();
        List<Qualification> qualifications = qualifier.qualifyAll(leads);
        out.println("lead-rules quick start: " + leads.size() + " leads qualified at " + clock.instant());
        out.println("rule set " + qualifier.fingerprint() + " (" + qualifier.rules().size() + " rules)");
        out.println();
        print(leads, qualifications, out);
    }

    /**
     * The policy: the shipped defaults (free-mail and disposable lists, decision-maker titles,
     * minimum size 10, enterprise from 1 000 employees, SLAs …), adjusted for a Japanese SaaS
     * vendor that also sells in the US, the UK and Singapore.
     */
    public static LeadPolicy policy() {
        return LeadPolicy.defaults().toBuilder()
                .ownDomains(OWN_DOMAIN)
                .competitorDomains("rivalsoft.co.jp", "competitor-crm.example")
                .targetCountries("JP", "US", "GB", "SG")
                // Teams are matched in order: the first of the destination whose territory and segment fit wins.
                .teams(
                        new Team("field-sales-jp-enterprise", Destination.FIELD_SALES, Set.of("JP"), Segment.ENTERPRISE),
                        new Team("field-sales-jp", Destination.FIELD_SALES, Set.of("JP"), Segment.ANY),
                        new Team("field-sales-global", Destination.FIELD_SALES, Set.of(), Segment.ANY),
                        new Team("inside-sales-jp", Destination.INSIDE_SALES, Set.of("JP"), Segment.ANY),
                        new Team("inside-sales-global", Destination.INSIDE_SALES, Set.of(), Segment.ANY),
                        new Team("account-management", Destination.ACCOUNT_OWNER, Set.of(), Segment.ANY),
                        new Team("marketing-nurture", Destination.NURTURE, Set.of(), Segment.ANY))
                .build();
    }

    /**
     * What the CRM knows: an existing customer with its account owner, a competitor, and a
     * prospect account that already has an owner. Owners are sales-rep ids, not names.
     */
    public static AccountDirectory accounts() {
        return InMemoryAccountDirectory.builder()
                .add(new Account("ACC-0001", "株式会社ミライテック", Set.of("miraitech.co.jp"),
                        Relationship.CUSTOMER, "rep-042"))
                .add(new Account("ACC-0002", "株式会社ライバルソフト", Set.of("rivalsoft.co.jp"),
                        Relationship.COMPETITOR, null))
                .add(new Account("ACC-0003", "Globex Corporation", Set.of("globex.com"),
                        Relationship.PROSPECT, "rep-117"))
                .build();
    }

    /** The qualifier: packaged rules, {@link #policy()}, {@link #accounts()} and the given clock. */
    public static LeadQualifier qualifier(Clock clock) {
        return LeadQualifier.builder()
                .policy(policy())
                .accounts(accounts())
                .clock(clock)
                .build();
    }

    /**
     * Fifteen inbound leads of one week, Japanese and English, each showing one decision path.
     * Dates are relative to {@link #NOW}.
     */
    public static List<Lead> sampleLeads() {
        return List.of(
                // A department head at a large manufacturer wants a demo and will buy within a month.
                Lead.builder("L-1001")
                        .email("t.yamada@sample-kogyo.co.jp")
                        .jobTitle("製造本部 部長")
                        .source("web-form")
                        .inquiryType(InquiryType.DEMO)
                        .purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                        .submittedAt(daysAgo(1))
                        .company(Company.builder().name("サンプル工業株式会社").domain("sample-kogyo.co.jp")
                                .industry("製造業").employeeCount(1200).country("日本").build())
                        .build(),
                // A document request (資料請求) and nothing else: interest, not intent.
                Lead.builder("L-1002")
                        .email("info-request@midori-butsuryu.co.jp")
                        .jobTitle("総務課")
                        .source("web-form")
                        .inquiryType(InquiryType.DOCUMENT_REQUEST)
                        .submittedAt(daysAgo(2))
                        .company(Company.builder().name("株式会社ミドリ物流").industry("物流")
                                .employeeCount(350).country("JP").build())
                        .build(),
                // A free-mail sign-up that names no company.
                Lead.builder("L-1003")
                        .email("cloud.fan.2026@gmail.com")
                        .source("white-paper")
                        .inquiryType(InquiryType.WHITE_PAPER)
                        .submittedAt(daysAgo(1))
                        .build(),
                // A competitor asking for a demo.
                Lead.builder("L-1004")
                        .email("research@rivalsoft.co.jp")
                        .jobTitle("Product Manager")
                        .source("web-form")
                        .inquiryType(InquiryType.DEMO)
                        .submittedAt(daysAgo(3))
                        .company(Company.builder().name("株式会社ライバルソフト").industry("ソフトウェア")
                                .employeeCount(240).country("JP").build())
                        .build(),
                // A student collecting material for a thesis.
                Lead.builder("L-1005")
                        .email("s2311042@st.tokyo-mirai-u.ac.jp")
                        .jobTitle("情報工学科 大学生")
                        .source("web-form")
                        .inquiryType(InquiryType.DOCUMENT_REQUEST)
                        .submittedAt(daysAgo(2))
                        .company(Company.builder().name("東京未来大学").industry("教育").country("JP").build())
                        .build(),
                // Someone trying out the form (テスト送信).
                Lead.builder("L-1006")
                        .email("aaa@example.co.jp")
                        .source("web-form")
                        .inquiryType(InquiryType.CONTACT_SALES)
                        .submittedAt(daysAgo(0))
                        .company(Company.named("テスト"))
                        .build(),
                // An existing customer asks for more licences: not a new lead, but its owner must hear of it.
                Lead.builder("L-1007")
                        .email("it-admin@miraitech.co.jp")
                        .jobTitle("情報システム部 課長")
                        .source("web-form")
                        .inquiryType(InquiryType.CONTACT_SALES)
                        .submittedAt(daysAgo(1))
                        .company(Company.builder().name("株式会社ミライテック").industry("情報通信業")
                                .employeeCount(800).country("JP").build())
                        .build(),
                // A deal sales stopped working in September; the lead came back for a white paper.
                Lead.builder("L-1008")
                        .email("ops@acme-retail.com")
                        .jobTitle("Operations Manager")
                        .source("white-paper")
                        .inquiryType(InquiryType.WHITE_PAPER)
                        .salesStatus(SalesStatus.IN_OPPORTUNITY)
                        .lastSalesActivity(daysAgo(74))
                        .submittedAt(daysAgo(100))
                        .engagement(EngagementEvent.of(EngagementType.CONTENT_VIEW, daysAgo(2)))
                        .company(Company.builder().name("Acme Co., Ltd.").industry("Retail")
                                .employeeCount(450).country("US").build())
                        .build(),
                // A white-paper download, after reading a case study from the lead's own industry.
                Lead.builder("L-1009")
                        .email("engineering@hayate-seiki.co.jp")
                        .jobTitle("生産技術課 主任")
                        .source("white-paper")
                        .inquiryType(InquiryType.WHITE_PAPER)
                        .submittedAt(daysAgo(1))
                        .engagement(EngagementEvent.caseStudyView(daysAgo(3), "製造業", "工場の見える化で不良率を30%削減"))
                        .engagement(EngagementEvent.of(EngagementType.CONTENT_VIEW, daysAgo(1)))
                        .company(Company.builder().name("株式会社ハヤテ精機").industry("Manufacturing")
                                .employeeCount(250).country("Japan").build())
                        .build(),
                // A company in a country we do not sell to.
                Lead.builder("L-1010")
                        .email("einkauf@hansa-maschinenbau.de")
                        .jobTitle("Head of Procurement")
                        .source("web-form")
                        .inquiryType(InquiryType.DEMO)
                        .submittedAt(daysAgo(2))
                        .company(Company.builder().name("Hansa Maschinenbau GmbH").industry("Manufacturing")
                                .employeeCount(900).country("Germany").build())
                        .build(),
                // A four-person café: below the minimum company size.
                Lead.builder("L-1011")
                        .email("hello@kotori-coffee.jp")
                        .jobTitle("代表")
                        .source("web-form")
                        .inquiryType(InquiryType.CONTACT_SALES)
                        .submittedAt(daysAgo(1))
                        .company(Company.builder().name("合同会社ことり珈琲").industry("飲食")
                                .employeeCount(4).country("JP").build())
                        .build(),
                // A seminar attendee from an industry we have no case studies for.
                Lead.builder("L-1012")
                        .email("analyst@initech.co.uk")
                        .jobTitle("Senior Analyst")
                        .source("seminar")
                        .inquiryType(InquiryType.SEMINAR)
                        .submittedAt(daysAgo(8))
                        .engagement(EngagementEvent.of(EngagementType.SEMINAR_ATTENDED, daysAgo(8)))
                        .company(Company.builder().name("Initech Ltd.").industry("Consulting")
                                .employeeCount(600).country("GB").build())
                        .build(),
                // A VP at a known prospect with budget, buying within three months: its account owner takes it.
                Lead.builder("L-1013")
                        .email("vp.ops@globex.com")
                        .jobTitle("VP of Operations")
                        .source("web-form")
                        .inquiryType(InquiryType.QUOTE)
                        .purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS)
                        .budgetStatus(BudgetStatus.SECURED)
                        .submittedAt(daysAgo(0))
                        .company(Company.builder().name("Globex Corporation").industry("Logistics")
                                .employeeCount(5000).country("United States").build())
                        .build(),
                // A demo request from a small company: urgent, but inside sales qualifies it first.
                Lead.builder("L-1014")
                        .email("sales@lioncity-logistics.sg")
                        .jobTitle("Business Development Lead")
                        .source("web-form")
                        .inquiryType(InquiryType.DEMO)
                        .submittedAt(daysAgo(1))
                        .company(Company.builder().name("Lion City Logistics Pte. Ltd.").industry("Logistics")
                                .employeeCount(40).country("Singapore").build())
                        .build(),
                // A mid-sized company asking for contact after three pricing-page visits this week.
                Lead.builder("L-1015")
                        .email("purchasing@minato-denshi.co.jp")
                        .jobTitle("購買部")
                        .source("web-form")
                        .inquiryType(InquiryType.CONTACT_SALES)
                        .submittedAt(daysAgo(0))
                        .engagement(EngagementEvent.pricingPageVisit(daysAgo(6)))
                        .engagement(EngagementEvent.pricingPageVisit(daysAgo(3)))
                        .engagement(EngagementEvent.pricingPageVisit(daysAgo(1)))
                        .company(Company.builder().name("株式会社ミナト電子").industry("製造業")
                                .employeeCount(300).country("JP").build())
                        .build());
    }

    /**
     * Prints one block per lead (id, company as written, outcome, urgency, route, every reason),
     * then the funnel report. {@code qualifications} are those of {@code leads}, in the same order,
     * as {@link LeadQualifier#qualifyAll} returns them. Prints no personal data: only lead ids and
     * company names.
     */
    public static void print(List<Lead> leads, List<Qualification> qualifications, PrintStream out) {
        if (leads.size() != qualifications.size()) {
            throw new IllegalArgumentException("print: " + leads.size() + " leads but "
                    + qualifications.size() + " qualifications");
        }
        for (int i = 0; i < leads.size(); i++) {
            Company company = leads.get(i).company();
            printBlock(qualifications.get(i), company == null ? null : company.name(), out);
            out.println();
        }
        out.println("Funnel");
        out.print(FunnelReport.of(qualifications).toText());
    }

    /** Prints one qualification as a readable block ({@link Qualification#explain()}), under its id and company. */
    static void printBlock(Qualification q, String companyName, PrintStream out) {
        out.println(q.leadId() + "  " + (companyName == null ? "(no company)" : companyName));
        q.explain().lines().forEach(line -> out.println("  " + line));
    }

    private static Instant daysAgo(int days) {
        return NOW.minusSeconds(days * 86_400L + 3_600L);
    }

    /**
     * Standard output in the platform encoding when it can show Japanese company names, else in
     * UTF-8 (a POSIX locale would otherwise print them as question marks).
     */
    public static PrintStream consoleOut() {
        if (Charset.defaultCharset().newEncoder().canEncode("株式会社")) {
            return System.out;
        }
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    }
}
