package io.github.leadrules;

import io.github.leadrules.InvalidRulesException.Problem;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The builder: host DRL joins the packaged stages and decides; broken host DRL fails the build
 * naming file, line and rule; rule-set mistakes (no id, no stage, duplicate id, wrong stage for an
 * id, unknown disabled id) fail with a precise message; disabled rules stop deciding; and the
 * fingerprint follows the rules and the policy.
 */
class LeadQualifierBuilderTest {

    private static final String HEADER = """
            package com.example.leads;

            import io.github.leadrules.rules.LeadContext;
            import io.github.leadrules.rules.Assessment;
            import io.github.leadrules.model.Destination;

            """;

    /** Line 7 onwards: the first rule's keyword is on line 8 of a host file that starts with HEADER. */
    private static final String PARTNER_RULE = """
            // Deals a reseller registered are the reseller's, not new leads for us.
            rule "Exclude leads a reseller has registered"
                @id("EXC-HOST-PARTNER-REGISTERED")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( attribute("partnerDeal") == "registered" )
            then
                $lead.exclude("Registered by a reseller as its own deal");
            end
            """;

    private static final String TRADE_SHOW_RULE = """
            // Someone who stopped at our booth and scanned a badge is warmer than a web visitor.
            rule "Raise urgency for trade-show booth visitors"
                @id("URG-HOST-BOOTH-VISIT")
                ruleflow-group "urgency"
            when
                $lead : LeadContext( attribute("boothVisit") == "yes" )
            then
                $lead.addUrgency(30, "Visited our booth at the trade show");
            end
            """;

    private static final String STRATEGIC_ROUTE_RULE = """
            // Strategic accounts go to the strategic desk, whatever else applies.
            rule "Send strategic accounts to the strategic desk"
                @id("RTE-HOST-STRATEGIC-DESK")
                ruleflow-group "routing"
                salience 200
            when
                $a : Assessment( !excluded, context.attribute("tier") == "strategic" )
            then
                $a.routeToTeam(Destination.FIELD_SALES, "strategic-desk", "Strategic account");
            end
            """;

    /** The three host rules above in one file; compiled once for the tests that only read it. */
    private static final String HOST_RULES = HEADER + PARTNER_RULE + TRADE_SHOW_RULE + STRATEGIC_ROUTE_RULE;

    @TempDir
    Path folder;

    private static LeadQualifier withHostRules() {
        return Shared.WITH_HOST_RULES;
    }

    private static LeadQualifier withoutStudentRule() {
        return Shared.WITHOUT_STUDENT_RULE;
    }

    private static final class Shared {
        static final LeadQualifier WITH_HOST_RULES = Fixtures.builder().addRulesText("host/our-rules.drl", HOST_RULES).build();
        static final LeadQualifier WITHOUT_STUDENT_RULE = Fixtures.builder().disableRule("EXC-STUDENT").build();
    }

    // ------------------------------------------------------------------ host rules join the stages

