package io.github.leadrules.model;

import io.github.leadrules.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lead value: it accepts any input (validation is the qualifier's job), fills in defaults,
 * copies its collections, and redacts personal data when printed.
 */
class LeadTest {

    @Test
    void toStringRedactsEmailNameAndPhone() {
        Lead lead = Fixtures.manufacturerDemo("JP-0001").toBuilder().attribute("campaign", "autumn-fair-2026").build();
        String text = lead.toString();
        assertThat(text).doesNotContain("taro.yamada@sample-kogyo.co.jp", "taro.yamada", "山田", "太郎", "03-1234-5678", "autumn-fair-2026")
                .contains("id=JP-0001", "contactName=***", "email=***", "phone=***", "jobTitle=生産技術部 部長",
                        "inquiryType=DEMO", "attributes=[campaign]");
    }

    @Test
    void toStringShowsWhichPersonalFieldsAreAbsent() {
        assertThat(Lead.builder("JP-0002").build().toString()).contains("contactName=null", "email=null", "phone=null");
    }

    @Test
    void absentEnumsTakeTheirUnknownDefaults() {
        Lead lead = Lead.builder("JP-0003").build();
        assertThat(lead.inquiryType()).isEqualTo(InquiryType.OTHER);
        assertThat(lead.purchaseTimeframe()).isEqualTo(PurchaseTimeframe.UNKNOWN);
        assertThat(lead.budgetStatus()).isEqualTo(BudgetStatus.UNKNOWN);
        assertThat(lead.consent()).isEqualTo(Consent.UNKNOWN);
        assertThat(lead.salesStatus()).isEqualTo(SalesStatus.NEW);
        assertThat(lead.engagement()).isEmpty();
        assertThat(lead.attributes()).isEmpty();
    }

    @Test
    void collectionsAreCopiedAndCannotBeChanged() {
        List<EngagementEvent> events = new ArrayList<>(List.of(EngagementEvent.pricingPageVisit(Fixtures.daysAgo(1))));
        Map<String, String> attributes = new HashMap<>(Map.of("campaign", "autumn-fair-2026"));
        Lead lead = new Lead("JP-0004", null, null, null, null, null, null, null, null, null, events, null, null, null,
                null, attributes);
        events.add(EngagementEvent.pricingPageVisit(Fixtures.daysAgo(2)));
        attributes.put("tier", "strategic");

        assertThat(lead.engagement()).hasSize(1);
        assertThat(lead.attributes()).containsOnlyKeys("campaign");
        assertThat(lead.attribute("campaign")).isEqualTo("autumn-fair-2026");
        assertThat(lead.attribute("tier")).isNull();
        assertThatThrownBy(() -> lead.engagement().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> lead.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void badInputCanBeBuiltSoThatTheQualifierCanReportIt() {
        Lead lead = Lead.builder(null)
                .engagement(Arrays.asList(null, new EngagementEvent(null, null, null, null)))
                .attribute(null, "x")
                .company(Company.builder().employeeCount(-1).annualRevenue(-1L).build())
                .build();
        assertThat(lead.id()).isNull();
        assertThat(lead.engagement()).hasSize(2).first().isNull();
        assertThat(lead.attributes()).containsKey(null);
    }

    @Test
    void toBuilderRoundTripsEveryField() {
        Lead original = Lead.builder("EN-0005")
                .contactName("Jordan Miller").email("j.miller@acme-mfg.example").phone("+1 312 555 0142")
                .jobTitle("VP of Operations").source("trade-show")
                .inquiryType(InquiryType.QUOTE).purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS)
                .budgetStatus(BudgetStatus.SECURED).consent(Consent.GIVEN)
                .engagement(EngagementEvent.caseStudyView(Fixtures.daysAgo(3), "Manufacturing", "Acme case"))
                .salesStatus(SalesStatus.HANDED_TO_SALES).lastSalesActivity(Fixtures.daysAgo(2))
                .submittedAt(Instant.parse("2026-11-20T10:15:00Z"))
                .company(Fixtures.acme()).attribute("tier", "strategic")
                .build();
        assertThat(original.toBuilder().build()).isEqualTo(original);
        assertThat(original.company().toBuilder().build()).isEqualTo(original.company());
    }

    @Test
    void aCompanyNamedOnlyHasNoOtherFacts() {
        assertThat(Company.named("株式会社ミライテック"))
                .isEqualTo(new Company("株式会社ミライテック", null, null, null, null, null));
    }

    @Test
    void inquiryTypesAndTimeframesKnowWhatTheyMean() {
        assertThat(InquiryType.DEMO.isSalesRequest()).isTrue();
        assertThat(InquiryType.DOCUMENT_REQUEST.isSalesRequest()).isFalse();
        assertThat(InquiryType.DOCUMENT_REQUEST.isContentOnly()).isFalse();
        assertThat(InquiryType.SEMINAR.isContentOnly()).isTrue();
        assertThat(PurchaseTimeframe.WITHIN_3_MONTHS.isNearTerm()).isTrue();
        assertThat(PurchaseTimeframe.WITHIN_6_MONTHS.isNearTerm()).isFalse();
        assertThat(SalesStatus.IN_OPPORTUNITY.isWithSales()).isTrue();
        assertThat(SalesStatus.CLOSED_WON.isWithSales()).isFalse();
        assertThat(UrgencyLevel.min(UrgencyLevel.HIGH, UrgencyLevel.MEDIUM)).isEqualTo(UrgencyLevel.MEDIUM);
        assertThat(UrgencyLevel.HIGH.isAtLeast(UrgencyLevel.MEDIUM)).isTrue();
    }
}
