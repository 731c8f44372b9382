package io.github.leadrules.policy;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Host rules on the builder: adding, replacing a packaged file, and the build errors a host sees
 * when its DRL is wrong. (Kept with the policy tests: host rules are the other half of customising.)
 */
class HostRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    private static final String HEADER = """
            package com.example.leads;

            import io.github.leadrules.rules.LeadContext;
            import io.github.leadrules.rules.Assessment;
            import io.github.leadrules.model.Destination;

            """;

    private static final String TRADE_SHOW_RULE = HEADER + """
            // Badge scans from our own booth staff are not leads.
            rule "Exclude booth staff badge scans"
                @id("EXC-BOOTH-STAFF")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( lead.source == "trade-show", titleKey == "booth staff" )
            then
                $lead.exclude("Booth staff badge scan");
            end
            """;

    private static final Lead ACME_DEMO = Lead.builder("L-EN-1").email("jane@acme.example")
            .source("trade-show").jobTitle("Booth Staff").inquiryType(InquiryType.DEMO)
            .company(Company.builder().name("Acme Co., Ltd.").employeeCount(250).country("US").build()).build();

    private static InvalidRulesException buildFailure(LeadQualifier.Builder builder) {
        try {
            builder.build();
        } catch (InvalidRulesException e) {
            return e;
        }
        throw new AssertionError("the rules built, but they should not have");
    }

    private static String rule(String name, String id, String stage, String when, String then) {
        return "rule \"" + name + "\"\n    @id(\"" + id + "\")\n    ruleflow-group \"" + stage + "\"\nwhen\n    "
                + when + "\nthen\n    " + then + "\nend\n";
    }

    @Test
    void aHostRuleJoinsItsStageBesideThePackagedRules() {
        LeadQualifier qualifier = LeadQualifier.builder().clock(CLOCK)
                .addRulesText("rules/trade-show.drl", TRADE_SHOW_RULE).build();

        Qualification q = qualifier.qualify(ACME_DEMO);

        assertThat(q.outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(q.exclusionIds()).containsExactly("EXC-BOOTH-STAFF");
        assertThat(q.route().destination()).isEqualTo(Destination.NONE);
        assertThat(q.urgency().level()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(qualifier.rules()).filteredOn(r -> r.id().equals("EXC-BOOTH-STAFF")).singleElement()
                .satisfies(r -> {
                    assertThat(r.source()).isEqualTo("rules/trade-show.drl");
                    assertThat(r.line()).isEqualTo(8);
                    assertThat(r.description()).isEqualTo("Badge scans from our own booth staff are not leads.");
                });
    }

    @Test
    void replaceStageSwapsAWholePackagedFileAndFreesItsIdsAndNames() {
        String routing = HEADER + rule("Send leads from known accounts to the account owner", "RTE-KNOWN-ACCOUNT-OWNER",
                "routing", "$a : Assessment( )", "$a.routeTo(Destination.INSIDE_SALES, \"Inside sales sees every lead first\");");
        LeadQualifier qualifier = LeadQualifier.builder().clock(CLOCK)
                .replaceStageText(Stage.ROUTING, "rules/routing-inside-first.drl", routing).build();

        Qualification q = qualifier.qualify(ACME_DEMO.toBuilder().jobTitle("VP Sales").build());

        assertThat(qualifier.rules()).filteredOn(r -> r.stage() == Stage.ROUTING).extracting(RuleDescription::id)
                .containsExactly("RTE-KNOWN-ACCOUNT-OWNER");
        assertThat(qualifier.rules()).filteredOn(r -> r.stage() == Stage.EXCLUSION).isNotEmpty();
        assertThat(q.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(q.route().destination()).isEqualTo(Destination.INSIDE_SALES);
        assertThat(q.reasonIds()).endsWith("RTE-KNOWN-ACCOUNT-OWNER");
    }

    @Test
    void replaceStageReadsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("exclusion.drl");
        Files.writeString(file, TRADE_SHOW_RULE);

        LeadQualifier qualifier = LeadQualifier.builder().replaceStage(Stage.EXCLUSION, file).build();

        assertThat(qualifier.rules()).filteredOn(r -> r.stage() == Stage.EXCLUSION).extracting(RuleDescription::id)
                .containsExactly("EXC-BOOTH-STAFF");
    }

    @Test
    void aStageIsReplacedOnceAndOnlyRuleStagesCanBe() {
        LeadQualifier.Builder builder = LeadQualifier.builder().replaceStageText(Stage.ROUTING, "a.drl", HEADER);

        assertThatThrownBy(() -> builder.replaceStageText(Stage.ROUTING, "b.drl", HEADER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already replaced by a.drl");
        assertThatThrownBy(() -> LeadQualifier.builder().replaceStageText(Stage.VALIDATION, "v.drl", HEADER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXCLUSION, URGENCY or ROUTING");
    }

    @Test
    void aRuleNameUsedByAPackagedRuleFailsEvenInAnotherPackage() {
        String drl = HEADER + "\n" + rule("Exclude competitors", "EXC-OUR-COMPETITORS", "exclusion",
                "$lead : LeadContext( hasEmail )", "$lead.exclude(\"x\");");

        InvalidRulesException e = buildFailure(LeadQualifier.builder().addRulesText("rules/competitors.drl", drl));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/competitors.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.rule()).isEqualTo("Exclude competitors");
            assertThat(p.message()).startsWith("duplicate rule name: also declared at io/github/leadrules/rules/exclusion.drl:");
        });
    }

    @Test
    void aRuleNameUsedTwiceByTheHostNamesBothFiles() {
        String first = HEADER + rule("Boost partner referrals", "URG-PARTNER-A", "urgency",
                "$lead : LeadContext( hasEmail )", "$lead.addUrgency(5, \"partner\");");
        String second = HEADER + rule("Boost partner referrals", "URG-PARTNER-B", "urgency",
                "$lead : LeadContext( hasEmail )", "$lead.addUrgency(5, \"partner\");");

        InvalidRulesException e = buildFailure(LeadQualifier.builder()
                .addRulesText("rules/a.drl", first).addRulesText("rules/b.drl", second));

        assertThat(e.problems()).singleElement().hasToString(
                "rules/b.drl:7:1 [rule \"Boost partner referrals\"] duplicate rule name: also declared at rules/a.drl:7"
                        + " (rule names must be unique across packaged and host rules)");
    }

    @Test
    void anIdUsedByAPackagedRuleFailsTheBuildEvenWhenThatRuleIsDisabled() {
        String drl = HEADER + rule("Exclude students unless they are faculty", "EXC-STUDENT", "exclusion",
                "$lead : LeadContext( hasEmail )", "$lead.exclude(\"x\");");

        InvalidRulesException e = buildFailure(LeadQualifier.builder().disableRule("EXC-STUDENT")
                .addRulesText("rules/students.drl", drl));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/students.drl");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).startsWith("duplicate rule id EXC-STUDENT: also used by rule \"Exclude students and job seekers\"")
                    .endsWith("(a disabled rule keeps its id: give yours a new one)");
        });
    }

    @Test
    void aRuleWithoutAnIdFailsTheBuild() {
        String drl = HEADER + "rule \"Nameless\"\n    ruleflow-group \"exclusion\"\nwhen\n    $l : LeadContext( )\nthen\nend\n";

        InvalidRulesException e = buildFailure(LeadQualifier.builder().addRulesText("rules/nameless.drl", drl));

        assertThat(e.problems()).singleElement().hasToString(
                "rules/nameless.drl:7:1 [rule \"Nameless\"] has no stable id: add one with a prefix of your own,"
                        + " e.g. @id(\"ACME-…\") (EXC-, URG- and RTE- are the packaged rules' prefixes)");
    }

    @Test
    void aSyntaxErrorNamesTheHostFileLineAndColumn() {
        String drl = HEADER + rule("Broken", "EXC-BROKEN", "exclusion", "$l : LeadContext( hasEmail ", "$l.exclude(\"x\");");

        InvalidRulesException e = buildFailure(LeadQualifier.builder().addRulesText("rules/broken.drl", drl));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/broken.drl");
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.rule()).isEqualTo("Broken");
            assertThat(p.message()).contains("mismatched input 'then'");
        });
    }

    @Test
    void anUnknownFieldPointsAtTheExpression() {
        String drl = HEADER + rule("Exclude tiny budgets", "EXC-TINY-BUDGET", "exclusion",
                "$l : LeadContext( budgetYen < 100000 )", "$l.exclude(\"x\");");

        InvalidRulesException e = buildFailure(LeadQualifier.builder().addRulesText("rules/budget.drl", drl));

        assertThat(e.problems()).singleElement().hasToString("rules/budget.drl:11:23 [rule \"Exclude tiny budgets\"]"
                + " cannot analyse 'budgetYen < 100000': LeadContext has no field or method 'budgetYen'");
    }

    @Test
    void aBadConsequencePointsAtTheStatement() {
        String drl = HEADER + rule("Exclude partners", "EXC-PARTNER", "exclusion",
                "$l : LeadContext( hasEmail )", "$l.excludeAsPartner();");

        InvalidRulesException e = buildFailure(LeadQualifier.builder().addRulesText("rules/partners.drl", drl));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.column()).isEqualTo(8);
            assertThat(p.rule()).isEqualTo("Exclude partners");
            assertThat(p.message()).contains("excludeAsPartner() is undefined for the type LeadContext");
        });
    }

    @Test
    void theFirstCauseOfAFileThatDoesNotCompileIsListedAlone() {
        String unknownType = HEADER + rule("Uses a missing fact", "URG-MISSING", "urgency",
                "$x : TradeShowVisit( )", "System.out.println($x);");
        String noId = HEADER + "rule \"No id here\"\n    ruleflow-group \"routing\"\nwhen\n    $a : Assessment( )\nthen\nend\n";

        InvalidRulesException e = buildFailure(LeadQualifier.builder()
                .addRulesText("rules/z-missing.drl", unknownType).addRulesText("rules/a-no-id.drl", noId)
                .disableRule("EXC-NO-SUCH-RULE"));

        // Drools stops before the id checks when a file does not compile; what it reports comes first,
        // one problem a line, in line order (javac's follow-on error about $x left out: the type is the cause).
        assertThat(e.problems()).extracting(InvalidRulesException.Problem::file).containsOnly("rules/z-missing.drl");
        assertThat(e.getMessage()).isEqualTo("1 problem in the rules:\n"
                + "  rules/z-missing.drl:11:10 [rule \"Uses a missing fact\"] Unable to resolve ObjectType 'TradeShowVisit'");
    }

    @Test
    void aFolderOfRulesIsReadInPathOrderAndAnEmptyFolderIsAnError(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("trade-show.drl"), TRADE_SHOW_RULE);
        Files.writeString(rules.resolve("README.txt"), "not a rule file");
        Path empty = Files.createDirectories(dir.resolve("empty"));

        LeadQualifier qualifier = LeadQualifier.builder().addRules(rules).build();

        assertThat(qualifier.rules()).extracting(RuleDescription::source).contains(rules.resolve("trade-show.drl").toString());
        assertThatThrownBy(() -> LeadQualifier.builder().addRules(empty))
                .isInstanceOf(InvalidRulesException.class).hasMessageContaining("the folder contains no .drl file");
    }

    @Test
    void disablingAnUnknownIdFailsTheBuild() {
        InvalidRulesException e = buildFailure(LeadQualifier.builder().disableRule("EXC-STUDENTS"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("(builder)");
            assertThat(p.message()).startsWith("disableRule(\"EXC-STUDENTS\"): no rule has this id");
        });
    }

    @Test
    void theFingerprintChangesWithHostRulesAndReplacedStages() {
        String plain = LeadQualifier.builder().build().fingerprint();
        String withHost = LeadQualifier.builder().addRulesText("rules/trade-show.drl", TRADE_SHOW_RULE).build().fingerprint();
        String replaced = LeadQualifier.builder().replaceStageText(Stage.EXCLUSION, "rules/trade-show.drl", TRADE_SHOW_RULE)
                .build().fingerprint();

        assertThat(List.of(plain, withHost, replaced)).doesNotHaveDuplicates();
    }
}
