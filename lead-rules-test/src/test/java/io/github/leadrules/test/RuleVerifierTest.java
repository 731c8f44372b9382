package io.github.leadrules.test;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kit itself: it passes when the rules do what the test says, and otherwise fails with a
 * message a marketing-ops engineer can act on (which lead, what was expected, what happened, which
 * rules fired and why), without a lead's personal data.
 */
class RuleVerifierTest {

    static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    /** A host rule, as a host would add it beside the packaged ones. */
    static final String PARTNER_RULE = """
            package com.example.host.rules;

            import io.github.leadrules.rules.LeadContext;

            // Leads our resellers register are theirs to work, not ours (パートナー案件).
            rule "Exclude leads registered by a reseller partner"
                @id("EXC-PARTNER-REGISTERED")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( "reseller" == attribute("registeredBy") )
            then
                $lead.exclude("Registered by a reseller partner");
            end
            """;

    static final RuleVerifier verifier = RuleVerifier.of(LeadQualifier.builder()
            .policy(LeadPolicy.defaults().toBuilder().competitorDomains("rival-crm.co.jp").build())
            .addRulesText("our-extra.drl", PARTNER_RULE)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build());

    /** 部長 at サンプル工業 asking for a demo within a month: IMMEDIATE, field sales. */
    static final Lead demoRequest = Lead.builder("L-1001")
            .contactName("山田 太郎")
            .email("taro.yamada@sample-kogyo.co.jp")
            .phone("03-1234-5678")
            .jobTitle("情報システム部 部長")
            .inquiryType(InquiryType.DEMO)
            .purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
            .consent(Consent.GIVEN)
            .submittedAt(NOW.minus(Duration.ofHours(2)))
            .company(Company.builder().name("サンプル工業株式会社").industry("製造業").employeeCount(1200)
                    .country("日本").build())
            .build();

    /** A competitor's employee requesting documents. */
    static final Lead competitor = Lead.builder("L-1002")
            .contactName("渡辺 健")
            .email("k.watanabe@rival-crm.co.jp")
            .inquiryType(InquiryType.DOCUMENT_REQUEST)
            .company(Company.builder().name("株式会社ライバルCRM").industry("情報通信業").employeeCount(300)
                    .country("JP").build())
            .build();

    /** An analyst at Globex downloading a white paper: LOW, nurture. */
    static final Lead whitePaper = Lead.builder("L-1003")
            .contactName("Jane Miller")
            .email("jane.miller@globex.example")
            .phone("+1 206-555-0142")
            .jobTitle("Operations Analyst")
            .inquiryType(InquiryType.WHITE_PAPER)
            .company(Company.builder().name("Globex Corporation").industry("Logistics").employeeCount(2400)
                    .country("USA").build())
            .build();

    /** A reseller-registered lead at Acme. */
    static final Lead resellerRegistered = Lead.builder("L-1004")
            .email("ken.ogawa@acme.example")
            .attribute("registeredBy", "reseller")
            .company(Company.builder().name("Acme Co., Ltd.").employeeCount(150).country("Japan").build())
            .build();

    /** A form submission whose e-mail address is malformed: INVALID, it never reaches the rules. */
    static final Lead malformedEmail = Lead.builder("L-1005")
            .email("taro.yamada@@sample-kogyo")
            .company(Company.named("サンプル工業株式会社"))
            .build();

    @Nested
    class RuleAssertions {

        @Test
        void passWhenTheRuleFiresExactlyWhereTheTestSays() {
            assertThatCode(() -> verifier.rule("EXC-COMPETITOR")
                    .given(demoRequest, competitor, whitePaper)
                    .firesFor(competitor).withReason("competitor")
                    .doesNotFireFor(demoRequest, whitePaper)
                    .firesOnlyFor(competitor))
                    .doesNotThrowAnyException();
        }

        @Test
        void checkHostRulesLikePackagedOnes() {
            assertThatCode(() -> verifier.rule("EXC-PARTNER-REGISTERED")
                    .given(resellerRegistered, demoRequest)
                    .firesFor(resellerRegistered).withReason("reseller")
                    .doesNotFireFor(demoRequest))
                    .doesNotThrowAnyException();
        }

