package io.github.leadrules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a host sees when its DRL does not build (promise 6): every mistake once, at its first cause,
 * with file, line, column and rule; nothing from Drools' own logging beside the exception; the
 * fingerprint of rules that do build depends on their text only.
 *
 * <p>The test JVM logs through slf4j-simple at its defaults (INFO and up, to {@code System.err},
 * looked up at each call), so a Drools ERROR line during a build would land in the captured
 * {@code System.err}; {@link #theCaptureSeesADroolsErrorLine()} proves the capture would see one.
 */
class BuildErrorsTest {

    private static final String HEADER = """
            package com.acme.leads;

            import io.github.leadrules.rules.LeadContext;
            import io.github.leadrules.rules.Assessment;
            import io.github.leadrules.model.Destination;

            """;

    /** A rule exactly as a host at ACME Corp. writes it; the tests break it in one place each. */
    private static final String TRADE_SHOW = HEADER + """
            // Badge scans from our own booth staff are not leads.
            rule "Exclude booth staff badge scans"
                @id("ACME-BOOTH-STAFF")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( lead.source == "trade-show", titleKey == "booth staff" )
            then
                $lead.exclude("Booth staff badge scan at " + $lead.getLead().source());
            end
            """;

    // ------------------------------------------------------------------ one mistake, one problem

    @Test
    void aTypoInTheFactTypeIsOneProblemNotThree() {
        String drl = TRADE_SHOW.replace("$lead : LeadContext(", "$lead : LeadContxt(");

        Captured<InvalidRulesException> build = buildFails("rules/acme-trade-show.drl", drl);

        // Drools also reports "$lead cannot be resolved" for both uses of $lead in the consequence.
        assertThat(build.result().problems()).map(Object::toString).containsExactly(
                "rules/acme-trade-show.drl:12:13 [rule \"Exclude booth staff badge scans\"]"
                        + " Unable to resolve ObjectType 'LeadContxt'");
        build.assertNoDroolsLogging();
    }

    @Test
    void aMissingImportIsOneProblemThatNamesTheImport() {
        String drl = TRADE_SHOW.replace("import io.github.leadrules.rules.LeadContext;\n", "");

        Captured<InvalidRulesException> build = buildFails("rules/acme-trade-show.drl", drl);

        assertThat(build.result().problems()).map(Object::toString).containsExactly(
                "rules/acme-trade-show.drl:11:13 [rule \"Exclude booth staff badge scans\"]"
                        + " Unable to resolve ObjectType 'LeadContext': add import io.github.leadrules.rules.LeadContext;");
        build.assertNoDroolsLogging();
    }

    @Test
    void aSyntaxErrorInTheConsequenceIsListedWithoutTheTypeErrorItCauses() {
        String drl = TRADE_SHOW.replace("$lead.exclude(\"Booth", "$lead.exclude(\"ACME\" \"Booth");

        Captured<InvalidRulesException> build = buildFails("rules/acme-trade-show.drl", drl);

        // javac also says exclude(String) is not applicable to the arguments it recovered.
        assertThat(build.result().problems()).map(Object::toString).containsExactly(
                "rules/acme-trade-show.drl:14:26 [rule \"Exclude booth staff badge scans\"]"
                        + " Syntax error on token \"\"Booth staff badge scan at \"\", delete this token");
        build.assertNoDroolsLogging();
    }

    @Test
    void anUnterminatedStringIsOneProblemNotASecondOneAtTheEndOfTheFile() {
        String drl = TRADE_SHOW.replace("lead.source == \"trade-show\"", "lead.source == \"trade-show");

        Captured<InvalidRulesException> build = buildFails("rules/acme-trade-show.drl", drl);

        assertThat(build.result().problems()).hasSize(1).first().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/acme-trade-show.drl");
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.rule()).isEqualTo("Exclude booth staff badge scans");
        });
        build.assertNoDroolsLogging();
    }

    @Test
    void theSameMessageTwiceInOneRuleIsListedOnce() {
        // A misspelt variable, used twice: javac reports each use.
        String drl = TRADE_SHOW.replace("$lead.exclude(\"Booth staff badge scan at \" + $lead.getLead()",
                "$leed.exclude(\"Booth staff badge scan at \" + $leed.getLead()");

        Captured<InvalidRulesException> build = buildFails("rules/acme-trade-show.drl", drl);

        assertThat(build.result().problems()).map(Object::toString).containsExactly(
                "rules/acme-trade-show.drl:14:5 [rule \"Exclude booth staff badge scans\"] $leed cannot be resolved");
        build.assertNoDroolsLogging();
    }

    @Test
    void mistakesInTwoRulesAreBothListedEachAtItsFirstCause() {
        String drl = TRADE_SHOW.replace("$lead : LeadContext(", "$lead : LeadContxt(") + """

                // Partners' referrals go to the partner desk.
                rule "Send partner referrals to the partner desk"
                    @id("ACME-PARTNER-DESK")
                    ruleflow-group "routing"
                    salience 60
                when
                    $a : Assessment( !excluded, context.lead.source == "partner" )
                then
                    $b.routeToTeam(Destination.INSIDE_SALES, "partner-desk", "Partner referral");
                end
                """;

        Captured<InvalidRulesException> build = buildFails("rules/acme-trade-show.drl", drl);

        assertThat(build.result().problems()).map(Object::toString).containsExactly(
                "rules/acme-trade-show.drl:12:13 [rule \"Exclude booth staff badge scans\"]"
                        + " Unable to resolve ObjectType 'LeadContxt'",
                "rules/acme-trade-show.drl:25:5 [rule \"Send partner referrals to the partner desk\"] $b cannot be resolved");
        build.assertNoDroolsLogging();
    }

    @Test
    void theExceptionMessageListsTheProblemsOneALine() {
        String drl = TRADE_SHOW.replace("$lead : LeadContext(", "$lead : LeadContxt(");

        Captured<InvalidRulesException> build = buildFails("rules/acme-trade-show.drl", drl);

        assertThat(build.result()).hasMessage("1 problem in the rules:\n"
                + "  rules/acme-trade-show.drl:12:13 [rule \"Exclude booth staff badge scans\"]"
                + " Unable to resolve ObjectType 'LeadContxt'");
    }

    // ------------------------------------------------------------------ Drools' own logging

    @Test
    void theCaptureSeesADroolsErrorLine() {
        Captured<Void> probe = capture(() -> {
            LoggerFactory.getLogger("org.drools.compiler.kie.builder.impl.KieProject").error("probe: Unable to build");
            return null;
        });

        assertThat(probe.output()).contains("ERROR org.drools.compiler.kie.builder.impl.KieProject - probe: Unable to build");
    }

    @Test
    void aBuildThatSucceedsLogsNothingFromDroolsEither() {
        Captured<LeadQualifier> build = capture(() -> LeadQualifier.builder()
                .addRulesText("rules/acme-quiet.drl", TRADE_SHOW.replace("booth staff", "quiet booth staff")).build());

        assertThat(build.result().rules()).extracting(RuleDescription::id).contains("ACME-BOOTH-STAFF");
        build.assertNoDroolsLogging();
    }

    // ------------------------------------------------------------------ decisions of another stage

    @Test
    void anExclusionRuleThatAddsUrgencyFailsTheBuildAtTheCall() {
        String drl = HEADER + """
                // Trade-show visitors are hot.
                rule "Trade-show visitors are hot"
                    @id("ACME-TRADE-SHOW-HOT")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( lead.source == "trade-show" )
                then
                    $lead.addUrgency(30, "Met us at the trade show");
                end
                """;

        Captured<InvalidRulesException> build = buildFails("rules/acme-hot.drl", drl);

        assertThat(build.result().problems()).map(Object::toString).containsExactly(
                "rules/acme-hot.drl:14:11 [rule \"Trade-show visitors are hot\"] rule ACME-TRADE-SHOW-HOT is in the"
                        + " exclusion stage but calls addUrgency, which only urgency rules may call");
        build.assertNoDroolsLogging();
    }

    @Test
    void everyDecisionOfAnotherStageIsFoundWhateverTheVariableItIsCalledOn() {
        String drl = HEADER + """
                // Caps urgency for partners, and wrongly excludes them too.
                rule "Partners are never urgent"
                    @id("ACME-PARTNER-CAP")
                    ruleflow-group "urgency"
                when
                    partner : LeadContext( lead.source == "partner" )
                then
                    partner.capUrgency(io.github.leadrules.model.UrgencyLevel.LOW, "Partner referral");
                    partner.exclude("Partner referral");
                end

                // Routes resellers, and wrongly records urgency and an exclusion on the way.
                rule "Send resellers to the channel team"
                    @id("ACME-RESELLER")
                    ruleflow-group "routing"
                when
                    $a : Assessment( $c : context, context.attribute("reseller") == "yes" )
                then
                    $a.routeToTeam(Destination.INSIDE_SALES, "channel", "Reseller");
                    $c.addUrgency(10, "Reseller");
                    $a.getContext().exclude("Reseller");
                end
                """;

        Captured<InvalidRulesException> build = buildFails("rules/acme-partners.drl", drl);

        assertThat(build.result().problems()).map(Object::toString).containsExactly(
                "rules/acme-partners.drl:15:13 [rule \"Partners are never urgent\"] rule ACME-PARTNER-CAP is in the"
                        + " urgency stage but calls exclude, which only exclusion rules may call",
                "rules/acme-partners.drl:26:8 [rule \"Send resellers to the channel team\"] rule ACME-RESELLER is in the"
                        + " routing stage but calls addUrgency, which only urgency rules may call",
                "rules/acme-partners.drl:27:21 [rule \"Send resellers to the channel team\"] rule ACME-RESELLER is in the"
                        + " routing stage but calls exclude, which only exclusion rules may call");
    }

    @Test
    void aDecisionOfAnotherStageNamedInACommentOrAMessageIsNotACall() {
        String drl = HEADER + """
                // Never call $lead.addUrgency( here: this is the exclusion stage.
                rule "Exclude booth staff"
                    @id("ACME-BOOTH")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( titleKey == "booth staff" )
                then
                    // not $lead.addUrgency(5, "x");
                    $lead.exclude("Booth staff: no $lead.addUrgency( for them");
                end
                """;

        LeadQualifier qualifier = LeadQualifier.builder().addRulesText("rules/acme-booth.drl", drl).build();

        assertThat(qualifier.rules()).extracting(RuleDescription::id).contains("ACME-BOOTH");
    }

    // ------------------------------------------------------------------ the missing-id hint

    @Test
    void aHostRuleWithoutAnIdIsToldToUseTheHostsOwnPrefix() {
        String drl = TRADE_SHOW + """

                // Resellers are not end customers.
                rule "Exclude resellers"
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( attribute("reseller") == "yes" )
                then
                    $lead.exclude("Reseller");
                end
                """;

        Captured<InvalidRulesException> build = buildFails("rules/acme.drl", drl);

        assertThat(build.result().problems()).map(Object::toString).containsExactly(
                "rules/acme.drl:18:1 [rule \"Exclude resellers\"] has no stable id: add one with your prefix,"
                        + " like your other rules: @id(\"ACME-…\")");
        assertThat(build.result().getMessage()).doesNotContain("@id(\"EXC-").doesNotContain("@id(\"URG-")
                .doesNotContain("@id(\"RTE-");
    }

    @Test
    void aHostRuleWithoutAnIdAndNoOtherHostIdsIsToldToChooseAPrefixNotAPackagedOne() {
        String drl = HEADER + """
                // Resellers are not end customers.
                rule "Exclude resellers"
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( attribute("reseller") == "yes" )
                then
                    $lead.exclude("Reseller");
                end
                """;

        Captured<InvalidRulesException> build = buildFails("rules/acme.drl", drl);

        assertThat(build.result().problems()).map(Object::toString).containsExactly(
                "rules/acme.drl:8:1 [rule \"Exclude resellers\"] has no stable id: add one with a prefix of your own,"
                        + " e.g. @id(\"ACME-…\") (EXC-, URG- and RTE- are the packaged rules' prefixes)");
    }

    // ------------------------------------------------------------------ fingerprints from content only

    @Test
    void theSameRuleTextLoadedFromTwoPathsHasOneFingerprint(@TempDir Path dir) throws IOException {
        Path staging = Files.createDirectories(dir.resolve("staging/rules")).resolve("trade-show.drl");
        Path production = Files.createDirectories(dir.resolve("opt/acme/rules")).resolve("acme-trade-show-v2.drl");
        Files.writeString(staging, TRADE_SHOW);
        Files.writeString(production, TRADE_SHOW.replace("\n", "\r\n"));

        String fromStaging = LeadQualifier.builder().addRules(staging).build().fingerprint();
        String fromProduction = LeadQualifier.builder().addRules(production).build().fingerprint();
        String fromText = LeadQualifier.builder().addRulesText("whatever.drl", TRADE_SHOW).build().fingerprint();

        assertThat(fromProduction).isEqualTo(fromStaging);
        assertThat(fromText).isEqualTo(fromStaging);
    }

    @Test
    void theOrderInWhichHostFilesAreAddedDoesNotChangeTheFingerprint() {
        String partners = TRADE_SHOW.replace("Exclude booth staff badge scans", "Exclude partner staff")
                .replace("ACME-BOOTH-STAFF", "ACME-PARTNER-STAFF").replace("booth staff", "partner staff");

        String oneWay = LeadQualifier.builder().addRulesText("a.drl", TRADE_SHOW).addRulesText("b.drl", partners)
                .build().fingerprint();
        String otherWay = LeadQualifier.builder().addRulesText("b.drl", partners).addRulesText("a.drl", TRADE_SHOW)
                .build().fingerprint();

        assertThat(otherWay).isEqualTo(oneWay);
    }

    @Test
    void aRuleTextThatDiffersInOneCharacterHasAnotherFingerprint() {
        String original = LeadQualifier.builder().addRulesText("rules/acme.drl", TRADE_SHOW).build().fingerprint();
        String edited = LeadQualifier.builder()
                .addRulesText("rules/acme.drl", TRADE_SHOW.replace("Booth staff badge scan", "Booth staff badge scans"))
                .build().fingerprint();
        String none = LeadQualifier.builder().build().fingerprint();

        assertThat(List.of(original, edited, none)).doesNotHaveDuplicates();
    }

    @Test
    void theCatalogueStillNamesThePathEachRuleWasLoadedFrom(@TempDir Path dir) throws IOException {
        // Equal text shares one fingerprint, but never the other file's name in the catalogue.
        Path first = Files.createDirectories(dir.resolve("one")).resolve("trade-show.drl");
        Path second = Files.createDirectories(dir.resolve("two")).resolve("trade-show.drl");
        Files.writeString(first, TRADE_SHOW);
        Files.writeString(second, TRADE_SHOW);

        RuleDescription fromFirst = rule(LeadQualifier.builder().addRules(first).build(), "ACME-BOOTH-STAFF");
        RuleDescription fromSecond = rule(LeadQualifier.builder().addRules(second).build(), "ACME-BOOTH-STAFF");

        assertThat(fromFirst.source()).isEqualTo(first.toString());
        assertThat(fromSecond.source()).isEqualTo(second.toString());
    }

    // ------------------------------------------------------------------ helpers

    private static RuleDescription rule(LeadQualifier qualifier, String id) {
        return qualifier.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static Captured<InvalidRulesException> buildFails(String name, String drl) {
        Captured<InvalidRulesException> build = capture(() -> {
            try {
                LeadQualifier.builder().addRulesText(name, drl).build();
            } catch (InvalidRulesException e) {
                return e;
            }
            throw new AssertionError("the rules built, but they should not have");
        });
        return build;
    }

    /** What a call returned and what it printed on System.out and System.err meanwhile. */
    private record Captured<T>(T result, String output) {
        void assertNoDroolsLogging() {
            assertThat(output.lines().filter(l -> l.contains("org.drools") || l.contains("org.kie")
                    || l.contains("ERROR") || l.contains("Rule Compilation error") || l.contains("[ERR ")).toList())
                    .as("lines Drools printed during the build").isEmpty();
        }
    }

    private interface Call<T> {
        T run();
    }

    private static <T> Captured<T> capture(Call<T> call) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            T result = call.run();
            both.flush();
            return new Captured<>(result, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
