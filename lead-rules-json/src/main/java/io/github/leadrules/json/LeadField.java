package io.github.leadrules.json;

import java.util.Locale;
import java.util.Optional;

/**
 * The keys of a lead's JSON object, one per {@link io.github.leadrules.model.Lead} field, with the
 * company's fields flattened. They are also the column names of the CLI's own CSV layout, so that a
 * lead reads the same from a CSV row, a JSON Lines line, a message or a request body.
 *
 * <pre>{@code
 * {"id":"L-1001","contact_name":"山田太郎","email":"taro.yamada@sample-kogyo.example",
 *  "job_title":"情報システム部 部長","inquiry_type":"demo","purchase_timeframe":"within_3_months",
 *  "submitted_at":"2026-11-20T01:00:00Z","company_name":"サンプル工業株式会社","employee_count":1200,
 *  "country":"日本","engagement":[{"type":"pricing","at":"2026-11-20T10:00:00Z"}],
 *  "attributes":{"department":"情報システム部"}}
 * }</pre>
 */
public enum LeadField {
    /** The lead's id: a string (an integer is read as its digits). */
    ID,
    /** The contact's full name. */
    CONTACT_NAME,
    /** E-mail address. */
    EMAIL,
    /** Phone number, as a string. */
    PHONE,
    /** Job title as written. */
    JOB_TITLE,
    /** Channel, free text. */
    SOURCE,
    /** An {@link io.github.leadrules.model.InquiryType} name, any case: {@code demo}, {@code quote} … */
    INQUIRY_TYPE,
    /** A {@link io.github.leadrules.model.PurchaseTimeframe} name, any case: {@code within_3_months} … */
    PURCHASE_TIMEFRAME,
    /** A {@link io.github.leadrules.model.BudgetStatus} name, any case. */
    BUDGET_STATUS,
    /** A {@link io.github.leadrules.model.Consent} name, any case: {@code given}, {@code opted_out}, {@code unknown}. */
    CONSENT,
    /** A {@link io.github.leadrules.model.SalesStatus} name, any case. */
    SALES_STATUS,
    /** An ISO-8601 instant with a zone or offset: {@code 2026-11-20T10:00:00Z}, {@code 2026-11-20T19:00+09:00}. */
    LAST_SALES_ACTIVITY,
    /** When the lead came in; an instant like {@link #LAST_SALES_ACTIVITY}. */
    SUBMITTED_AT,
    /** Company name as written. */
    COMPANY_NAME,
    /** Company web or e-mail domain. */
    COMPANY_DOMAIN,
    /** Industry, free text. */
    INDUSTRY,
    /** Number of employees: a JSON integer. */
    EMPLOYEE_COUNT,
    /** Annual revenue: a JSON integer. */
    ANNUAL_REVENUE,
    /** Country name or code as written. */
    COUNTRY,
    /**
     * Engagement events: an array of {@code {"type","at","detail","industry"}} objects; {@code type} is
     * {@code page}, {@code pricing}, {@code content}, {@code case_study}, {@code email_open} or
     * {@code seminar} (or an {@link io.github.leadrules.model.EngagementType} name), {@code at} an instant.
     */
    ENGAGEMENT,
    /** Free-form attributes for host rules: an object of strings. */
    ATTRIBUTES;

    /** The JSON key, e.g. {@code purchase_timeframe}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field with this key (exact, lower case), if any. */
    public static Optional<LeadField> byKey(String key) {
        for (LeadField f : values()) {
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