        @Test
        void seeRoutingRulesWhoseProposalLost() {
            // A white paper at Globex fires both nurture rules; the same-industry case-study track wins,
            // yet the content rule did fire, and the kit sees it.
            assertThatCode(() -> verifier.rule("RTE-NURTURE-CONTENT")
                    .given(whitePaper, demoRequest)
                    .firesFor(whitePaper)
                    .doesNotFireFor(demoRequest))
                    .doesNotThrowAnyException();
        }

        @Test
        void failWhenTheRuleDoesNotFireNamingTheLeadAndTheRulesThatDid() {
            assertThatThrownBy(() -> verifier.rule("EXC-COMPETITOR").given(demoRequest).firesFor(demoRequest))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("EXC-COMPETITOR \"Exclude competitors\"")
                    .hasMessageContaining("expected EXC-COMPETITOR \"Exclude competitors\" to fire for lead L-1001, but it did not")
                    .hasMessageContaining("Lead L-1001 was QUALIFIED, urgency IMMEDIATE")
                    .hasMessageContaining("route FIELD_SALES (team field-sales-enterprise)")
                    .hasMessageContaining("Rules that fired for L-1001, in firing order:")
                    .hasMessageContaining("URG-SALES-REQUEST: Requested DEMO")
                    .hasMessageContaining("URG-TIMEFRAME-1-MONTH: Plans to buy within one month")
                    .hasMessageContaining("URG-DECISION-MAKER: Job title is a decision maker's")
                    .hasMessageContaining("RTE-FIELD-SALES: Urgent (IMMEDIATE) and a strong fit");
        }

        @Test
        void failWhenTheRuleFiresWhereItMustNotQuotingItsReason() {
            assertThatThrownBy(() -> verifier.rule("EXC-COMPETITOR").given(competitor).doesNotFireFor(competitor))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected EXC-COMPETITOR \"Exclude competitors\" not to fire for lead L-1002,"
                            + " but it fired: \"Company is a competitor\"")
                    .hasMessageContaining("Lead L-1002 was EXCLUDED")
                    .hasMessageContaining("RTE-EXCLUDED-NOWHERE: Excluded: not a sales lead");
        }

        @Test
        void reportEveryFailingLeadOfOneCallTogether() {
            assertThatThrownBy(() -> verifier.rule("URG-CONTENT-ONLY")
                    .given(demoRequest, competitor, whitePaper)
                    .firesForAll())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to fire for lead L-1001, but it did not")
                    .hasMessageContaining("to fire for lead L-1002, but it did not")
                    .message().doesNotContain("lead L-1003");
        }

        @Test
        void failFiresForNoneForTheLeadItFiredFor() {
            assertThatThrownBy(() -> verifier.rule("URG-CONTENT-ONLY").given(demoRequest, whitePaper).firesForNone())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("not to fire for lead L-1003, but it fired: \"Content interest only (WHITE_PAPER)\"")
                    .message().doesNotContain("lead L-1001");
        }

        @Test
        void failFiresOnlyForWhenItAlsoFiresForAnotherLead() {
            assertThatThrownBy(() -> verifier.rule("URG-SALES-REQUEST")
                    .given(demoRequest, competitor, whitePaper)
                    .firesOnlyFor(competitor))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to fire for lead L-1002, but it did not")
                    .hasMessageContaining("not to fire for lead L-1001, but it fired: \"Requested DEMO\"");
        }

