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
        assertThat(DEFAULTS.exclusion().minimumEmployees()).isEqualTo(10);
        assertThat(DEFAULTS.routing().enterpriseEmployees()).isEqualTo(1000);
        assertThat(DEFAULTS.routing().fieldSalesMinimumEmployees()).isEqualTo(100);
        assertThat(List.of(DEFAULTS.urgency().immediateScore(), DEFAULTS.urgency().highScore(),
                DEFAULTS.urgency().mediumScore())).containsExactly(80, 50, 25);
        assertThat(DEFAULTS.urgency().pricingVisitThreshold()).isEqualTo(3);
        assertThat(DEFAULTS.urgency().engagementWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(DEFAULTS.urgency().coldAfter()).isEqualTo(Duration.ofDays(90));
        assertThat(DEFAULTS.exclusion().duplicateWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(DEFAULTS.routing().stalledAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(DEFAULTS.exclusion().requireExplicitConsent()).isFalse();
        assertThat(DEFAULTS.routing().sla(Destination.FIELD_SALES)).isEqualTo(Duration.ofHours(4));
        assertThat(DEFAULTS.routing().sla(Destination.INSIDE_SALES)).isEqualTo(Duration.ofHours(24));
        assertThat(DEFAULTS.routing().sla(Destination.NURTURE)).isEqualTo(Duration.ofHours(72));
        assertThat(DEFAULTS.routing().sla(Destination.NONE)).isEqualTo(Duration.ZERO);
        assertThat(DEFAULTS.routing().immediateSla()).isEqualTo(Duration.ofHours(1));
        assertThat(DEFAULTS.routing().recycleTeam()).isEqualTo("inside-sales-recycle");
    }

    @Test
    void theDefaultsRestrictNeitherTerritoryNorIndustryAndOwnNoDomains() {
        assertThat(DEFAULTS.exclusion().targetCountries()).isEmpty();
        assertThat(DEFAULTS.exclusion().targetIndustries()).isEmpty();
        assertThat(DEFAULTS.exclusion().ownDomains()).isEmpty();
        assertThat(DEFAULTS.exclusion().competitorDomains()).isEmpty();
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
        assertThat(DEFAULTS.exclusion().freeMailDomains()).hasSizeGreaterThan(10_000);
    }

    // ------------------------------------------------------------------ adjusting

    @Test
    void withMethodsReturnAnAdjustedCopyAndLeaveTheOriginalAlone() {
        LeadPolicy adjusted = DEFAULTS.toBuilder().minimumEmployees(50).targetCountries("日本", "USA")
                .competitorDomains("Rival.Example").ownDomains("leadrules-saas.co.jp").build();
        assertThat(adjusted.exclusion().minimumEmployees()).isEqualTo(50);
        assertThat(adjusted.exclusion().targetCountries()).containsExactlyInAnyOrder("JP", "US");
        assertThat(adjusted.exclusion().competitorDomains()).containsExactly("rival.example");
        assertThat(adjusted.exclusion().ownDomains()).containsExactly("leadrules-saas.co.jp");
        assertThat(DEFAULTS.exclusion().minimumEmployees()).isEqualTo(10);
        assertThat(DEFAULTS.exclusion().targetCountries()).isEmpty();
        assertThat(LeadPolicy.defaults()).isSameAs(DEFAULTS).isEqualTo(LeadPolicy.builder().build());
    }

    @Test
    void aHostCanRemoveAFreeMailProviderItSellsToAndAddItsOwn() {
        LeadPolicy policy = DEFAULTS.toBuilder().removeFreeMailDomains("Yahoo.co.jp").addFreeMailDomains("mail.isp-example.jp")
                .addDisposableDomains("throwaway.example").removeDisposableDomains("mailinator.com").build();
        assertThat(policy.isFreeMailDomain("yahoo.co.jp")).isFalse();
        assertThat(policy.isFreeMailDomain("mail.isp-example.jp")).isTrue();
        assertThat(policy.isDisposableDomain("throwaway.example")).isTrue();
        assertThat(policy.isDisposableDomain("mailinator.com")).isFalse();
        assertThat(DEFAULTS.isFreeMailDomain("yahoo.co.jp")).isTrue();
    }

    @Test
    void theCollectionsOfAPolicyCannotBeChanged() {
        assertThatThrownBy(() -> DEFAULTS.exclusion().ownDomains().add("leadrules-saas.co.jp")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DEFAULTS.urgency().decisionMakerTitles().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DEFAULTS.routing().teams().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------------ bad values name their key

    static Stream<Arguments> badValues() {
        return Stream.<Arguments>of(
                arguments("targetCountries: unknown country 'Atlantis'", (Executable) () -> DEFAULTS.toBuilder().targetCountries("JP", "Atlantis").build()),
                arguments("minimumEmployees: must not be negative, got -1", (Executable) () -> DEFAULTS.toBuilder().minimumEmployees(-1).build()),
                arguments("competitorDomains: 'rival' is not a domain name", (Executable) () -> DEFAULTS.toBuilder().competitorDomains("rival").build()),
                arguments("competitorDomains: 'sales@rival.example' is not a domain name",
                        (Executable) () -> DEFAULTS.toBuilder().competitorDomains("sales@rival.example").build()),
                arguments("ownDomains: blank domain", (Executable) () -> DEFAULTS.toBuilder().ownDomains(" ").build()),
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
        LeadPolicy policy = DEFAULTS.toBuilder().competitorDomains("Rival.Example").ownDomains("leadrules-saas.co.jp").build();
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
        LeadPolicy manufacturersOnly = DEFAULTS.toBuilder().targetIndustries("製造業").build();
        assertThat(manufacturersOnly.exclusion().targetIndustries()).containsExactly("manufacturing");
        assertThat(manufacturersOnly.isTargetIndustry(DEFAULTS.industryKey("Manufacturer"))).isTrue();
        assertThat(manufacturersOnly.isTargetIndustry("retail")).isFalse();
        assertThat(manufacturersOnly.isTargetIndustry(null)).isTrue();
    }

    @Test
    void territoryIsCheckedByCountryCodeAndAnUnknownCountryIsGivenTheBenefitOfTheDoubt() {
        LeadPolicy japanOnly = DEFAULTS.toBuilder().targetCountries("日本").build();
        assertThat(japanOnly.exclusion().targetCountries()).containsExactly("JP");
        assertThat(japanOnly.isTargetCountry("JP")).isTrue();
        assertThat(japanOnly.isTargetCountry("US")).isFalse();
        assertThat(japanOnly.isTargetCountry(null)).isTrue();
    }

    @Test
    void teamsAreMatchedInOrderByDestinationTerritoryAndSegment() {
        LeadPolicy policy = Fixtures.POLICY;
        assertThat(policy.routing().segmentOf(999)).isEqualTo(Segment.SMB);
        assertThat(policy.routing().segmentOf(1000)).isEqualTo(Segment.ENTERPRISE);
        assertThat(policy.routing().segmentOf(null)).isEqualTo(Segment.SMB);
        assertThat(policy.routing().teamFor(Destination.FIELD_SALES, "US", Segment.ENTERPRISE)).map(Team::name).contains("field-sales-us");
        assertThat(policy.routing().teamFor(Destination.FIELD_SALES, "JP", Segment.ENTERPRISE)).map(Team::name).contains("field-sales-enterprise");
        assertThat(policy.routing().teamFor(Destination.FIELD_SALES, "JP", Segment.SMB)).map(Team::name).contains("field-sales-jp");
        assertThat(policy.routing().teamFor(Destination.FIELD_SALES, "GB", Segment.SMB)).map(Team::name).contains("field-sales");
        assertThat(policy.routing().teamFor(Destination.FIELD_SALES, null, Segment.SMB)).map(Team::name).contains("field-sales");
        assertThat(policy.routing().teamFor(Destination.NONE, "JP", Segment.SMB)).isEqualTo(Optional.empty());
    }

    @Test
    void nurtureTracksComeFromTheIndustryOrTheContent() {
        assertThat(DEFAULTS.caseStudyTrack("retail")).contains("case-study-retail");
        assertThat(DEFAULTS.caseStudyTrack("real estate")).isEmpty();
        assertThat(DEFAULTS.caseStudyTrack(null)).isEmpty();
        assertThat(DEFAULTS.contentTrack(InquiryType.SEMINAR)).isEqualTo("seminar-invitations");
        assertThat(DEFAULTS.contentTrack(InquiryType.OTHER)).isEqualTo(DEFAULTS.routing().defaultNurtureTrack());
        LeadPolicy withJapaneseTrack = LeadPolicy.builder().caseStudyTrack("製造業", "jirei-seizo").build();
        assertThat(withJapaneseTrack.caseStudyTrack("manufacturing")).contains("jirei-seizo");
    }

    // ------------------------------------------------------------------ equality

    @Test
    void policiesWithTheSameValuesAreEqualWhateverTheOrderTheyWereGivenIn() {
        LeadPolicy a = DEFAULTS.toBuilder().competitorDomains("rival.example", "kyogo-soft.co.jp").targetCountries("JP", "US").build();
        LeadPolicy b = DEFAULTS.toBuilder().targetCountries("United States", "Japan").competitorDomains("KYOGO-SOFT.CO.JP", "rival.example").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(DEFAULTS);
    }

    @Test
    void toStringSummarisesWithoutDumpingTheDomainLists() {
        assertThat(DEFAULTS.toString()).hasSizeLessThan(500).contains("freeMailDomains=").doesNotContain("gmail.com");
    }
}
