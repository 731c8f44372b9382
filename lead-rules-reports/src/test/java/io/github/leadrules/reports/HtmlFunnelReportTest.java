package io.github.leadrules.reports;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.Qualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A host writes the funnel page from its own decisions, without the CLI. */
class HtmlFunnelReportTest {

    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
    private static final Qualifier QUALIFIER = LeadQualifier.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    private static final List<Lead> LEADS = List.of(
            Lead.builder("L-5001")
                    .email("t.yamada@sample-kogyo.co.jp")
                    .jobTitle("製造本部 部長")
                    .inquiryType(InquiryType.DEMO)
                    .purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                    .submittedAt(NOW.minusSeconds(86_400))
                    .company(Company.builder().name("サンプル工業株式会社").industry("製造業")
                            .employeeCount(1200).country("日本").build())
                    .build(),
            Lead.builder("L-5002")
                    .email("cloud.fan.2026@gmail.com")
                    .jobTitle("Student")
                    .inquiryType(InquiryType.WHITE_PAPER)
                    .submittedAt(NOW.minusSeconds(86_400))
                    .build(),
            Lead.builder("L-5003")
                    .email("anna.lewis@@globex.example")
                    .company(Company.builder().name("<b>Globex</b> Corporation").industry("Software")
                            .employeeCount(400).country("US").build())
                    .build());

    private static String page() throws Exception {
        List<Qualification> decided = QUALIFIER.qualifyAll(LEADS);
        FunnelTally tally = new FunnelTally();
        for (int i = 0; i < LEADS.size(); i++) {
            tally.add(LEADS.get(i), decided.get(i));
        }
        StringWriter out = new StringWriter();
        HtmlFunnelReport.write(out, tally, new HtmlFunnelReport.Context("November inbound", "", NOW.toString(),
                QUALIFIER.fingerprint(), "defaults", QUALIFIER.rules(), 0.2));
        return out.toString();
    }

    @Test
    void theTallyCountsWhatFunnelReportOfCountsForTheSameDecisions() {
        List<Qualification> decided = QUALIFIER.qualifyAll(LEADS);
        FunnelTally tally = new FunnelTally();
        for (int i = 0; i < LEADS.size(); i++) {
            tally.add(LEADS.get(i), decided.get(i));
        }

        assertThat(tally.report()).isEqualTo(io.github.leadrules.FunnelReport.of(decided));
        assertThat(tally.total()).isEqualTo(3);
        assertThat(tally.invalidByField()).containsEntry("email MALFORMED", 1);
        assertThat(tally.samples()).extracting(FunnelTally.Sample::line).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aHostsPageShowsItsFiguresSamplesAndFingerprint() throws Exception {
        String html = page();

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<div class=\"label\">Leads submitted</div><div class=\"value\">3</div>")
                .contains("<div class=\"label\">Valid input</div><div class=\"value\">2</div>")
                .contains("<div class=\"label\">Real leads</div><div class=\"value\">1</div>")
                .contains("<td>サンプル工業株式会社</td>")
                .contains(QUALIFIER.fingerprint());
    }

    @Test
    void aCompanyNameCannotInjectMarkupAndNoEmailAddressAppears() throws Exception {
        String html = page();

        assertThat(html).doesNotContain("<b>Globex").contains("&lt;b&gt;Globex&lt;/b&gt; Corporation")
                .doesNotContain("anna.lewis").doesNotContain("cloud.fan").doesNotContain("t.yamada");
    }
}