        @Test
        void failWithReasonShowingTheReasonGiven() {
            assertThatThrownBy(() -> verifier.rule("EXC-COMPETITOR").given(competitor)
                    .firesFor(competitor).withReason("rival"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected the reason of EXC-COMPETITOR \"Exclude competitors\" for lead L-1002"
                            + " to contain \"rival\", but it was \"Company is a competitor\"");
        }

        @Test
        void failWithReasonForARoutingProposalThatLostSayingWhy() {
            assertThatThrownBy(() -> verifier.rule("RTE-NURTURE-CONTENT").given(whitePaper)
                    .firesFor(whitePaper).withReason("content nurture"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("its route proposal lost to RTE-NURTURE-CASE-STUDY")
                    .hasMessageContaining("RTE-NURTURE-CONTENT: (route proposal lost to RTE-NURTURE-CASE-STUDY)");
        }

        @Test
        void refuseWithReasonThatFollowsNoFiresFor() {
            RuleAssert assertion = verifier.rule("EXC-COMPETITOR").given(competitor, demoRequest).doesNotFireFor(demoRequest);

            assertThatIllegalStateException().isThrownBy(() -> assertion.withReason("competitor"))
                    .withMessageContaining("withReason(\"competitor\")")
                    .withMessageContaining("firesFor(..)");
        }

        @Test
        void failBothWaysForALeadThatNeverReachedTheRules() {
            assertThatThrownBy(() -> verifier.rule("EXC-COMPETITOR").given(malformedEmail, demoRequest)
                    .doesNotFireFor(malformedEmail))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("not to fire for lead L-1005, but the lead never reached the rules")
                    .hasMessageContaining("Lead L-1005 was INVALID and never reached the rules; field errors: [email:MALFORMED]");
            assertThatThrownBy(() -> verifier.rule("EXC-COMPETITOR").given(malformedEmail).firesFor(malformedEmail))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to fire for lead L-1005, but the lead never reached the rules");
        }

        @Test
        void refuseAnUnknownRuleIdAtOnceListingTheKnownIds() {
            assertThatIllegalArgumentException().isThrownBy(() -> verifier.rule("EXC-COMPETITORS"))
                    .withMessageContaining("rule(\"EXC-COMPETITORS\"): no rule of this rule set has that id")
                    .withMessageContaining("EXC-COMPETITOR,")
                    .withMessageContaining("EXC-PARTNER-REGISTERED")
                    .withMessageContaining("RTE-NURTURE-CONTENT");
        }

        @Test
        void refuseLeadsItCannotTellApart() {
            Lead sameId = competitor.toBuilder().email("k.watanabe@rival-crm.co.jp").jobTitle("営業部").build();

            assertThatIllegalArgumentException().isThrownBy(() -> verifier.rule("EXC-COMPETITOR").given(competitor, sameId))
                    .withMessageContaining("two leads have the id L-1002");
            assertThatIllegalArgumentException().isThrownBy(() -> verifier.rule("EXC-COMPETITOR").given(List.of()))
                    .withMessageContaining("at least one lead");
        }

        @Test
        void refuseALeadThatWasNotGiven() {
            assertThatIllegalArgumentException().isThrownBy(() -> verifier.rule("EXC-COMPETITOR").given(competitor)
                            .firesFor(demoRequest))
                    .withMessageContaining("firesFor: lead L-1001 was not among the leads given to rule EXC-COMPETITOR; given: [L-1002]");
        }

        @Test
        void putTheAssertionDescriptionInFront() {
            assertThatThrownBy(() -> verifier.rule("EXC-COMPETITOR").given(demoRequest)
                    .as("round 2, one lead per session").firesFor(demoRequest))
                    .hasMessageStartingWith("[round 2, one lead per session] Rule EXC-COMPETITOR");
        }

        @Test
        void neverShowALeadsPersonalDataInMessages() {
            Throwable error = catchAssertion(() -> verifier.rule("EXC-COMPETITOR").given(demoRequest, whitePaper)
                    .firesForAll());

            assertThat(error.getMessage())
                    .contains("L-1001", "L-1003")
                    .doesNotContain("taro.yamada", "山田", "03-1234-5678", "jane.miller", "Jane Miller", "555-0142");
        }

        @Test
        void keepPercentSignsInReasonsLiteral() {
            // AssertJ formats messages; a reason or a substring with % must come through unchanged.
            assertThatThrownBy(() -> verifier.rule("EXC-COMPETITOR").given(competitor)
                    .firesFor(competitor).withReason("100%s sure"))
                    .hasMessageContaining("to contain \"100%s sure\"");
        }
    }

    @Nested
    class PipelineAssertions {

        @Test
        void passWhenTheWholeDecisionIsAsTheTestSays() {
            assertThatCode(() -> verifier.pipeline().given(demoRequest)
                    .yields(Outcome.QUALIFIED)
                    .withExclusions()
                    .withUrgency(UrgencyLevel.IMMEDIATE)
                    .withHorizon(PurchaseTimeframe.WITHIN_1_MONTH)
                    .routedTo(Destination.FIELD_SALES)
                    .withTeam("field-sales-enterprise")
                    .withSlaDeadline(NOW.plus(Duration.ofHours(1)))
                    .withReasons("URG-SALES-REQUEST", "URG-TIMEFRAME-1-MONTH", "URG-DECISION-MAKER", "RTE-FIELD-SALES")
                    .withReason("RTE-FIELD-SALES", "strong fit")
                    .withoutReasons("URG-DOCUMENT-REQUEST-CAP"))
                    .doesNotThrowAnyException();
            assertThatCode(() -> verifier.pipeline().given(whitePaper)
                    .yields(Outcome.QUALIFIED)
                    .withUrgency(UrgencyLevel.LOW)
                    .routedTo(Destination.NURTURE)
                    .withNurtureTrack("case-study-logistics")
                    .withRulesFired("RTE-NURTURE-CASE-STUDY", "RTE-NURTURE-CONTENT"))
                    .doesNotThrowAnyException();
        }

        @Test
        void aReloadableQualifierIsVerifiedAsItServes() {
            try (ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(() -> LeadQualifier.builder()
                    .addRulesText("our-extra.drl", PARTNER_RULE)
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .build())) {
                RuleVerifier fromReloadable = RuleVerifier.of(reloadable);

                assertThat(fromReloadable.qualifier()).isSameAs(reloadable);
                assertThat(fromReloadable.ruleIds()).contains("EXC-PARTNER-REGISTERED");
                assertThatCode(() -> fromReloadable.rule("EXC-PARTNER-REGISTERED")
                        .given(resellerRegistered, demoRequest)
                        .firesFor(resellerRegistered).withReason("reseller")
                        .doesNotFireFor(demoRequest))
                        .doesNotThrowAnyException();
                assertThatCode(() -> fromReloadable.pipeline().given(demoRequest)
                        .yields(Outcome.QUALIFIED).routedTo(Destination.FIELD_SALES))
                        .doesNotThrowAnyException();
            }
        }

        @Test
        void aDisabledPackagedRuleCanBeNamedAsAbsentButNotAsPresent() {
            RuleVerifier withoutBurst = RuleVerifier.of(LeadQualifier.builder()
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC)).disableRule("URG-DECISION-MAKER").build());

            assertThatCode(() -> withoutBurst.pipeline().given(demoRequest)
                    .withoutReasons("URG-DECISION-MAKER").withoutRulesFired("URG-DECISION-MAKER"))
                    .doesNotThrowAnyException();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> withoutBurst.pipeline().given(demoRequest).withReasons("URG-DECISION-MAKER"))
                    .withMessageContaining("no rule of this rule set has that id");
        }

