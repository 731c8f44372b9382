package io.github.leadrules.model;

import java.time.Instant;

/**
 * One thing the lead did, with when it happened.
 *
 * @param type     what kind of engagement; required
 * @param at       when it happened; required
 * @param detail   free text such as a page path or content title; may be null
 * @param industry for {@link EngagementType#CASE_STUDY_VIEW}, the industry of the customer in the
 *                 case study (e.g. "Manufacturing", "製造業"); may be null
 */
public record EngagementEvent(EngagementType type, Instant at, String detail, String industry) {

    /**
     * An event without detail or industry.
     *
     * @param type what happened
     * @param at when
     * @return the event
     */
    public static EngagementEvent of(EngagementType type, Instant at) {
        return new EngagementEvent(type, at, null, null);
    }

    /**
     * A pricing-page visit at the given time.
     *
     * @param at when
     * @return the event
     */
    public static EngagementEvent pricingPageVisit(Instant at) {
        return new EngagementEvent(EngagementType.PRICING_PAGE_VISIT, at, "/pricing", null);
    }

    /**
     * A case-study view whose customer is in the given industry.
     *
     * @param at when
     * @param industry the industry of the customer in the case study, as written
     * @param title the case study's title
     * @return the event
     */
    public static EngagementEvent caseStudyView(Instant at, String industry, String title) {
        return new EngagementEvent(EngagementType.CASE_STUDY_VIEW, at, title, industry);
    }
}
