package io.github.leadrules.internal;

import io.github.leadrules.Fixtures;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.internal.DrlScanner.Declared;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line scanner that tells which file, line and business comment each rule has: the rule base
 * Drools builds no longer knows, and error messages and the catalogue need it.
 */
class DrlScannerTest {

    @Test
    void findsEachRuleWithItsPackageLinesAndTheCommentAboveIt() {
        List<Declared> rules = DrlScanner.scan("""
                // Host rules for the autumn campaign.
                package com.example.leads;

                import io.github.leadrules.rules.LeadContext;

                // Deals a reseller registered are the reseller's,
                // not new leads for us.
                rule "Exclude leads a reseller has registered"
                    @id("EXC-HOST-PARTNER")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( attribute("partnerDeal") == "registered" )
                then
                    $lead.exclude("Registered by a reseller");
                end

                rule "Raise urgency for booth visitors"
                    @id("URG-HOST-BOOTH")
                    ruleflow-group "urgency"
                when
                    $lead : LeadContext( attribute("boothVisit") == "yes" )
                then
                    $lead.addUrgency(30, "Booth visit");
                end
                """);
        assertThat(rules).containsExactly(
                new Declared("com.example.leads", "Exclude leads a reseller has registered", 8, 15,
                        "Deals a reseller registered are the reseller's, not new leads for us."),
                new Declared("com.example.leads", "Raise urgency for booth visitors", 17, 24, ""));
    }

    @Test
    void readsSingleQuotedUnquotedAndEscapedRuleNames() {
        List<Declared> rules = DrlScanner.scan("""
                package com.example.leads
                rule 'Single quoted'
                when then end
                rule Unquoted
                when then end
                rule "Say \\"hello\\" to //everyone" salience 10
                when then end
                """);
        assertThat(rules).extracting(Declared::packageName).containsOnly("com.example.leads");
        assertThat(rules).extracting(Declared::name).containsExactly("Single quoted", "Unquoted", "Say \"hello\" to //everyone");
    }

    @Test
    void anEndWithATrailingCommentStillEndsTheRule() {
        List<Declared> rules = DrlScanner.scan("""
                package com.example.leads;
                rule "First"
                when
                then
                end // of First
                rule "Second"
                when
                then
                end
                """);
        assertThat(rules).extracting(Declared::name, Declared::line, Declared::endLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("First", 2, 5),
                        org.assertj.core.groups.Tuple.tuple("Second", 6, 9));
    }

    @Test
    void aPackageLineWithATrailingCommentIsRead() {
        assertThat(DrlScanner.scan("""
                package com.example.leads; // host rules
                rule "First"
                when then
                end
                """)).extracting(Declared::packageName).containsExactly("com.example.leads");
    }

    @Test
    void rulesInsideBlockCommentsOrLineCommentsAreNotRules() {
        List<Declared> rules = DrlScanner.scan("""
                package com.example.leads;
                /*
                rule "Retired rule"
                when then
                end
                */
                // rule "Also retired"
                /* rule "Inline retired" */ rule "Live rule"
                when then
                end
                """);
        assertThat(rules).extracting(Declared::name).containsExactly("Live rule");
        assertThat(rules.get(0).line()).isEqualTo(8);
    }

    @Test
    void aRuleWithoutEndStopsBeforeTheNextRule() {
        List<Declared> rules = DrlScanner.scan("""
                package com.example.leads;
                rule "Broken"
                when
                    $l : LeadContext( )
                then
                rule "Next"
                when then
                end
                """);
        assertThat(rules).extracting(Declared::name, Declared::line, Declared::endLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Broken", 2, 5),
                        org.assertj.core.groups.Tuple.tuple("Next", 6, 8));
    }

    @Test
    void aCommentSeparatedByABlankLineIsNotTheRulesComment() {
        List<Declared> rules = DrlScanner.scan("""
                package com.example.leads;
                // File header, not about the rule.

                rule "First"
                when then
                end
                """);
        assertThat(rules.get(0).comment()).isEmpty();
    }

    @Test
    void windowsLineEndingsCountLinesTheSameWay() {
        List<Declared> rules = DrlScanner.scan("package p;\r\n// Why.\r\nrule \"First\"\r\nwhen then\r\nend\r\n");
        assertThat(rules).containsExactly(new Declared("p", "First", 3, 5, "Why."));
    }

    @Test
    void aFileWithoutPackageHasAnEmptyPackage() {
        assertThat(DrlScanner.scan("rule \"First\"\nwhen then\nend\n")).extracting(Declared::packageName).containsExactly("");
        assertThat(DrlScanner.scan("")).isEmpty();
    }

    @Test
    void findsTheCallsAConsequenceMakesOnBoundFactsWithTheFactsType() {
        String drl = """
                package com.example.leads;
                import io.github.leadrules.rules.Assessment;

                rule "Send resellers to the channel team"
                    @id("ACME-RESELLER")
                    ruleflow-group "routing"
                when
                    $a : io.github.leadrules.rules.Assessment( $c : context, context.attribute("reseller") == "yes" )
                    $n : Number( ) from 1
                then
                    $a.routeToTeam(Destination.INSIDE_SALES, "channel", "Reseller: $c.exclude(");
                    $c.addUrgency(10, "x"); // $a.routeNowhere("y");
                    /* $c.capUrgency(null, "z"); */ $a.getContext().exclude("w");
                    $n.intValue(); helper.exclude("not a bound fact");
                end
                """;
        Declared rule = DrlScanner.scan(drl).get(0);

        assertThat(DrlScanner.consequenceCalls(drl, rule)).containsExactly(
                new DrlScanner.Call("Assessment", "routeToTeam", 11, 8),
                new DrlScanner.Call("LeadContext", "addUrgency", 12, 8),
                new DrlScanner.Call("LeadContext", "exclude", 13, 53),
                new DrlScanner.Call("Number", "intValue", 14, 8));
    }

    @Test
    void aRuleWithoutAConsequenceMakesNoCalls() {
        String drl = """
                rule "Half written"
                when
                    $lead : LeadContext( )
                """;

        assertThat(DrlScanner.consequenceCalls(drl, DrlScanner.scan(drl).get(0))).isEmpty();
    }

    @Test
    void everyPackagedRuleIsFoundWithItsCommentAtTheLineTheCatalogueShows() throws IOException {
        List<RuleDescription> catalogue = Fixtures.qualifier().rules();
        int found = 0;
        for (String resource : LeadQualifier.PACKAGED_RULES) {
            List<Declared> declared = DrlScanner.scan(read(resource));
            for (Declared d : declared) {
                assertThat(d.comment()).as("comment above %s", d.name()).isNotBlank();
                assertThat(d.packageName()).isEqualTo("io.github.leadrules.rules");
                assertThat(catalogue).filteredOn(r -> r.name().equals(d.name()))
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(r.source()).isEqualTo(resource);
                            assertThat(r.line()).isEqualTo(d.line());
                            assertThat(r.description()).isEqualTo(d.comment());
                        });
                found++;
            }
        }
        assertThat(found).isEqualTo(catalogue.size());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = DrlScannerTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
