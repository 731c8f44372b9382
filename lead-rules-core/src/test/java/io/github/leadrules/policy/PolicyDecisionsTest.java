package io.github.leadrules.policy;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisions that are not rules and belong to the policy, shared by the qualifier and the
 * plain-Java ceiling: a score's level, a route's SLA deadline, the team that takes an unrouted
 * lead. Thresholds at limit − 1, limit and limit + 1.
 */
class PolicyDecisionsTest {

    private static final LeadPolicy DEFAULTS = LeadPolicy.defaults();
    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    @Nested
    class ScoreToLevel {

        @ParameterizedTest(name = "score {0} is {1}")
        @CsvSource({
                "-20, LOW", "0, LOW", "24, LOW",
                "25, MEDIUM", "26, MEDIUM", "49, MEDIUM",
                "50, HIGH", "51, HIGH", "79, HIGH",
                "80, IMMEDIATE", "81, IMMEDIATE", "150, IMMEDIATE"})
        void theShippedThresholdsGiveTheLevel(int score, UrgencyLevel level) {
            assertThat(DEFAULTS.urgency().levelFor(score)).isEqualTo(level);
        }

        @Test
        void aHostsThresholdsMoveTheLevels() {
            UrgencyPolicy strict = DEFAULTS.toBuilder().urgencyThresholds(100, 70, 40).build().urgency();

            assertThat(strict.levelFor(39)).isEqualTo(UrgencyLevel.LOW);
            assertThat(strict.levelFor(40)).isEqualTo(UrgencyLevel.MEDIUM);
            assertThat(strict.levelFor(99)).isEqualTo(UrgencyLevel.HIGH);
            assertThat(strict.levelFor(100)).isEqualTo(UrgencyLevel.IMMEDIATE);
        }
    }

    @Nested
    class SlaDeadline {

        @Test
        void aRouteIsDueAfterItsDestinationsSla() {
            assertThat(DEFAULTS.routing().slaDeadline(Destination.FIELD_SALES, UrgencyLevel.HIGH, NOW))
                    .isEqualTo(NOW.plus(Duration.ofHours(4)));
            assertThat(DEFAULTS.routing().slaDeadline(Destination.INSIDE_SALES, UrgencyLevel.LOW, NOW))
                    .isEqualTo(NOW.plus(Duration.ofHours(24)));
        }

        @Test
        void anImmediateLeadIsDueAfterTheImmediateSlaWhenThatIsSooner() {
            assertThat(DEFAULTS.routing().slaDeadline(Destination.INSIDE_SALES, UrgencyLevel.IMMEDIATE, NOW))
                    .isEqualTo(NOW.plus(Duration.ofHours(1)));
        }

        @Test
        void anImmediateLeadKeepsAShorterDestinationSla() {
            RoutingPolicy quick = DEFAULTS.toBuilder().sla(Destination.FIELD_SALES, Duration.ofMinutes(30)).build().routing();

            assertThat(quick.slaDeadline(Destination.FIELD_SALES, UrgencyLevel.IMMEDIATE, NOW))
                    .isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        }

        @Test
        void nurtureIsNeverHurriedByUrgency() {
            assertThat(DEFAULTS.routing().slaDeadline(Destination.NURTURE, UrgencyLevel.IMMEDIATE, NOW))
                    .isEqualTo(NOW.plus(Duration.ofHours(72)));
        }

        @Test
        void noDestinationOrNoSlaHasNoDeadline() {
            RoutingPolicy noNurtureSla = DEFAULTS.toBuilder().noSla(Destination.NURTURE).build().routing();

            assertThat(DEFAULTS.routing().slaDeadline(Destination.NONE, UrgencyLevel.IMMEDIATE, NOW)).isNull();
            assertThat(noNurtureSla.slaDeadline(Destination.NURTURE, UrgencyLevel.HIGH, NOW)).isNull();
        }

