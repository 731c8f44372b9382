package io.github.leadrules.cli.columns;

import java.util.Locale;
import java.util.Optional;

/**
 * The lead fields a column can fill. Each field's {@link #column()} is also its column name in the
 * project's own CSV layout and its key in a {@code --map} file.
 */
public enum Field {
    /** The lead's id; when no column holds it, the id is {@code line-N}. */
    ID,
    /** The contact's full name. */
    CONTACT_NAME,
    /** The contact's given name, joined with {@link #LAST_NAME} when there is no full name. */
    FIRST_NAME,
    /** The contact's family name. */
    LAST_NAME,
    /** E-mail address. */
    EMAIL,
    /** Phone number. */
    PHONE,
    /** Job title as written (部長, Head of IT …). */
    JOB_TITLE,
    /** Channel (web form, trade show …); free text. */
    SOURCE,
    /** What the lead asked for: demo, quote, contact_sales, document_request, white_paper, article, seminar, other. */
    INQUIRY_TYPE,
    /** within_1_month, within_3_months, within_6_months, later, undecided, unknown. */
    PURCHASE_TIMEFRAME,
    /** secured, planned, none, unknown. */
    BUDGET_STATUS,
    /** given, opted_out, unknown. */
    CONSENT,
    /** A yes/no column; yes means the lead opted out (Salesforce HasOptedOutOfEmail, HubSpot "Unsubscribed from all email"). */
    OPTED_OUT,
    /** new, handed_to_sales, in_opportunity, closed_won, closed_lost (and CRM status names). */
    SALES_STATUS,
    /** When sales last worked the lead. */
    LAST_SALES_ACTIVITY,
    /** When the lead came in. */
    SUBMITTED_AT,
    /** Company name as written. */
    COMPANY_NAME,
    /** Company web or e-mail domain (a URL is accepted). */
    COMPANY_DOMAIN,
    /** Industry, free text (製造業, Manufacturing …). */
    INDUSTRY,
    /** Number of employees. */
    EMPLOYEE_COUNT,
    /** Annual revenue. */
    ANNUAL_REVENUE,
    /** Country name or code (日本, Japan, JP). */
    COUNTRY,
    /** Engagement events in the compact encoding {@code type[:detail]@time;…}. */
    ENGAGEMENT;

    /** The column name in the project's own layout, e.g. {@code purchase_timeframe}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
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
