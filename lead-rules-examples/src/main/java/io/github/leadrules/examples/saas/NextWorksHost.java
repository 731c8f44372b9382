package io.github.leadrules.examples.saas;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.PackagedRules;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.examples.QuickStart;
import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.SalesStatus;
import io.github.leadrules.policy.LeadPolicy;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A host to copy: 株式会社ネクストワークス sells the time-and-attendance service 「クラウド勤怠」 to
 * Japanese companies and to their plants in Thailand and Vietnam, and runs its inbound leads
 * through lead-rules with its own policy file, three rules of its own, one packaged rule disabled
 * and round robin for inside sales. Everything comes from the classpath:
 *
 * <ul>
 *   <li>{@value #POLICY_RESOURCE}: competitors, territories, target industries, minimum size,
 *       teams and reps, SLAs, nurture tracks;</li>
 *   <li>{@link #RULE_RESOURCES}: exclude sanctioned countries ({@code NW-EXC-SANCTIONED-COUNTRY}),
 *       raise urgency for booth scans at 人事労務DX EXPO 2026 秋 ({@code NW-URG-TRADE-SHOW}) and for
 *       partner referrals ({@code NW-URG-PARTNER-REFERRAL});</li>
 *   <li>{@link #DISABLED_RULE} off: the site's tracking tag counts every page view twice;</li>
 *   <li>{@link InsideSalesRoundRobin}: the account owner first, then inside sales in turn.</li>
 * </ul>
 *
 * <p>Run it from the repository root:
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl lead-rules-examples exec:java -Dexec.mainClass=io.github.leadrules.examples.saas.NextWorksHost
 * </pre>
 *
 * <p>The clock is fixed at {@link QuickStart#NOW} (28 November 2026, 09:00 in Tokyo), so the output
 * is the same on every run. Nothing personal is printed: lead ids, company names and rep ids only.
 */
public final class NextWorksHost {

    /** The policy file, a classpath resource. */
    public static final String POLICY_RESOURCE = "saas/policy.yaml";

    /** NextWorks' own rules, classpath resources, one rule per file. */
    public static final List<String> RULE_RESOURCES = List.of(
            "saas/rules/sanctioned-countries.drl",
            "saas/rules/trade-show.drl",
            "saas/rules/partner-referral.drl");

    /**
     * The packaged rule NextWorks turns off: since the 2026 site redesign the tracking tag is
     * installed twice, so every page view arrives as two events and "five events in a week" is
     * really two or three visits. Re-enable it once marketing ops has removed the second tag.
     */
    public static final String DISABLED_RULE = PackagedRules.URG_ENGAGEMENT_BURST;

    /** The trade show NW-URG-TRADE-SHOW knows, as the booth scanner's export names it. */
    public static final String EXPO_EVENT = "hrdx-expo-2026-autumn";

    private static final Instant NOW = QuickStart.NOW;

    private NextWorksHost() {
    }

    /** Qualifies {@link #sampleLeads()} at {@link QuickStart#NOW} and prints each decision. */
    public static void main(String[] args) {
        PrintStream out = QuickStart.consoleOut();
        run(Clock.fixed(NOW, ZoneOffset.UTC), out);
        out.flush();
    }

    /**
     * Builds the {@link #qualifier(Clock) qualifier}, qualifies the {@link #sampleLeads() sample
     * leads} in one batch, and prints each decision and the funnel (with {@link QuickStart#print}),
     * then who got each lead routed to people, and why.
     */
    public static void run(Clock clock, PrintStream out) {
        LeadQualifier qualifier = qualifier(clock);
        List<Lead> leads = sampleLeads();
        List<Qualification> qualifications = qualifier.qualifyAll(leads);
        out.println("クラウド勤怠 (株式会社ネクストワークス): " + leads.size() + " leads qualified at " + clock.instant());
        out.println("rule set " + qualifier.fingerprint() + " (" + qualifier.rules().size() + " rules: "
                + RULE_RESOURCES.size() + " of NextWorks' own, " + DISABLED_RULE + " disabled)");
        out.println();
        QuickStart.print(leads, qualifications, out);
        out.println();
        out.println("Owners (" + qualifier.assignment() + ")");
        for (Qualification q : qualifications) {
            Route route = q.route();
            if (route.ownerReason() != null) {
                out.println(String.format("    %-8s %-11s %-26s %s", q.leadId(),
                        route.owner() == null ? "(queue)" : route.owner(), route.ownerReason().ruleId(),
                        route.ownerReason().message()));
            }
        }
    }

    /**
     * The policy, read from {@value #POLICY_RESOURCE} on the classpath.
     *
     * @throws io.github.leadrules.policy.PolicyFileException naming {@code saas/policy.yaml}, the line
     *                                                         and the key of every mistake in it
     */
    public static LeadPolicy policy() {
        return LeadPolicy.loadResource(POLICY_RESOURCE);
    }

    /**
     * What NextWorks' CRM knows: a customer with its account owner (a customer-success rep), and a
     * prospect whose deal is owned by a field rep. Owners are CRM user ids, not names.
     */
    public static AccountDirectory accounts() {
        return InMemoryAccountDirectory.builder()
                .add(new Account("NW-ACC-0412", "株式会社ミナミ食品", Set.of("minami-foods.co.jp"),
                        Relationship.CUSTOMER, "rep-cs-007"))
                .add(new Account("NW-ACC-0977", "株式会社アオバ建設", Set.of("aoba-kensetsu.co.jp"),
                        Relationship.PROSPECT, "rep-fs-021"))
                .build();
    }

    /**
     * The qualifier: the packaged rules minus {@link #DISABLED_RULE}, plus {@link #RULE_RESOURCES},
     * with {@link #policy()}, {@link #accounts()}, a fresh {@link InsideSalesRoundRobin} and the
     * given clock.
     *
     * @throws io.github.leadrules.InvalidRulesException naming the file and line of a mistake in a rule
     */
    public static LeadQualifier qualifier(Clock clock) {
        return builder(clock).build();
    }

    /**
     * The configured builder, for hosts and tests that add to it (another rule file, a different
     * assignment) before {@code build()}.
     */
    public static LeadQualifier.Builder builder(Clock clock) {
        LeadQualifier.Builder builder = LeadQualifier.builder()
                .policy(policy())
                .accounts(accounts())
                .assignment(new InsideSalesRoundRobin())
                .disableRule(DISABLED_RULE)
                .clock(clock);
        // Classpath resources are added one by one: a folder on the classpath cannot be listed
        // (inside a jar); addRules(Path) takes a whole folder of files on disk.
        RULE_RESOURCES.forEach(builder::addRules);
        return builder;
    }

    /**
     * Thirteen inbound leads of the week after 人事労務DX EXPO 2026 秋, Japanese and English, in
     * the order the CRM export lists them (round robin hands out inside-sales leads in this order).
     */
    public static List<Lead> sampleLeads() {
        return List.of(
                // Scanned at our booth at the expo; plans to replace paper time cards within three months.
                Lead.builder("NW-2601")
                        .email("jinji@kaname-ss.co.jp")
                        .jobTitle("人事部 課長")
                        .source("trade-show")
                        .attribute("event", EXPO_EVENT)
                        .inquiryType(InquiryType.OTHER)
                        .purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS)
                        .submittedAt(Instant.parse("2026-11-19T05:12:00Z"))
                        .company(Company.builder().name("株式会社カナメ製作所").industry("製造業")
                                .employeeCount(850).country("日本").build())
                        .build(),
                // A care-home group its 社労士 office referred, asking to be contacted.
                Lead.builder("NW-2602")
                        .email("soumu@hidamari-care.or.jp")
                        .jobTitle("法人本部 総務課")
                        .source("partner")
                        .attribute("partner", "SR-0031")
                        .attribute("referral_code", "NWREF-2611-0031")
                        .inquiryType(InquiryType.CONTACT_SALES)
                        .submittedAt(daysAgo(1))
                        .company(Company.builder().name("社会福祉法人ひだまり会").industry("介護")
                                .employeeCount(180).country("JP").build())
                        .build(),
                // Another referral, but only a document request: the packaged cap keeps it at MEDIUM.
                Lead.builder("NW-2603")
                        .email("kanri@marufuku-shoten.co.jp")
                        .jobTitle("管理部")
                        .source("partner")
                        .attribute("partner", "SR-0008")
                        .attribute("referral_code", "NWREF-2611-0008")
                        .inquiryType(InquiryType.DOCUMENT_REQUEST)
                        .submittedAt(daysAgo(2))
                        .company(Company.builder().name("株式会社丸福商店").industry("小売業")
                                .employeeCount(140).country("JP").build())
                        .build(),
                // Says it is a Japanese company, but writes from a Russian domain: export control.
                Lead.builder("NW-2604")
                        .email("info@vostok-logistics.ru")
                        .jobTitle("Director")
                        .source("web-form")
                        .inquiryType(InquiryType.DEMO)
                        .submittedAt(daysAgo(1))
                        .company(Company.builder().name("ボストーク物流株式会社").industry("物流")
                                .employeeCount(200).country("日本").build())
                        .build(),
                // A logistics firm comparing vendors, with six page views in five days (really three:
                // the tag double-counts). URG-ENGAGEMENT-BURST would have made it IMMEDIATE.
                Lead.builder("NW-2605")
                        .email("it-kikaku@sakura-butsuryu.co.jp")
                        .jobTitle("情報システム課")
                        .source("web-form")
                        .inquiryType(InquiryType.CONTACT_SALES)
                        .purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS)
                        .submittedAt(daysAgo(0))
                        .engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(5)))
                        .engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(5)))
                        .engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(3)))
                        .engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(3)))
                        .engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(1)))
                        .engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(1)))
                        .company(Company.builder().name("さくら物流株式会社").industry("運輸業")
                                .employeeCount(620).country("JP").build())
                        .build(),
                // An existing customer asks about the shift-planning option: its owner follows up.
                Lead.builder("NW-2606")
                        .email("jinji@minami-foods.co.jp")
                        .jobTitle("人事部")
                        .source("web-form")
                        .inquiryType(InquiryType.CONTACT_SALES)
                        .submittedAt(daysAgo(1))
                        .company(Company.builder().name("株式会社ミナミ食品").industry("食品製造")
                                .employeeCount(430).country("JP").build())
                        .build(),
                // A competitor's product team asks for a demo.
                Lead.builder("NW-2607")
                        .email("pm@timereco-cloud.example")
                        .jobTitle("Product Manager")
                        .source("web-form")
                        .inquiryType(InquiryType.DEMO)
                        .submittedAt(daysAgo(2))
                        .company(Company.builder().name("株式会社タイムレコ").industry("情報通信業")
                                .employeeCount(90).country("JP").build())
                        .build(),
                // A regional bank: a large company, but not an industry we sell to.
                Lead.builder("NW-2608")
                        .email("jinji-kikaku@seiryu-bank.co.jp")
                        .jobTitle("人事企画部 部長")
                        .source("web-form")
                        .inquiryType(InquiryType.DEMO)
                        .submittedAt(daysAgo(3))
                        .company(Company.builder().name("株式会社清流銀行").industry("金融")
                                .employeeCount(2300).country("JP").build())
                        .build(),
                // The Thai plant of a Japanese manufacturer wants a quote and will buy within a month.
                Lead.builder("NW-2609")
                        .email("hr@siam-kaname.co.th")
                        .jobTitle("HR Director")
                        .source("web-form")
                        .inquiryType(InquiryType.QUOTE)
                        .purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                        .budgetStatus(BudgetStatus.SECURED)
                        .submittedAt(daysAgo(1))
                        .company(Company.builder().name("Siam Kaname Manufacturing Co., Ltd.").industry("Manufacturing")
                                .employeeCount(1400).country("Thailand").build())
                        .build(),
                // A mid-sized Vietnamese logistics company asks for a demo: urgent, but a weak fit.
                Lead.builder("NW-2610")
                        .email("admin@saigon-express-logistics.vn")
                        .jobTitle("Administration Manager")
                        .source("web-form")
                        .inquiryType(InquiryType.DEMO)
                        .submittedAt(daysAgo(2))
                        .company(Company.builder().name("Saigon Express Logistics JSC").industry("Logistics")
                                .employeeCount(250).country("Vietnam").build())
                        .build(),
                // A webinar attendee who read a retail case study: not ready, gets the retail track.
                Lead.builder("NW-2611")
                        .email("roumu@hoshino-mart.co.jp")
                        .jobTitle("労務課 主任")
                        .source("webinar")
                        .inquiryType(InquiryType.SEMINAR)
                        .submittedAt(daysAgo(6))
                        .engagement(EngagementEvent.of(EngagementType.SEMINAR_ATTENDED, daysAgo(6)))
                        .engagement(EngagementEvent.caseStudyView(daysAgo(4), "小売業", "48店舗のシフト作成を月20時間削減"))
                        .company(Company.builder().name("株式会社ホシノマート").industry("小売")
                                .employeeCount(400).country("JP").build())
                        .build(),
                // A deal field sales stopped working in September; the lead came back for a white paper.
                Lead.builder("NW-2612")
                        .email("soumu@aoba-kensetsu.co.jp")
                        .jobTitle("総務部")
                        .source("white-paper")
                        .inquiryType(InquiryType.WHITE_PAPER)
                        .salesStatus(SalesStatus.IN_OPPORTUNITY)
                        .lastSalesActivity(daysAgo(70))
                        .submittedAt(daysAgo(120))
                        .engagement(EngagementEvent.of(EngagementType.CONTENT_VIEW, daysAgo(3)))
                        .company(Company.builder().name("株式会社アオバ建設").industry("建設業")
                                .employeeCount(510).country("JP").build())
                        .build(),
                // A document request (資料請求) on its own from a construction firm.
                Lead.builder("NW-2613")
                        .email("keiri@tsubasa-koumuten.co.jp")
                        .jobTitle("経理総務課")
                        .source("web-form")
                        .inquiryType(InquiryType.DOCUMENT_REQUEST)
                        .submittedAt(daysAgo(0))
                        .company(Company.builder().name("有限会社つばさ工務店").industry("建設")
                                .employeeCount(60).country("JP").build())
                        .build());
    }

    private static Instant daysAgo(int days) {
        return NOW.minusSeconds(days * 86_400L + 3_600L);
    }
}
