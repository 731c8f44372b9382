package io.github.leadrules.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One inbound person-at-a-company record, as the host received it. The record accepts any values
 * (even bad ones) so that a host can always hand a lead to the qualifier and get an
 * {@link Outcome#INVALID} qualification naming the bad field, rather than an exception while
 * building its input. Collections are copied and unmodifiable; null collections become empty.
 *
 * <p>{@link #toString()} redacts the contact name, e-mail and phone so that leads can be logged.
 *
 * <pre>{@code
 * Lead lead = Lead.builder("L-1001")
 *     .email("taro.yamada@sample-kogyo.co.jp")
 *     .jobTitle("情報システム部 部長")
 *     .inquiryType(InquiryType.DEMO)
 *     .purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS)
 *     .company(Company.builder().name("サンプル工業株式会社").employeeCount(1200).country("日本").build())
 *     .build();
 * }</pre>
 *
 * @param id                the host's id for the lead; required, unique within a batch
 * @param contactName       the person's name; personal data
 * @param email             the person's e-mail address; personal data
 * @param phone             the person's phone number; personal data
 * @param jobTitle          the person's job title as written (部長, Head of IT …)
 * @param source            the channel it came from (web form, trade show, partner …); free text
 * @param inquiryType       what the lead asked for; null means {@link InquiryType#OTHER}
 * @param purchaseTimeframe stated purchase timeframe; null means {@link PurchaseTimeframe#UNKNOWN}
 * @param budgetStatus      stated budget; null means {@link BudgetStatus#UNKNOWN}
 * @param consent           consent to be contacted; null means {@link Consent#UNKNOWN}
 * @param engagement        engagement events with timestamps, any order
 * @param salesStatus       where the lead stands with sales; null means {@link SalesStatus#NEW}
 * @param lastSalesActivity when sales last worked this lead; null when never
 * @param submittedAt       when the lead came in; null when unknown
 * @param company           the company; may be null
 * @param attributes        free-form attributes for host rules
 */
public record Lead(String id, String contactName, String email, String phone, String jobTitle,
                   String source, InquiryType inquiryType, PurchaseTimeframe purchaseTimeframe,
                   BudgetStatus budgetStatus, Consent consent, List<EngagementEvent> engagement,
                   SalesStatus salesStatus, Instant lastSalesActivity, Instant submittedAt,
                   Company company, Map<String, String> attributes) {

    /**
     * Replaces nulls by the documented defaults and copies the engagement and attributes, keeping null
     * elements for validation to report.
     *
     * @param id the host's id for the lead; required, unique within a batch
     * @param contactName the person's name; personal data
     * @param email the person's e-mail address; personal data
     * @param phone the person's phone number; personal data
     * @param jobTitle the person's job title as written (部長, Head of IT …)
     * @param source the channel it came from (web form, trade show, partner …); free text
     * @param inquiryType what the lead asked for; null means {@link InquiryType#OTHER}
     * @param purchaseTimeframe stated purchase timeframe; null means {@link PurchaseTimeframe#UNKNOWN}
     * @param budgetStatus stated budget; null means {@link BudgetStatus#UNKNOWN}
     * @param consent consent to be contacted; null means {@link Consent#UNKNOWN}
     * @param engagement engagement events with timestamps, any order
     * @param salesStatus where the lead stands with sales; null means {@link SalesStatus#NEW}
     * @param lastSalesActivity when sales last worked this lead; null when never
     * @param submittedAt when the lead came in; null when unknown
     * @param company the company; may be null
     * @param attributes free-form attributes for host rules
     */
    public Lead {
        inquiryType = inquiryType == null ? InquiryType.OTHER : inquiryType;
        purchaseTimeframe = purchaseTimeframe == null ? PurchaseTimeframe.UNKNOWN : purchaseTimeframe;
        budgetStatus = budgetStatus == null ? BudgetStatus.UNKNOWN : budgetStatus;
        consent = consent == null ? Consent.UNKNOWN : consent;
        salesStatus = salesStatus == null ? SalesStatus.NEW : salesStatus;
        // Copies tolerate null elements (bad input is reported by validation, not thrown here).
        engagement = engagement == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(engagement));
        attributes = attributes == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * A new builder for a lead with the given id.
     *
     * @param id the lead's id
     * @return the builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** {@return a builder starting from this lead's values} */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.contactName = contactName;
        b.email = email;
        b.phone = phone;
        b.jobTitle = jobTitle;
        b.source = source;
        b.inquiryType = inquiryType;
        b.purchaseTimeframe = purchaseTimeframe;
        b.budgetStatus = budgetStatus;
        b.consent = consent;
        b.engagement.addAll(engagement);
        b.salesStatus = salesStatus;
        b.lastSalesActivity = lastSalesActivity;
        b.submittedAt = submittedAt;
        b.company = company;
        b.attributes.putAll(attributes);
        return b;
    }

    /**
     * The attribute's value, or null.
     *
     * @param name the attribute's name
     * @return its value, or null
     */
    public String attribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String toString() {
        return "Lead[id=" + id
                + ", contactName=" + redacted(contactName)
                + ", email=" + redacted(email)
                + ", phone=" + redacted(phone)
                + ", jobTitle=" + jobTitle
                + ", source=" + source
                + ", inquiryType=" + inquiryType
                + ", purchaseTimeframe=" + purchaseTimeframe
                + ", budgetStatus=" + budgetStatus
                + ", consent=" + consent
                + ", engagement=" + engagement.size() + " events"
                + ", salesStatus=" + salesStatus
                + ", lastSalesActivity=" + lastSalesActivity
                + ", submittedAt=" + submittedAt
                + ", company=" + company
                + ", attributes=" + attributes.keySet() + "]";
    }

    private static String redacted(String value) {
        return value == null ? "null" : "***";
    }

    /** Builds {@link Lead} values; only the id is required (and checked by the qualifier). */
    public static final class Builder {
        private final String id;
        private String contactName;
        private String email;
        private String phone;
        private String jobTitle;
        private String source;
        private InquiryType inquiryType;
        private PurchaseTimeframe purchaseTimeframe;
        private BudgetStatus budgetStatus;
        private Consent consent;
        private final List<EngagementEvent> engagement = new ArrayList<>();
        private SalesStatus salesStatus;
        private Instant lastSalesActivity;
        private Instant submittedAt;
        private Company company;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the person's name (personal data).
         *
         * @param contactName the name, or null
         * @return this builder
         */
        public Builder contactName(String contactName) {
            this.contactName = contactName;
            return this;
        }

        /**
         * Sets the person's e-mail address (personal data).
         *
         * @param email the address, or null
         * @return this builder
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets the person's phone number (personal data).
         *
         * @param phone the number, or null
         * @return this builder
         */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /**
         * Sets the job title as written.
         *
         * @param jobTitle the title, or null
         * @return this builder
         */
        public Builder jobTitle(String jobTitle) {
            this.jobTitle = jobTitle;
            return this;
        }

        /**
         * Sets the channel the lead came from.
         *
         * @param source the channel, free text, or null
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * Sets what the lead asked for.
         *
         * @param inquiryType the inquiry type, or null for {@link InquiryType#OTHER}
         * @return this builder
         */
        public Builder inquiryType(InquiryType inquiryType) {
            this.inquiryType = inquiryType;
            return this;
        }

        /**
         * Sets the stated purchase timeframe.
         *
         * @param purchaseTimeframe the timeframe, or null for {@link PurchaseTimeframe#UNKNOWN}
         * @return this builder
         */
        public Builder purchaseTimeframe(PurchaseTimeframe purchaseTimeframe) {
            this.purchaseTimeframe = purchaseTimeframe;
            return this;
        }

        /**
         * Sets the stated budget.
         *
         * @param budgetStatus the budget status, or null for {@link BudgetStatus#UNKNOWN}
         * @return this builder
         */
        public Builder budgetStatus(BudgetStatus budgetStatus) {
            this.budgetStatus = budgetStatus;
            return this;
        }

        /**
         * Sets the consent to be contacted.
         *
         * @param consent the consent, or null for {@link Consent#UNKNOWN}
         * @return this builder
         */
        public Builder consent(Consent consent) {
            this.consent = consent;
            return this;
        }

        /**
         * Adds one engagement event.
         *
         * @param event the event
         * @return this builder
         */
        public Builder engagement(EngagementEvent event) {
            this.engagement.add(event);
            return this;
        }

        /**
         * Adds engagement events.
         *
         * @param events the events, any order
         * @return this builder
         */
        public Builder engagement(List<EngagementEvent> events) {
            this.engagement.addAll(events);
            return this;
        }

        /**
         * Sets where the lead stands with sales.
         *
         * @param salesStatus the status, or null for {@link SalesStatus#NEW}
         * @return this builder
         */
        public Builder salesStatus(SalesStatus salesStatus) {
            this.salesStatus = salesStatus;
            return this;
        }

        /**
         * Sets when sales last worked the lead.
         *
         * @param lastSalesActivity the time, or null when never
         * @return this builder
         */
        public Builder lastSalesActivity(Instant lastSalesActivity) {
            this.lastSalesActivity = lastSalesActivity;
            return this;
        }

        /**
         * Sets when the lead came in.
         *
         * @param submittedAt the time, or null when unknown
         * @return this builder
         */
        public Builder submittedAt(Instant submittedAt) {
            this.submittedAt = submittedAt;
            return this;
        }

        /**
         * Sets the company.
         *
         * @param company the company, or null
         * @return this builder
         */
        public Builder company(Company company) {
            this.company = company;
            return this;
        }

        /**
         * Sets one free-form attribute for host rules.
         *
         * @param name the attribute's name
         * @param value its value
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            this.attributes.put(name, value);
            return this;
        }

        /**
         * Builds the lead; it is validated when qualified, not here.
         *
         * @return the lead
         */
        public Lead build() {
            return new Lead(id, contactName, email, phone, jobTitle, source, inquiryType,
                    purchaseTimeframe, budgetStatus, consent, engagement, salesStatus,
                    lastSalesActivity, submittedAt, company, attributes);
        }
    }
}