    @Test
    void hostRulesGivenAsTextJoinTheirStagesAndDecide() {
        LeadQualifier qualifier = withHostRules();

        Lead registered = Fixtures.documentRequestAlone("JP-H1").toBuilder().attribute("partnerDeal", "registered").build();
        Lead boothVisitor = Fixtures.documentRequestAlone("JP-H2").toBuilder()
                .attribute("boothVisit", "yes").purchaseTimeframe(io.github.leadrules.model.PurchaseTimeframe.WITHIN_3_MONTHS)
                .build();
        Lead strategic = Fixtures.whitePaper("JP-H3").toBuilder().attribute("tier", "strategic").build();
        Lead plain = Fixtures.documentRequestAlone("JP-H4");
        List<Qualification> qs = qualifier.qualifyAll(List.of(registered, boothVisitor, strategic, plain));

        assertThat(qs.get(0).outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(qs.get(0).reasonIds()).containsExactly("EXC-HOST-PARTNER-REGISTERED", "URG-DOCUMENT-REQUEST",
                "URG-DOCUMENT-REQUEST-CAP", "RTE-EXCLUDED-NOWHERE");
        assertThat(qs.get(0).exclusions().get(0).message()).isEqualTo("Registered by a reseller as its own deal");

        // 25 (document request) + 25 (three months) + 30 (booth) = 80: IMMEDIATE, and the cap no longer applies.
        assertThat(Decision.of(qs.get(1))).isEqualTo(Decision.expect(Outcome.QUALIFIED)
                .urgency(UrgencyLevel.IMMEDIATE, io.github.leadrules.model.PurchaseTimeframe.WITHIN_3_MONTHS)
                .route(Destination.FIELD_SALES, "field-sales-jp").sla(java.time.Duration.ofHours(1))
                .because("URG-DOCUMENT-REQUEST", "URG-HOST-BOOTH-VISIT", "URG-TIMEFRAME-3-MONTHS", "RTE-FIELD-SALES"));

        assertThat(Decision.of(qs.get(2))).isEqualTo(Decision.expect(Outcome.QUALIFIED)
                .urgency(UrgencyLevel.LOW)
                .route(Destination.FIELD_SALES, "strategic-desk").sla(java.time.Duration.ofHours(4))
                .because("URG-CONTENT-ONLY", "RTE-HOST-STRATEGIC-DESK"));

        assertThat(qs.get(3)).usingRecursiveComparison().ignoringFields("fingerprint")
                .isEqualTo(Fixtures.qualifier().qualify(plain));
    }

    @Test
    void hostRulesAppearInTheCatalogueWithTheirFileLineCommentAndSalience() {
        LeadQualifier qualifier = withHostRules();
        assertThat(qualifier.rules()).contains(
                new RuleDescription("EXC-HOST-PARTNER-REGISTERED", Stage.EXCLUSION, "Exclude leads a reseller has registered",
                        "Deals a reseller registered are the reseller's, not new leads for us.", "host/our-rules.drl", 8, 0),
                new RuleDescription("RTE-HOST-STRATEGIC-DESK", Stage.ROUTING, "Send strategic accounts to the strategic desk",
                        "Strategic accounts go to the strategic desk, whatever else applies.", "host/our-rules.drl", 26, 200));
        assertThat(qualifier.rules()).extracting(RuleDescription::stage).isSorted();
        assertThat(qualifier.rules()).hasSize(Fixtures.qualifier().rules().size() + 3);
    }

    @Test
    void hostRulesAddedFromAFileAndFromAFolderDecide() throws IOException {
        Path file = write("our-exclusions.drl", HEADER + PARTNER_RULE);
        Path rulesFolder = Files.createDirectories(folder.resolve("rules/more"));
        Files.writeString(rulesFolder.resolve("booth.drl"), HEADER + TRADE_SHOW_RULE, StandardCharsets.UTF_8);
        Files.writeString(rulesFolder.resolve("README.md"), "not a rule file", StandardCharsets.UTF_8);

        LeadQualifier qualifier = Fixtures.builder().addRules(file).addRules(folder.resolve("rules")).build();

        assertThat(qualifier.rules()).filteredOn(r -> r.id().contains("-HOST-"))
                .extracting(RuleDescription::id, RuleDescription::source)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("EXC-HOST-PARTNER-REGISTERED", file.toString()),
                        org.assertj.core.groups.Tuple.tuple("URG-HOST-BOOTH-VISIT", rulesFolder.resolve("booth.drl").toString()));
        Qualification q = qualifier.qualify(Fixtures.documentRequestAlone("JP-H5").toBuilder()
                .attribute("partnerDeal", "registered").attribute("boothVisit", "yes").build());
        assertThat(q.reasonIds()).containsExactly("EXC-HOST-PARTNER-REGISTERED", "URG-DOCUMENT-REQUEST",
                "URG-DOCUMENT-REQUEST-CAP", "URG-HOST-BOOTH-VISIT", "RTE-EXCLUDED-NOWHERE");
    }

    // ------------------------------------------------------------------ broken host DRL

    @Test
    void aSyntaxErrorNamesTheHostFileLineAndRule() throws IOException {
        Path file = write("broken-syntax.drl", HEADER + """
                rule "Exclude leads from a fair we did not attend"
                    @id("EXC-HOST-WRONG-FAIR")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( attribute("fair") ==
                then
                    $lead.exclude("Wrong fair");
                end
                """);
        InvalidRulesException e = buildFails(Fixtures.builder().addRules(file));
        Problem p = onlyProblem(e);
        assertThat(p.file()).isEqualTo(file.toString());
        assertThat(p.line()).isBetween(11, 13);
        assertThat(p.rule()).isEqualTo("Exclude leads from a fair we did not attend");
        assertThat(e.getMessage()).contains(file + ":" + p.line()).contains("Exclude leads from a fair we did not attend");
    }

    @Test
    void anUnknownFieldNamesTheHostFileLineAndTheField() {
        InvalidRulesException e = buildFails(Fixtures.builder().addRulesText("host/unknown-field.drl", HEADER + """
                rule "Exclude leads with the wrong shoe size"
                    @id("EXC-HOST-SHOE-SIZE")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( shoeSize > 44 )
                then
                    $lead.exclude("Shoe size");
                end
                """));
        Problem p = onlyProblem(e);
        assertThat(p).extracting(Problem::file, Problem::line, Problem::rule)
                .containsExactly("host/unknown-field.drl", 11, "Exclude leads with the wrong shoe size");
        assertThat(p.message()).contains("shoeSize");
        assertThat(e.getMessage()).contains("host/unknown-field.drl:11").contains("shoeSize");
    }

