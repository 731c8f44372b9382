package io.github.leadrules;

import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code qualify(lead, now)}: an event's own instant decides, not the clock's. */
class ExplicitInstantTest {

    private static final Instant EVENT = Instant.parse("2026-11-27T02:30:00Z");
    private static final Clock ELSEWHERE = Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC);

    private static LeadQualifier atEvent;
    private static LeadQualifier atElsewhere;

    @BeforeAll
    static void compileOnce() {
        atEvent = LeadQualifier.builder().clock(Clock.fixed(EVENT, ZoneOffset.UTC)).build();
        atElsewhere = LeadQualifier.builder().policy(atEvent.policy()).clock(ELSEWHERE).build();
    }

    private static Lead demoRequest(String id) {
        return Lead.builder(id).email("buyer@tokai-seiki.co.jp").jobTitle("購買部 部長")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                .submittedAt(EVENT.minusSeconds(600))
                .company(Company.builder().name("東海精機株式会社").employeeCount(800).country("JP").build()).build();
    }

    private static Lead whitePaper(String id) {
        return Lead.builder(id).email("j.smith@globex.example").inquiryType(InquiryType.WHITE_PAPER)
                .company(Company.builder().name("Globex Corporation").employeeCount(1200).country("US").build()).build();
    }

    @Test
    void anExplicitInstantDecidesAsAClockFixedAtThatInstant() {
        Qualification fromClock = atEvent.qualify(demoRequest("L-1"));
        Qualification explicit = atElsewhere.qualify(demoRequest("L-1"), EVENT);

        assertThat(explicit).isEqualTo(fromClock);
        assertThat(explicit.route().slaDeadline()).isAfter(EVENT).isBefore(EVENT.plusSeconds(86_400 * 3));
    }

    @Test
    void theClockStillDecidesCallsWithoutAnInstant() {
        Qualification q = atElsewhere.qualify(demoRequest("L-1"));

        assertThat(q.route().slaDeadline()).isAfter(ELSEWHERE.instant());
    }

    @Test
    void aBatchAtAnExplicitInstantDecidesAsTheClockFixedThere() {
        List<Lead> leads = List.of(demoRequest("L-1"), whitePaper("L-2"));

        assertThat(atElsewhere.qualifyAll(leads, EVENT)).isEqualTo(atEvent.qualifyAll(leads));
    }

    @Test
    void aReloadableQualifierTakesTheInstantToo() {
        ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(
                () -> LeadQualifier.builder().policy(atEvent.policy()).clock(ELSEWHERE).build());

        assertThat(reloadable.qualify(demoRequest("L-1"), EVENT)).isEqualTo(atEvent.qualify(demoRequest("L-1")));
        assertThat(reloadable.qualifyAll(List.of(whitePaper("L-2")), EVENT))
                .isEqualTo(atEvent.qualifyAll(List.of(whitePaper("L-2"))));
    }

    @Test
    void historyIsDecidedAsOfEachLeadsSubmissionAndUndatedLeadsAtTheClockInInputOrder() {
        Lead dated = demoRequest("L-DATED");
        Lead undated = whitePaper("L-UNDATED");
        Lead datedToo = demoRequest("L-DATED-2");

        List<Qualification> all = atElsewhere.qualifyAllAtSubmission(List.of(dated, undated, datedToo));

        assertThat(all).containsExactly(
                atElsewhere.qualify(dated, dated.submittedAt()),
                atElsewhere.qualify(undated),
                atElsewhere.qualify(datedToo, datedToo.submittedAt()));
        assertThat(atElsewhere.traceAtSubmission(List.of(dated, undated)))
                .extracting(QualificationTrace::qualification)
                .containsExactly(all.get(0), all.get(1));
    }
}
