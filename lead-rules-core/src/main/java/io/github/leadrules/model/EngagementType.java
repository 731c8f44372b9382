package io.github.leadrules.model;

/** The kinds of engagement events a host can record on a lead. */
public enum EngagementType {
    /** Any web page visit. */
    PAGE_VISIT,
    /** A visit to a pricing page (価格ページ). */
    PRICING_PAGE_VISIT,
    /** Viewed a piece of content (white paper, article, video). */
    CONTENT_VIEW,
    /** Viewed a customer case study (導入事例); the event's industry says whose. */
    CASE_STUDY_VIEW,
    /** Opened a marketing e-mail. */
    EMAIL_OPEN,
    /** Attended a seminar or webinar. */
    SEMINAR_ATTENDED
}
