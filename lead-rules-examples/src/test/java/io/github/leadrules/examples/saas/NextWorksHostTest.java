package io.github.leadrules.examples.saas;

import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.github.leadrules.examples.saas.NextWorksFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link NextWorksHost} prints and decides, as the examples README shows it: every sample
 * lead's decision in one line, and the printed text.
 */
class NextWorksHostTest {

    @Test
    void everySampleLeadIsDecidedAsTheReadmeSays() {
        List<Qualification> qs = NextWorksHost.qualifier(CLOCK).qualifyAll(NextWorksHost.sampleLeads());
        assertThat(qs).extracting(q -> q.leadId() + " " + q.outcome() + " " + q.urgency().level() + " "
                        + q.route().destination() + " " + q.route().team() + " " + q.route().owner()
                        + " " + q.route().nurtureTrack())
                .containsExactly(
                        "NW-2601 QUALIFIED HIGH FIELD_SALES field-sales-jp null null",
                        "NW-2602 QUALIFIED HIGH INSIDE_SALES inside-sales-jp rep-is-101 null",
                        "NW-2603 QUALIFIED MEDIUM INSIDE_SALES inside-sales-jp rep-is-102 null",
                        "NW-2604 EXCLUDED HIGH NONE null null null",
                        "NW-2605 QUALIFIED HIGH FIELD_SALES field-sales-jp null null",
                        "NW-2606 EXCLUDED HIGH ACCOUNT_OWNER customer-success rep-cs-007 null",
                        "NW-2607 EXCLUDED HIGH NONE null null null",
                        "NW-2608 EXCLUDED HIGH NONE null null null",
                        "NW-2609 QUALIFIED IMMEDIATE FIELD_SALES field-sales-asean null null",
                        "NW-2610 QUALIFIED HIGH INSIDE_SALES inside-sales-asean rep-is-301 null",
                        "NW-2611 QUALIFIED LOW NURTURE marketing-nurture null 導入事例-小売",
                        "NW-2612 QUALIFIED LOW INSIDE_SALES inside-sales-recycle rep-is-201 null",
                        "NW-2613 QUALIFIED MEDIUM INSIDE_SALES inside-sales-jp rep-is-104 null");
    }

    @Test
    void theRunPrintsEveryDecisionTheFunnelAndTheOwnersButNoEmailAddress() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            NextWorksHost.run(CLOCK, out);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).startsWith("クラウド勤怠 (株式会社ネクストワークス): 13 leads qualified at 2026-11-28T00:00:00Z\n");
        assertThat(text).containsPattern("rule set [0-9a-f]{16} \\(40 rules: 3 of NextWorks' own, URG-ENGAGEMENT-BURST disabled\\)");
        for (int id = 2601; id <= 2613; id++) {
            assertThat(text).contains("NW-" + id + "  ");
        }
        assertThat(text).contains(
                "NW-URG-TRADE-SHOW               Booth scan at 人事労務DX EXPO 2026 秋 (saw the live demo)",
                "NW-URG-PARTNER-REFERRAL         Referred by partner SR-0031 with a referral code",
                "NW-EXC-SANCTIONED-COUNTRY       Sanctioned country (RU): export control forbids offering the service",
                "route    NURTURE, team marketing-nurture, track 導入事例-小売",
                "Real leads (qualified)                   9  (69.2%)",
                "    NW-EXC-SANCTIONED-COUNTRY            1",
                "Owners (ownerFirst, then round robin for inside sales)",
                "    NW-2613  rep-is-104  ASSIGN-ROUND-ROBIN         Round robin in team inside-sales-jp");
        assertThat(text).doesNotContain("    URG-ENGAGEMENT-BURST").doesNotContain("@");
    }
}
