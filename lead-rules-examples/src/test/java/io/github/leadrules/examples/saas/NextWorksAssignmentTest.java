package io.github.leadrules.examples.saas;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.test.PipelineAssert;
import io.github.leadrules.test.RuleVerifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.leadrules.examples.saas.NextWorksFixtures.boothScanAtExpo;
import static io.github.leadrules.examples.saas.NextWorksFixtures.freshVerifier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InsideSalesRoundRobin}: inside-sales leads in turn among the available reps of their team,
 * field-sales leads left to their team's queue, account owners first. Each test has a rotation of
 * its own, so owners do not depend on which test ran before.
 */
class NextWorksAssignmentTest {

    /** A booth scan with no timing: MEDIUM, so inside-sales-jp. */
    private static Lead insideSalesLead(String id) {
        return boothScanAtExpo(id).build();
    }

    @Test
    void insideSalesLeadsGoToTheRepsInTurnSkippingTheRepOnLeave() {
        RuleVerifier verifier = freshVerifier();
        List<String> owners = List.of("rep-is-101", "rep-is-102", "rep-is-104", "rep-is-101", "rep-is-102");
        for (int i = 0; i < owners.size(); i++) {
            PipelineAssert lead = verifier.pipeline().given(insideSalesLead("IS-" + i))
                    .routedTo(Destination.INSIDE_SALES)
                    .withTeam("inside-sales-jp")
                    .withOwner(owners.get(i));
            assertThat(lead.qualification().route().ownerReason().ruleId()).isEqualTo("ASSIGN-ROUND-ROBIN");
        }
    }

    @Test
    void aBatchIsAssignedInInputOrderSoTheSampleRunIsRepeatable() {
        List<Qualification> first = NextWorksHost.qualifier(NextWorksFixtures.CLOCK).qualifyAll(NextWorksHost.sampleLeads());
        List<Qualification> again = NextWorksHost.qualifier(NextWorksFixtures.CLOCK).qualifyAll(NextWorksHost.sampleLeads());
        assertThat(first).extracting(q -> q.route().owner())
                .containsExactly(null, "rep-is-101", "rep-is-102", null, null, "rep-cs-007", null, null, null,
                        "rep-is-301", null, "rep-is-201", "rep-is-104")
                .isEqualTo(again.stream().map(q -> q.route().owner()).toList());
    }

    @Test
    void fieldSalesLeadsStayInTheirTeamQueueWithNoOwnerAndNoAssignmentReason() {
        RuleVerifier verifier = freshVerifier();
        Qualification q = verifier.pipeline().given(NextWorksHost.sampleLeads().get(0))
                .routedTo(Destination.FIELD_SALES)
                .withTeam("field-sales-jp")
                .qualification();
        assertThat(q.route().owner()).isNull();
        assertThat(q.route().ownerReason()).isNull();
    }
}
