package io.github.leadrules.examples.saas;

import io.github.leadrules.examples.QuickStart;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.test.RuleVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The world NextWorks' tests run in: the fixed clock of the example, a verifier built exactly as
 * {@link NextWorksHost} builds its qualifier (compiled once per JVM and shared), and leads by role.
 */
final class NextWorksFixtures {

    static final Instant NOW = QuickStart.NOW;
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private NextWorksFixtures() {
    }

    /**
     * NextWorks' rules, policy and accounts on the fixed clock. Its assignment keeps rotation state,
     * so tests that assert who in a rotation gets a lead build their own with {@link #freshVerifier()}.
     */
    static RuleVerifier verifier() {
        return Shared.VERIFIER;
    }

    /** A verifier with a rotation of its own, for tests that assert round-robin owners. */
    static RuleVerifier freshVerifier() {
        return RuleVerifier.of(NextWorksHost.qualifier(CLOCK));
    }

    private static final class Shared {
        static final RuleVerifier VERIFIER = freshVerifier();
    }

    static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days)).minus(Duration.ofHours(1));
    }

    /** A mid-sized Japanese manufacturer in NextWorks' territory and target industries, before any signal. */
    static Company kanameSeisakusho() {
        return Company.builder().name("株式会社カナメ製作所").domain("kaname-ss.co.jp").industry("製造業")
                .employeeCount(850).country("日本").build();
    }

    /** Someone in HR at {@link #kanameSeisakusho()}, submitted yesterday, with no other signal. */
    static Lead.Builder kanameLead(String id) {
        return Lead.builder(id)
                .email("jinji@kaname-ss.co.jp")
                .jobTitle("人事部 課長")
                .source("web-form")
                .inquiryType(InquiryType.OTHER)
                .submittedAt(daysAgo(1))
                .company(kanameSeisakusho());
    }

    /** The expo booth scan that NW-URG-TRADE-SHOW is about. */
    static Lead.Builder boothScanAtExpo(String id) {
        return kanameLead(id).source("trade-show").attribute("event", NextWorksHost.EXPO_EVENT)
                .submittedAt(Instant.parse("2026-11-19T05:12:00Z"));
    }

    /** A care-home group of 180 staff, asking to be contacted. */
    static Lead.Builder hidamariCare(String id) {
        return Lead.builder(id)
                .email("soumu@hidamari-care.or.jp")
                .jobTitle("法人本部 総務課")
                .source("partner")
                .inquiryType(InquiryType.CONTACT_SALES)
                .submittedAt(daysAgo(1))
                .company(Company.builder().name("社会福祉法人ひだまり会").industry("介護")
                        .employeeCount(180).country("JP").build());
    }

    /** {@link #hidamariCare} as referred by the 社労士 office SR-0031, with its referral code. */
    static Lead.Builder partnerReferral(String id) {
        return hidamariCare(id).attribute("partner", "SR-0031").attribute("referral_code", "NWREF-2611-0031");
    }

    /** A logistics company that says it is Japanese, asking for a demo. */
    static Lead.Builder vostokLogistics(String id, String emailDomain) {
        return Lead.builder(id)
                .email("info@" + emailDomain)
                .jobTitle("Director")
                .source("web-form")
                .inquiryType(InquiryType.DEMO)
                .submittedAt(daysAgo(1))
                .company(Company.builder().name("ボストーク物流株式会社").industry("物流")
                        .employeeCount(200).country("日本").build());
    }
}
