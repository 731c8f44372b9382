package io.github.leadrules.examples.saas;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.policy.Team;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * saas/policy.yaml loads from the classpath and holds the values the examples README describes. A
 * host can keep such a test beside its own policy file: a typo fails in CI, not in production.
 */
class NextWorksPolicyTest {

    private final LeadPolicy policy = NextWorksHost.policy();

    @Test
    void exclusionSettingsAreNextWorksOwn() {
        assertThat(policy.exclusion().ownDomains()).containsExactly("nextworks.co.jp");
        assertThat(policy.exclusion().competitorDomains())
                .containsExactlyInAnyOrder("timereco-cloud.example", "kintai-plus.example", "worklog-saas.example");
        assertThat(policy.exclusion().targetCountries()).containsExactlyInAnyOrder("JP", "TH", "VN");
        assertThat(policy.exclusion().targetIndustries()).containsExactlyInAnyOrder("manufacturing", "retail", "logistics",
                "healthcare", "construction", "food service");
        assertThat(policy.exclusion().minimumEmployees()).isEqualTo(30);
        assertThat(policy.isTestMarker("テスト送信")).isTrue();
    }

    @Test
    void industryAliasesAddNextWorksSpellingsToTheShippedOnes() {
        assertThat(policy.industryKey("介護")).isEqualTo("healthcare");
        assertThat(policy.industryKey("飲食店")).isEqualTo("food service");
        assertThat(policy.industryKey("食品製造")).isEqualTo("manufacturing");
        assertThat(policy.industryKey("製造業")).as("a shipped alias is kept").isEqualTo("manufacturing");
        assertThat(policy.industryKey("金融")).isEqualTo("finance");
        assertThat(policy.isTargetIndustry(policy.industryKey("金融"))).isFalse();
    }

    @Test
    void urgencyAndRoutingThresholdsAndSlas() {
        assertThat(policy.urgency().decisionMakerTitles()).contains("人事責任者", "労務責任者", "部長");
        assertThat(policy.routing().enterpriseEmployees()).isEqualTo(1000);
        assertThat(policy.routing().fieldSalesMinimumEmployees()).isEqualTo(300);
        assertThat(policy.routing().stalledAfter()).isEqualTo(Duration.ofDays(45));
        assertThat(policy.routing().slas()).containsOnly(
                entry(Destination.FIELD_SALES, Duration.ofHours(4)),
                entry(Destination.INSIDE_SALES, Duration.ofHours(2)),
                entry(Destination.ACCOUNT_OWNER, Duration.ofHours(24)));
        assertThat(policy.routing().slas()).as("nurture: none").doesNotContainKey(Destination.NURTURE);
        assertThat(policy.routing().immediateSla()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void teamsInMatchingOrderWithTheirTerritoriesAndReps() {
        assertThat(policy.routing().teams()).extracting(Team::name).containsExactly(
                "field-sales-jp-enterprise", "field-sales-jp", "field-sales-asean",
                "inside-sales-jp", "inside-sales-asean", "inside-sales-other", "inside-sales-recycle",
                "customer-success", "marketing-nurture");
        Team enterprise = policy.routing().team("field-sales-jp-enterprise").orElseThrow();
        assertThat(enterprise.countries()).containsExactly("JP");
        assertThat(enterprise.segment()).isEqualTo(Segment.ENTERPRISE);
        assertThat(policy.routing().team("field-sales-asean").orElseThrow().countries()).containsExactlyInAnyOrder("TH", "VN");
        assertThat(policy.routing().team("inside-sales-jp").orElseThrow().reps()).containsExactly(
                Rep.of("rep-is-101"), Rep.of("rep-is-102"), Rep.of("rep-is-103").unavailable(), Rep.of("rep-is-104"));
        assertThat(policy.routing().team("inside-sales-other").orElseThrow().reps()).isEmpty();
        assertThat(policy.routing().recycleTeam()).isEqualTo("inside-sales-recycle");
        assertThat(policy.routing().team("inside-sales-recycle").orElseThrow().reps()).containsExactly(Rep.of("rep-is-201"));
    }

    @Test
    void nurtureTracksHaveTheJapaneseNamesTheMarketingToolShows() {
        assertThat(policy.routing().caseStudyTracks()).containsOnly(
                entry("manufacturing", "導入事例-製造業"),
                entry("retail", "導入事例-小売"),
                entry("logistics", "導入事例-物流"),
                entry("healthcare", "導入事例-医療介護"));
        assertThat(policy.routing().contentTracks()).contains(
                entry(InquiryType.WHITE_PAPER, "ホワイトペーパー-働き方改革"),
                entry(InquiryType.SEMINAR, "ウェビナー案内"),
                entry(InquiryType.ARTICLE, "メルマガ-勤怠コラム"));
        assertThat(policy.routing().defaultNurtureTrack()).isEqualTo("メルマガ-勤怠コラム");
    }

    @Test
    void settingsTheFileLeavesOutKeepTheLibraryDefaults() {
        LeadPolicy defaults = LeadPolicy.defaults();
        assertThat(policy.exclusion().freeMailDomains()).isEqualTo(defaults.exclusion().freeMailDomains());
        assertThat(policy.urgency().burstEvents()).isEqualTo(defaults.urgency().burstEvents());
        assertThat(policy.exclusion().duplicateWindow()).isEqualTo(defaults.exclusion().duplicateWindow());
        assertThat(Map.of("immediate", policy.urgency().immediateScore(), "high", policy.urgency().highScore(), "medium", policy.urgency().mediumScore()))
                .containsOnly(entry("immediate", 80), entry("high", 50), entry("medium", 25));
    }

    @Test
    void aMisspeltKeyInTheFileFailsNamingTheResourceTheLineAndTheKey() throws IOException {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(NextWorksHost.POLICY_RESOURCE)) {
            assertThat(in).as(NextWorksHost.POLICY_RESOURCE).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int line = text.lines().toList().indexOf("minimumEmployees: 30") + 1;
        assertThat(line).as("the line of minimumEmployees in the file").isPositive();
        String typo = text.replace("\nminimumEmployees: 30", "\nminimumEmploees: 30");

        assertThatThrownBy(() -> LeadPolicy.load(new StringReader(typo), NextWorksHost.POLICY_RESOURCE))
                .isInstanceOfSatisfying(PolicyFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("saas/policy.yaml");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.key()).isEqualTo("minimumEmploees");
                })
                .hasMessageContaining("did you mean minimumEmployees?");
    }
}