    @Test
    void aConsequenceThatDoesNotCompileNamesTheHostFileLineAndTheMethod() {
        InvalidRulesException e = buildFails(Fixtures.builder().addRulesText("host/bad-consequence.drl", HEADER + """
                rule "Exclude leads loudly"
                    @id("EXC-HOST-LOUD")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( hasEmail )
                then
                    $lead.excludeLoudly(42);
                end
                """));
        Problem p = onlyProblem(e);
        assertThat(p).extracting(Problem::file, Problem::rule).containsExactly("host/bad-consequence.drl", "Exclude leads loudly");
        assertThat(p.line()).isBetween(8, 14);
        assertThat(p.message()).contains("excludeLoudly");
        assertThat(e.getMessage()).contains("host/bad-consequence.drl:" + p.line()).contains("excludeLoudly");
    }

    @Test
    void aRuleWithoutAnIdFails() {
        InvalidRulesException e = buildFails(Fixtures.builder().addRulesText("host/no-id.drl", HEADER + """
                rule "Exclude leads without a source"
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( lead.source == null )
                then
                    $lead.exclude("No source");
                end
                """));
        assertThat(onlyProblem(e)).extracting(Problem::file, Problem::line, Problem::rule)
                .containsExactly("host/no-id.drl", 7, "Exclude leads without a source");
        assertThat(e.getMessage()).contains("host/no-id.drl:7").contains("has no stable id").contains("@id(");
    }

    @Test
    void aRuleWithoutAStageFails() {
        InvalidRulesException e = buildFails(Fixtures.builder().addRulesText("host/no-stage.drl", HEADER + """
                rule "Exclude leads without a source"
                    @id("EXC-HOST-NO-SOURCE")
                when
                    $lead : LeadContext( lead.source == null )
                then
                    $lead.exclude("No source");
                end
                """));
        assertThat(onlyProblem(e)).extracting(Problem::file, Problem::line, Problem::rule)
                .containsExactly("host/no-stage.drl", 7, "Exclude leads without a source");
        assertThat(e.getMessage()).contains("EXC-HOST-NO-SOURCE has no stage").contains("ruleflow-group \"exclusion\"");
    }

    @Test
    void anIdAlreadyUsedByAPackagedRuleFailsNamingBothPlaces() {
        InvalidRulesException e = buildFails(Fixtures.builder().addRulesText("host/duplicate-id.drl", HEADER + """
                rule "Exclude our competitors' partners too"
                    @id("EXC-COMPETITOR")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( attribute("partnerOf") == "rival" )
                then
                    $lead.exclude("Partner of a competitor");
                end
                """));
        Problem p = onlyProblem(e);
        assertThat(p).extracting(Problem::file, Problem::line).containsExactly("host/duplicate-id.drl", 7);
        assertThat(p.message()).contains("duplicate rule id EXC-COMPETITOR").contains("Exclude competitors")
                .contains("io/github/leadrules/rules/exclusion.drl");
    }

    @Test
    void anExclusionIdInTheRoutingStageFails() {
        InvalidRulesException e = buildFails(Fixtures.builder().addRulesText("host/wrong-stage.drl", HEADER + """
                rule "Send resellers nowhere"
                    @id("EXC-HOST-RESELLER")
                    ruleflow-group "routing"
                when
                    $a : Assessment( context.attribute("reseller") == "yes" )
                then
                    $a.routeNowhere("Reseller");
                end
                """));
        Problem p = onlyProblem(e);
        assertThat(p).extracting(Problem::file, Problem::line, Problem::rule)
                .containsExactly("host/wrong-stage.drl", 7, "Send resellers nowhere");
        assertThat(p.message()).isEqualTo("rule EXC-HOST-RESELLER is in the routing stage but its id prefix says exclusion");
    }

    @Test
    void disablingAnUnknownIdFailsAndListsTheKnownIds() {
        InvalidRulesException e = buildFails(Fixtures.builder().disableRule("EXC-STUDENTS"));
        Problem p = onlyProblem(e);
        assertThat(p.file()).isEqualTo("(builder)");
        assertThat(p.message()).startsWith("disableRule(\"EXC-STUDENTS\"): no rule has this id").contains("EXC-STUDENT,");
    }

