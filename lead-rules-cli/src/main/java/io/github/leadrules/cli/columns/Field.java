package io.github.leadrules.cli.columns;

import io.github.leadrules.json.LeadField;

import java.util.Locale;
import java.util.Optional;

/**
 * The lead fields a column can fill. Each field's {@link #column()} is also its column name in the
 * project's own CSV layout, its key in a {@code --map} file and, for the fields a {@code Lead} has,
 * its key in the shared JSON form ({@link LeadField}, which owns those names). {@link #FIRST_NAME},
 * {@link #LAST_NAME} and {@link #OPTED_OUT} are the CLI's own: exports split names and keep opt-outs
 * apart from consent.
 */
public enum Field {
    /** The lead's id; when no column holds it, the id is {@code line-N}. */
    ID(LeadField.ID),
    /** The contact's full name. */
    CONTACT_NAME(LeadField.CONTACT_NAME),
    /** The contact's given name, joined with {@link #LAST_NAME} when there is no full name. */
    FIRST_NAME(null),
    /** The contact's family name. */
    LAST_NAME(null),
    /** E-mail address. */
    EMAIL(LeadField.EMAIL),
    /** Phone number. */
    PHONE(LeadField.PHONE),
    /** Job title as written (部長, Head of IT …). */
    JOB_TITLE(LeadField.JOB_TITLE),
    /** Channel (web form, trade show …); free text. */
    SOURCE(LeadField.SOURCE),
    /** What the lead asked for: demo, quote, contact_sales, document_request, white_paper, article, seminar, other. */
    INQUIRY_TYPE(LeadField.INQUIRY_TYPE),
    /** within_1_month, within_3_months, within_6_months, later, undecided, unknown. */
    PURCHASE_TIMEFRAME(LeadField.PURCHASE_TIMEFRAME),
    /** secured, planned, none, unknown. */
    BUDGET_STATUS(LeadField.BUDGET_STATUS),
    /** given, opted_out, unknown. */
    CONSENT(LeadField.CONSENT),
    /** A yes/no column; yes means the lead opted out (Salesforce HasOptedOutOfEmail, HubSpot "Unsubscribed from all email"). */
    OPTED_OUT(null),
    /** new, handed_to_sales, in_opportunity, closed_won, closed_lost (and CRM status names). */
    SALES_STATUS(LeadField.SALES_STATUS),
    /** When sales last worked the lead. */
    LAST_SALES_ACTIVITY(LeadField.LAST_SALES_ACTIVITY),
    /** When the lead came in. */
    SUBMITTED_AT(LeadField.SUBMITTED_AT),
    /** Company name as written. */
    COMPANY_NAME(LeadField.COMPANY_NAME),
    /** Company web or e-mail domain (a URL is accepted). */
    COMPANY_DOMAIN(LeadField.COMPANY_DOMAIN),
    /** Industry, free text (製造業, Manufacturing …). */
    INDUSTRY(LeadField.INDUSTRY),
    /** Number of employees. */
    EMPLOYEE_COUNT(LeadField.EMPLOYEE_COUNT),
    /** Annual revenue. */
    ANNUAL_REVENUE(LeadField.ANNUAL_REVENUE),
    /** Country name or code (日本, Japan, JP). */
    COUNTRY(LeadField.COUNTRY),
    /** Engagement events in the compact encoding {@code type[:detail]@time;…}. */
    ENGAGEMENT(LeadField.ENGAGEMENT);

    private final LeadField json;

    Field(LeadField json) {
        this.json = json;
    }

    /** The column name in the project's own layout, e.g. {@code purchase_timeframe}. */
    public String column() {
        return json != null ? json.key() : name().toLowerCase(Locale.ROOT);
    }

    /** The key of the shared JSON form this field reads, if a {@code Lead} has it. */
    public Optional<LeadField> json() {
        return Optional.ofNullable(json);
    }

    /** The field named by an own-layout column name or map key, ignoring case. */
    public static Optional<Field> byColumn(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Field f : values()) {
            if (f.column().equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