        @Test
        void withoutRulesFiredFailsNamingTheRuleThatDidFire() {
            assertThatThrownBy(() -> verifier.pipeline().given(whitePaper).withoutRulesFired("RTE-NURTURE-CONTENT"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("L-1003")
                    .hasMessageContaining("[RTE-NURTURE-CONTENT] fired");
        }

        @Test
        void theOwnerReasonSaysWhyTheAssignmentChoseTheOwner() {
            assertThatThrownBy(() -> verifier.pipeline().given(demoRequest).withOwnerReason("ASSIGN-ROUND-ROBIN"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("owner reason ASSIGN-ROUND-ROBIN")
                    .hasMessageContaining("the route has no owner reason");
        }

        @Test
        void failOnTheWrongUrgencyNamingLeadExpectedActualAndRules() {
            assertThatThrownBy(() -> verifier.pipeline().given(demoRequest).yields(Outcome.QUALIFIED)
                    .withUrgency(UrgencyLevel.HIGH))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Lead L-1001: expected urgency HIGH, but was IMMEDIATE.")
                    .hasMessageContaining("urgency IMMEDIATE (score 105, horizon WITHIN_1_MONTH)")
                    .hasMessageContaining("URG-SALES-REQUEST: Requested DEMO");
        }

        @Test
        void failOnTheWrongScoreNamingExpectedAndActualPoints() {
            assertThatCode(() -> verifier.pipeline().given(demoRequest).withScore(105)).doesNotThrowAnyException();
            assertThatThrownBy(() -> verifier.pipeline().given(demoRequest).withScore(100))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Lead L-1001: expected urgency score 100, but it was 105.")
                    .hasMessageContaining("URG-DECISION-MAKER: ");
        }

        @Test
        void failOnTheWrongRouteShowingWhereItWent() {
            assertThatThrownBy(() -> verifier.pipeline().given(competitor).routedTo(Destination.INSIDE_SALES))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Lead L-1002: expected to be routed to INSIDE_SALES, but it was routed to NONE.")
                    .hasMessageContaining("RTE-EXCLUDED-NOWHERE: Excluded: not a sales lead");
        }

        @Test
        void failOnTheWrongTeam() {
            assertThatThrownBy(() -> verifier.pipeline().given(demoRequest).withTeam("field-sales"))
                    .hasMessageContaining("Lead L-1001: expected team field-sales, but the team was field-sales-enterprise.");
        }

        @Test
        void failOnExclusionsThatAreNotExactlyThese() {
            assertThatThrownBy(() -> verifier.pipeline().given(competitor).withExclusions())
                    .hasMessageContaining("Lead L-1002: expected no exclusion, but they were [EXC-COMPETITOR].");
            assertThatThrownBy(() -> verifier.pipeline().given(demoRequest).withExclusions("EXC-COMPETITOR"))
                    .hasMessageContaining("Lead L-1001: expected exactly the exclusions [EXC-COMPETITOR], but there was none.");
        }

        @Test
        void failOnMissingReasonsNamingThem() {
            assertThatThrownBy(() -> verifier.pipeline().given(whitePaper)
                    .withReasons("URG-CONTENT-ONLY", "RTE-NURTURE-CONTENT"))
                    .hasMessageContaining("Lead L-1003: expected reasons from [URG-CONTENT-ONLY, RTE-NURTURE-CONTENT],"
                            + " but there was none from [RTE-NURTURE-CONTENT].")
                    .hasMessageContaining("RTE-NURTURE-CONTENT: (route proposal lost to RTE-NURTURE-CASE-STUDY)");
        }

        @Test
        void failOnTheWrongOutcomeOfAnInvalidLeadShowingItsFieldErrors() {
            assertThatThrownBy(() -> verifier.pipeline().given(malformedEmail).yields(Outcome.QUALIFIED))
                    .hasMessageContaining("Lead L-1005: expected outcome QUALIFIED, but was INVALID.")
                    .hasMessageContaining("field errors: [email:MALFORMED]");
            assertThatCode(() -> verifier.pipeline().given(malformedEmail)
                    .yields(Outcome.INVALID).withFieldErrors("email:MALFORMED").routedTo(Destination.NONE))
                    .doesNotThrowAnyException();
        }

        @Test
        void refuseAnUnknownReasonIdSoThatAbsenceCannotPassByTypo() {
            assertThatIllegalArgumentException().isThrownBy(() -> verifier.pipeline().given(demoRequest)
                            .withoutReasons("URG-DOCUMENT-REQUEST-CAPP"))
                    .withMessageContaining("withoutReasons(\"URG-DOCUMENT-REQUEST-CAPP\"): no rule of this rule set has that id");
        }

        @Test
        void carryExpectedAndActualForIdeDiffs() {
            Throwable error = catchAssertion(() -> verifier.pipeline().given(demoRequest).withUrgency(UrgencyLevel.HIGH));

            assertThat(error).isInstanceOf(org.opentest4j.AssertionFailedError.class);
            org.opentest4j.AssertionFailedError failed = (org.opentest4j.AssertionFailedError) error;
            assertThat(failed.getExpected().getValue()).isEqualTo(UrgencyLevel.HIGH);
            assertThat(failed.getActual().getValue()).isEqualTo(UrgencyLevel.IMMEDIATE);
        }
    }

    private static Throwable catchAssertion(Runnable assertion) {
        try {
            assertion.run();
        } catch (AssertionError e) {
            return e;
        }
        throw new AssertionError("the assertion was expected to fail, and passed");
    }
}