    @Test
    void aMissingRuleFileOrResourceFailsNamingIt() {
        Path missing = folder.resolve("no-such-rules.drl");
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> Fixtures.builder().addRules(missing));
        assertThat(onlyProblem(e).file()).isEqualTo(missing.toString());
        assertThat(e.getMessage()).contains("no-such-rules.drl").contains("cannot read");

        InvalidRulesException r = catchThrowableOfType(InvalidRulesException.class,
                () -> Fixtures.builder().addRules("rules/no-such-rules.drl"));
        assertThat(onlyProblem(r).file()).isEqualTo("rules/no-such-rules.drl");
        assertThat(r.getMessage()).contains("no such resource on the classpath");
    }

    @Test
    void builderSettingsOutOfRangeFailNamingTheSetting() {
        assertThatThrownBy(() -> LeadQualifier.builder().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> LeadQualifier.builder().maxRuleFiringsPerLead(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRuleFiringsPerLead");
        assertThatThrownBy(() -> LeadQualifier.builder().policy(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("policy");
    }

    // ------------------------------------------------------------------ disabling rules

    @Test
    void aDisabledRuleNoLongerFiresAndLeavesTheCatalogue() {
        LeadQualifier withoutStudentRule = withoutStudentRule();
        Lead student = Fixtures.student("JP-D1");

        assertThat(Fixtures.qualifier().qualify(student).exclusionIds()).containsExactly("EXC-STUDENT");
        QualificationTrace trace = withoutStudentRule.trace(List.of(student)).get(0);
        assertThat(trace.fired("EXC-STUDENT")).isFalse();
        assertThat(Decision.of(trace.qualification())).isEqualTo(Decision.expect(Outcome.QUALIFIED)
                .urgency(UrgencyLevel.LOW)
                .route(Destination.NURTURE, "marketing-nurture").track("white-paper-series").sla(java.time.Duration.ofHours(72))
                .because("URG-CONTENT-ONLY", "RTE-NURTURE-CONTENT"));
        assertThat(withoutStudentRule.rules()).extracting(RuleDescription::id)
                .doesNotContain("EXC-STUDENT").contains("EXC-COMPETITOR");
        assertThat(withoutStudentRule.fingerprint()).isNotEqualTo(Fixtures.qualifier().fingerprint());
    }

    // ------------------------------------------------------------------ fingerprint

    @Test
    void equalRulesAndEqualPoliciesGiveEqualFingerprints() {
        // The same policy as the fixtures', written differently: other spellings, other order, from scratch.
        LeadPolicy samePolicy = LeadPolicy.defaults().toBuilder()
                .teams(Fixtures.TEAMS.toArray(new io.github.leadrules.policy.Team[0]))
                .targetCountries("United Kingdom", "USA", "日本")
                .competitorDomains("RIVAL.example", "kyogo-soft.co.jp")
                .ownDomains("leadrules-saas.co.jp").build();
        assertThat(samePolicy).isEqualTo(Fixtures.POLICY);
        LeadQualifier again = LeadQualifier.builder().policy(samePolicy).addRulesText("host/our-rules.drl", HOST_RULES)
                .batchSize(7).build();

        assertThat(again.fingerprint()).isEqualTo(withHostRules().fingerprint()).matches("[0-9a-f]{16}");
        assertThat(again.qualify(Fixtures.manufacturerDemo("JP-F1")).fingerprint()).isEqualTo(again.fingerprint());
    }

    @Test
    void theFingerprintChangesWithThePolicyTheHostRulesAndTheDisabledRules() {
        String base = Fixtures.qualifier().fingerprint();
        String otherPolicy = Fixtures.builder().policy(Fixtures.POLICY.toBuilder().minimumEmployees(20).build()).build().fingerprint();
        String editedRules = Fixtures.builder()
                .addRulesText("host/our-rules.drl", HOST_RULES.replace("registered\"", "registered-2026\""))
                .build().fingerprint();
        assertThat(List.of(base, otherPolicy, withHostRules().fingerprint(), editedRules,
                withoutStudentRule().fingerprint())).doesNotHaveDuplicates();
    }

    // ------------------------------------------------------------------ helpers

    private Path write(String name, String drl) throws IOException {
        return Files.writeString(folder.resolve(name), drl, StandardCharsets.UTF_8);
    }

    private static InvalidRulesException buildFails(LeadQualifier.Builder builder) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, builder::build);
        assertThat(e).as("the build should fail").isNotNull();
        return e;
    }

    private static Problem onlyProblem(InvalidRulesException e) {
        assertThat(e).isNotNull();
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        return e.problems().get(0);
    }
}
