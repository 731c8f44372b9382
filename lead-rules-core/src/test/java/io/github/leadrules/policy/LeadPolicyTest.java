package io.github.leadrules.policy;

import io.github.leadrules.Fixtures;
import io.github.leadrules.internal.text.Text;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The policy: the shipped defaults, adjusting them without changing them, values checked with
 * errors that name their key, and the questions the rules ask of it (domains with subdomains,
 * decision-maker and student titles as words, industries through aliases, teams in order).
 */
class LeadPolicyTest {

    private static final LeadPolicy DEFAULTS = LeadPolicy.defaults();

    // ------------------------------------------------------------------ defaults

    @Test
    void theDefaultsHoldTheDocumentedThresholds() {
        assertThat(DEFAULTS.minimumEmployees()).isEqualTo(10);
        assertThat(DEFAULTS.enterpriseEmployees()).isEqualTo(1000);
        assertThat(DEFAULTS.fieldSalesMinimumEmployees()).isEqualTo(100);
        assertThat(List.of(DEFAULTS.immediateScore(), DEFAULTS.highScore(), DEFAULTS.mediumScore())).containsExactly(80, 50, 25);
        assertThat(DEFAULTS.pricingVisitThreshold()).isEqualTo(3);
        assertThat(DEFAULTS.engagementWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(DEFAULTS.coldAfter()).isEqualTo(Duration.ofDays(90));
        assertThat(DEFAULTS.duplicateWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(DEFAULTS.stalledAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(DEFAULTS.requireExplicitConsent()).isFalse();
        assertThat(DEFAULTS.sla(Destination.FIELD_SALES)).isEqualTo(Duration.ofHours(4));
        assertThat(DEFAULTS.sla(Destination.INSIDE_SALES)).isEqualTo(Duration.ofHours(24));
        assertThat(DEFAULTS.sla(Destination.NURTURE)).isEqualTo(Duration.ofHours(72));
        assertThat(DEFAULTS.sla(Destination.NONE)).isEqualTo(Duration.ZERO);
        assertThat(DEFAULTS.immediateSla()).isEqualTo(Duration.ofHours(1));
        assertThat(DEFAULTS.recycleTeam()).isEqualTo("inside-sales-recycle");
    }

    @Test
    void theDefaultsRestrictNeitherTerritoryNorIndustryAndOwnNoDomains() {
        assertThat(DEFAULTS.targetCountries()).isEmpty();
        assertThat(DEFAULTS.targetIndustries()).isEmpty();
        assertThat(DEFAULTS.ownDomains()).isEmpty();
        assertThat(DEFAULTS.competitorDomains()).isEmpty();
        assertThat(DEFAULTS.isTargetCountry("DE")).isTrue();
        assertThat(DEFAULTS.isTargetIndustry("mining")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gmail.com", "yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp", "icloud.com",
            "outlook.jp", "hotmail.co.jp"})
    void theDefaultFreeMailListKnowsJapaneseAndGlobalProviders(String domain) {
        assertThat(DEFAULTS.isFreeMailDomain(domain)).isTrue();
    }

    @Test
    void theDefaultListsTellCompanyFreeAndDisposableDomainsApart() {
        assertThat(DEFAULTS.isFreeMailDomain("sample-kogyo.co.jp")).isFalse();
        assertThat(DEFAULTS.isDisposableDomain("mailinator.com")).isTrue();
        assertThat(DEFAULTS.isDisposableDomain("gmail.com")).isFalse();
        assertThat(DEFAULTS.isTestDomain("example.com")).isTrue();
        assertThat(DEFAULTS.freeMailDomains()).hasSizeGreaterThan(10_000);
    }

    // ------------------------------------------------------------------ adjusting

    @Test
    void withMethodsReturnAnAdjustedCopyAndLeaveTheOriginalAlone() {
        LeadPolicy adjusted = DEFAULTS.withMinimumEmployees(50).withTargetCountries("日本", "USA")
                .withCompetitorDomains("Rival.Example").withOwnDomains("leadrules-saas.co.jp");
        assertThat(adjusted.minimumEmployees()).isEqualTo(50);
        assertThat(adjusted.targetCountries()).containsExactlyInAnyOrder("JP", "US");
        assertThat(adjusted.competitorDomains()).containsExactly("rival.example");
        assertThat(adjusted.ownDomains()).containsExactly("leadrules-saas.co.jp");
        assertThat(DEFAULTS.minimumEmployees()).isEqualTo(10);
        assertThat(DEFAULTS.targetCountries()).isEmpty();
        assertThat(LeadPolicy.defaults()).isSameAs(DEFAULTS).isEqualTo(LeadPolicy.builder().build());
    }

    @Test
    void aHostCanRemoveAFreeMailProviderItSellsToAndAddItsOwn() {
        LeadPolicy policy = DEFAULTS.withFreeMailDomainsRemoved("Yahoo.co.jp").withFreeMailDomainsAdded("mail.isp-example.jp")
                .withDisposableDomainsAdded("throwaway.example").withDisposableDomainsRemoved("mailinator.com");
        assertThat(policy.isFreeMailDomain("yahoo.co.jp")).isFalse();
        assertThat(policy.isFreeMailDomain("mail.isp-example.jp")).isTrue();
        assertThat(policy.isDisposableDomain("throwaway.example")).isTrue();
        assertThat(policy.isDisposableDomain("mailinator.com")).isFalse();
        assertThat(DEFAULTS.isFreeMailDomain("yahoo.co.jp")).isTrue();
    }

    @Test
    void theCollectionsOfAPolicyCannotBeChanged() {
        assertThatThrownBy(() -> DEFAULTS.ownDomains().add("leadrules-saas.co.jp")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DEFAULTS.decisionMakerTitles().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DEFAULTS.teams().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------------ bad values name their key

    static Stream<Arguments> badValues() {
        return Stream.<Arguments>of(
                arguments("targetCountries: unknown country 'Atlantis'", (Executable) () -> DEFAULTS.withTargetCountries("JP", "Atlantis")),
                arguments("minimumEmployees: must not be negative, got -1", (Executable) () -> DEFAULTS.withMinimumEmployees(-1)),
                arguments("competitorDomains: 'rival' is not a domain name", (Executable) () -> DEFAULTS.withCompetitorDomains("rival")),
                arguments("competitorDomains: 'sales@rival.example' is not a domain name",
                        (Executable) () -> DEFAULTS.withCompetitorDomains("sales@rival.example")),
                arguments("ownDomains: blank domain", (Executable) () -> DEFAULTS.withOwnDomains(" ")),
                arguments("urgencyThresholds: must rise strictly", (Executable) () -> LeadPolicy.builder().urgencyThresholds(50, 50, 25).build()),
                arguments("urgencyThresholds.medium: must be positive", (Executable) () -> LeadPolicy.builder().urgencyThresholds(80, 50, 0).build()),
                arguments("enterpriseEmployees: must be positive", (Executable) () -> LeadPolicy.builder().enterpriseEmployees(0).build()),
                arguments("coldAfter: must be a positive duration", (Executable) () -> LeadPolicy.builder().coldAfter(Duration.ZERO).build()),
                arguments("engagementWindow: must be a positive duration", (Executable) () -> LeadPolicy.builder().engagementWindow(null).build()),
                arguments("slas.nurture: must be a positive duration",
                        (Executable) () -> LeadPolicy.builder().sla(Destination.NURTURE, Duration.ofHours(-1)).build()),
                arguments("recycleTeam: must not be blank", (Executable) () -> LeadPolicy.builder().recycleTeam(" ").build()),
                arguments("caseStudyTracks.retail: must not be blank", (Executable) () -> LeadPolicy.builder().caseStudyTrack("retail", "").build()),
                arguments("contentTracks.white_paper: must not be blank",
                        (Executable) () -> LeadPolicy.builder().contentTrack(InquiryType.WHITE_PAPER, " ").build()),
                arguments("decisionMakerTitles: blank value",
                        (Executable) () -> LeadPolicy.builder().decisionMakerTitles(List.of("部長", " ")).build()),
                arguments("teams: a team name must not be blank",
                        (Executable) () -> new Team(" ", Destination.FIELD_SALES, Set.of(), Segment.ANY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueIsRejectedWithAMessageThatStartsWithItsKey(String expectedMessage, Executable build) {
        assertThatThrownBy(build::execute).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(expectedMessage);
    }

    // ------------------------------------------------------------------ questions rules ask

    @Test
    void domainsMatchTheirSubdomainsButNotLookAlikes() {
        LeadPolicy policy = DEFAULTS.withCompetitorDomains("Rival.Example").withOwnDomains("leadrules-saas.co.jp");
        assertThat(policy.isCompetitorDomain("rival.example")).isTrue();
        assertThat(policy.isCompetitorDomain("mail.rival.example")).isTrue();
        assertThat(policy.isCompetitorDomain("sales.jp.rival.example")).isTrue();
        assertThat(policy.isCompetitorDomain("notrival.example")).isFalse();
        assertThat(policy.isCompetitorDomain("rival.example.com")).isFalse();
        assertThat(policy.isCompetitorDomain(null)).isFalse();
        assertThat(policy.isOwnDomain("tokyo.leadrules-saas.co.jp")).isTrue();
        assertThat(policy.isOwnDomain("co.jp")).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is a decision maker")
    @ValueSource(strings = {"部長", "営業部長", "情報システム部 部長", "代表取締役社長", "執行役員 CTO", "CEO", "VP of Sales",
            "Vice President, Engineering", "Sales Director", "Head of IT", "Co-founder", "General Manager", "ＶＰ　Ｓａｌｅｓ"})
    void decisionMakerTitlesMatchInJapaneseAndEnglish(String title) {
        assertThat(DEFAULTS.isDecisionMakerTitle(Text.key(title))).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a decision maker")
    @ValueSource(strings = {"MVP Engineer", "主任", "課長", "Factory Manager", "Directory Services Engineer", "Headhunter",
            "Sales Representative", "Coordinator"})
    void latinTitleWordsMatchOnlyAsWholeWords(String title) {
        assertThat(DEFAULTS.isDecisionMakerTitle(Text.key(title))).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" advises rather than decides")
    @ValueSource(strings = {"副部長", "営業部長代理", "部長補佐", "社長秘書", "Product Owner", "Assistant to the Director",
            "Assistant Director of Admissions"})
    void deputiesAssistantsAndProductOwnersAreNotDecisionMakers(String title) {
        assertThat(DEFAULTS.isDecisionMakerTitle(Text.key(title))).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is a decision maker despite its neighbours")
    @ValueSource(strings = {"副社長", "SVP Sales", "EVP, Operations", "Business Owner", "本部長"})
    void seniorTitlesNextToTheExceptionsStillCount(String title) {
        assertThat(DEFAULTS.isDecisionMakerTitle(Text.key(title))).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" works with students but is not one")
    @ValueSource(strings = {"学生支援課 課長", "学生課 主任", "人事部 インターンシップ担当", "Director of Student Affairs"})
    void universityStaffAndInternshipCoordinatorsAreNotStudents(String title) {
        assertThat(DEFAULTS.isStudentTitle(Text.key(title))).isFalse();
    }

    @Test
    void aHostCanAddItsOwnExceptionToATitleList() {
        LeadPolicy policy = DEFAULTS.toBuilder()
                .decisionMakerTitles(java.util.List.of("部長", "!部長候補")).build();
        assertThat(policy.isDecisionMakerTitle(Text.key("営業部長"))).isTrue();
        assertThat(policy.isDecisionMakerTitle(Text.key("営業部長候補"))).isFalse();
    }

    @Test
    void studentMarkersMatchAsWordsToo() {
        assertThat(DEFAULTS.isStudentTitle(Text.key("工学部 学生"))).isTrue();
        assertThat(DEFAULTS.isStudentTitle(Text.key("就職活動中"))).isTrue();
        assertThat(DEFAULTS.isStudentTitle(Text.key("Summer Intern"))).isTrue();
        assertThat(DEFAULTS.isStudentTitle(Text.key("International Sales Manager"))).isFalse();
        assertThat(DEFAULTS.isStudentTitle(Text.key("Internal Audit"))).isFalse();
        assertThat(DEFAULTS.isStudentTitle(null)).isFalse();
    }

    @Test
    void testMarkersMatchTheWholeValueOnly() {
        assertThat(DEFAULTS.isTestMarker("test")).isTrue();
        assertThat(DEFAULTS.isTestMarker("テスト")).isTrue();
        assertThat(DEFAULTS.isTestMarker("testing solutions")).isFalse();
        assertThat(DEFAULTS.isTestMarker(null)).isFalse();
    }

    @Test
    void industriesMeetThroughTheirAliasesInAnyScriptAndWidth() {
        assertThat(DEFAULTS.industryKey("製造業")).isEqualTo("manufacturing");
        assertThat(DEFAULTS.industryKey("Manufacturing")).isEqualTo("manufacturing");
        assertThat(DEFAULTS.industryKey("ＭＡＮＵＦＡＣＴＵＲＩＮＧ")).isEqualTo("manufacturing");
        assertThat(DEFAULTS.industryKey("情報通信業")).isEqualTo("information technology");
        assertThat(DEFAULTS.industryKey("広告")).isEqualTo("広告");
        assertThat(DEFAULTS.industryKey("  ")).isNull();
        LeadPolicy manufacturersOnly = DEFAULTS.withTargetIndustries("製造業");
        assertThat(manufacturersOnly.targetIndustries()).containsExactly("manufacturing");
        assertThat(manufacturersOnly.isTargetIndustry(DEFAULTS.industryKey("Manufacturer"))).isTrue();
        assertThat(manufacturersOnly.isTargetIndustry("retail")).isFalse();
        assertThat(manufacturersOnly.isTargetIndustry(null)).isTrue();
    }

    @Test
    void territoryIsCheckedByCountryCodeAndAnUnknownCountryIsGivenTheBenefitOfTheDoubt() {
        LeadPolicy japanOnly = DEFAULTS.withTargetCountries("日本");
        assertThat(japanOnly.targetCountries()).containsExactly("JP");
        assertThat(japanOnly.isTargetCountry("JP")).isTrue();
        assertThat(japanOnly.isTargetCountry("US")).isFalse();
        assertThat(japanOnly.isTargetCountry(null)).isTrue();
    }

    @Test
    void teamsAreMatchedInOrderByDestinationTerritoryAndSegment() {
        LeadPolicy policy = Fixtures.POLICY;
        assertThat(policy.segmentOf(999)).isEqualTo(Segment.SMB);
        assertThat(policy.segmentOf(1000)).isEqualTo(Segment.ENTERPRISE);
        assertThat(policy.segmentOf(null)).isEqualTo(Segment.SMB);
        assertThat(policy.teamFor(Destination.FIELD_SALES, "US", Segment.ENTERPRISE)).map(Team::name).contains("field-sales-us");
        assertThat(policy.teamFor(Destination.FIELD_SALES, "JP", Segment.ENTERPRISE)).map(Team::name).contains("field-sales-enterprise");
        assertThat(policy.teamFor(Destination.FIELD_SALES, "JP", Segment.SMB)).map(Team::name).contains("field-sales-jp");
        assertThat(policy.teamFor(Destination.FIELD_SALES, "GB", Segment.SMB)).map(Team::name).contains("field-sales");
        assertThat(policy.teamFor(Destination.FIELD_SALES, null, Segment.SMB)).map(Team::name).contains("field-sales");
        assertThat(policy.teamFor(Destination.NONE, "JP", Segment.SMB)).isEqualTo(Optional.empty());
    }

    @Test
    void nurtureTracksComeFromTheIndustryOrTheContent() {
        assertThat(DEFAULTS.caseStudyTrack("retail")).contains("case-study-retail");
        assertThat(DEFAULTS.caseStudyTrack("real estate")).isEmpty();
        assertThat(DEFAULTS.caseStudyTrack(null)).isEmpty();
        assertThat(DEFAULTS.contentTrack(InquiryType.SEMINAR)).isEqualTo("seminar-invitations");
        assertThat(DEFAULTS.contentTrack(InquiryType.OTHER)).isEqualTo(DEFAULTS.defaultNurtureTrack());
        LeadPolicy withJapaneseTrack = LeadPolicy.builder().caseStudyTrack("製造業", "jirei-seizo").build();
        assertThat(withJapaneseTrack.caseStudyTrack("manufacturing")).contains("jirei-seizo");
    }

    // ------------------------------------------------------------------ equality

    @Test
    void policiesWithTheSameValuesAreEqualWhateverTheOrderTheyWereGivenIn() {
        LeadPolicy a = DEFAULTS.withCompetitorDomains("rival.example", "kyogo-soft.co.jp").withTargetCountries("JP", "US");
        LeadPolicy b = DEFAULTS.withTargetCountries("United States", "Japan").withCompetitorDomains("KYOGO-SOFT.CO.JP", "rival.example");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(DEFAULTS);
    }

    @Test
    void toStringSummarisesWithoutDumpingTheDomainLists() {
        assertThat(DEFAULTS.toString()).hasSizeLessThan(500).contains("freeMailDomains=").doesNotContain("gmail.com");
    }
}