        @Test
        void anImmediateLeadToADestinationWithoutSlaGetsTheImmediateSla() {
            RoutingPolicy noOwnerSla = DEFAULTS.toBuilder().noSla(Destination.ACCOUNT_OWNER).build().routing();

            assertThat(noOwnerSla.slaDeadline(Destination.ACCOUNT_OWNER, UrgencyLevel.IMMEDIATE, NOW))
                    .isEqualTo(NOW.plus(Duration.ofHours(1)));
            assertThat(noOwnerSla.slaDeadline(Destination.ACCOUNT_OWNER, UrgencyLevel.HIGH, NOW)).isNull();
        }
    }

    @Nested
    class FallbackTeam {

        private final RoutingPolicy routing = DEFAULTS.toBuilder().teams(
                new Team("inside-sales-jp", Destination.INSIDE_SALES, Set.of("JP"), Segment.ANY),
                new Team("field-sales", Destination.FIELD_SALES, Set.of(), Segment.ANY),
                new Team("inside-sales-global", Destination.INSIDE_SALES, Set.of(), Segment.ANY))
                .build().routing();

        @Test
        void anUnroutedLeadGoesToTheFirstInsideSalesTeamForItsCountry() {
            assertThat(routing.fallbackTeam("JP", Segment.SMB)).map(Team::name).hasValue("inside-sales-jp");
            assertThat(routing.fallbackTeam("GB", Segment.ENTERPRISE)).map(Team::name).hasValue("inside-sales-global");
        }

        @Test
        void withoutAnInsideSalesTeamThereIsNoFallbackTeam() {
            RoutingPolicy fieldOnly = DEFAULTS.toBuilder()
                    .teams(new Team("field-sales", Destination.FIELD_SALES, Set.of(), Segment.ANY)).build().routing();

            assertThat(fieldOnly.fallbackTeam("JP", Segment.SMB)).isEmpty();
        }
    }

    @Nested
    class OneWayToChange {

        @Test
        void theBuilderChangesOnePartAndLeavesTheOthersEqual() {
            LeadPolicy adjusted = DEFAULTS.toBuilder().minimumEmployees(20).build();

            assertThat(adjusted.exclusion().minimumEmployees()).isEqualTo(20);
            assertThat(adjusted.urgency().levelFor(50)).isEqualTo(DEFAULTS.urgency().levelFor(50));
            assertThat(adjusted.routing().teams()).isEqualTo(DEFAULTS.routing().teams());
            assertThat(DEFAULTS.exclusion().minimumEmployees()).as("the preset is untouched").isEqualTo(10);
        }

        @Test
        void theDefaultsRebuiltUnchangedAreEqualToTheDefaults() {
            assertThat(DEFAULTS.toBuilder().build()).isEqualTo(DEFAULTS);
            assertThat(DEFAULTS.toBuilder().build().canonicalText()).isEqualTo(DEFAULTS.canonicalText());
        }

        @Test
        void aBuilderUsedAgainDoesNotChangeThePolicyItBuiltBefore() {
            LeadPolicy.Builder builder = DEFAULTS.toBuilder()
                    .competitorDomains("rival-crm.co.jp").sla(Destination.FIELD_SALES, Duration.ofHours(2));
            LeadPolicy first = builder.build();

            builder.competitorDomains("other-rival.example").sla(Destination.FIELD_SALES, Duration.ofHours(8))
                    .addFreeMailDomains("mail.isp-example.jp").minimumEmployees(50).build();

            assertThat(first.exclusion().competitorDomains()).containsExactly("rival-crm.co.jp");
            assertThat(first.routing().sla(Destination.FIELD_SALES)).isEqualTo(Duration.ofHours(2));
            assertThat(first.isFreeMailDomain("mail.isp-example.jp")).isFalse();
            assertThat(first.exclusion().minimumEmployees()).isEqualTo(10);
        }

        @Test
        void theFreeMailListIsAdjustedByAddingAndRemoving() {
            LeadPolicy adjusted = DEFAULTS.toBuilder()
                    .removeFreeMailDomains("nifty.com").addFreeMailDomains("mail.isp-example.jp").build();

            assertThat(adjusted.isFreeMailDomain("nifty.com")).isFalse();
            assertThat(adjusted.isFreeMailDomain("mail.isp-example.jp")).isTrue();
            assertThat(adjusted.isFreeMailDomain("gmail.com")).isTrue();
        }
    }
}
