package io.github.leadrules;

import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LeadQualifier#trace}: which rules fired for each lead, including routing proposals that lost. */
class TraceTest {

    private final LeadQualifier qualifier = Fixtures.qualifier();

    @Test
    void aTraceListsTheRoutingProposalsThatLostBesideTheWinner() {
        QualificationTrace trace = qualifier.trace(List.of(Fixtures.whitePaper("JP-T01"))).get(0);

        assertThat(trace.qualification().reasonIds()).contains("RTE-NURTURE-CASE-STUDY").doesNotContain("RTE-NURTURE-CONTENT");
        assertThat(trace.firedRuleIds()).contains("URG-CONTENT-ONLY", "RTE-NURTURE-CASE-STUDY", "RTE-NURTURE-CONTENT");
    }

    @Test
    void leadsThatShareAnIdKeepTheirOwnTraces() {
        Lead demo = Fixtures.manufacturerDemo("DUP-1");
        Lead whitePaper = demo.toBuilder().inquiryType(InquiryType.WHITE_PAPER).purchaseTimeframe(null).build();

        List<QualificationTrace> traces = qualifier.trace(List.of(demo, whitePaper));

        assertThat(traces.get(0).firedRuleIds()).contains("URG-SALES-REQUEST").doesNotContain("URG-CONTENT-ONLY");
        assertThat(traces.get(1).firedRuleIds()).contains("URG-CONTENT-ONLY").doesNotContain("URG-SALES-REQUEST");
    }

    @Test
    void aLeadThatNeverReachedTheRulesHasAnEmptyTrace() {
        QualificationTrace trace = qualifier.trace(List.of(Lead.builder("JP-T02").email("not an address").build())).get(0);

        assertThat(trace.firedRuleIds()).isEmpty();
        assertThat(trace.qualification().fieldErrors()).isNotEmpty();
    }
}
