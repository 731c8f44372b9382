package io.github.leadrules.policy;

import io.github.leadrules.internal.text.Text;
import io.github.leadrules.model.UrgencyLevel;

import java.time.Duration;
import java.util.List;

import static io.github.leadrules.policy.Checks.keys;
import static io.github.leadrules.policy.Checks.positive;

/**
 * The settings urgency rules read and the score thresholds that turn their points into a level:
 * engagement windows, bursts, cold leads and decision-maker titles. Immutable; part of a
 * {@link LeadPolicy}, changed through {@link LeadPolicy#toBuilder()}.
 */
public final class UrgencyPolicy {

    /** The urgency settings; one field per setting. */
    static final class Values extends Settings<Values> {
        int immediateScore;
        int highScore;
        int mediumScore;
        int pricingVisitThreshold;
        Duration engagementWindow;
        int burstEvents;
        Duration burstWindow;
        Duration coldAfter;
        List<String> decisionMakerTitles = List.of();
    }

    private final Values v;
    private final TitleKeywords decisionMakerMatcher;

    /** Checks a copy of the builder's values; a bad one names its key. */
    UrgencyPolicy(Values from) {
        v = from.copy();
        positive("urgencyThresholds.medium", v.mediumScore);
        positive("urgencyThresholds.high", v.highScore);
        positive("urgencyThresholds.immediate", v.immediateScore);
        if (!(v.mediumScore < v.highScore && v.highScore < v.immediateScore)) {
            throw new IllegalArgumentException("urgencyThresholds: must rise strictly medium < high < immediate, got "
                    + v.mediumScore + " / " + v.highScore + " / " + v.immediateScore);
        }
        positive("pricingVisitThreshold", v.pricingVisitThreshold);
        positive("engagementWindow", v.engagementWindow);
        positive("burstEvents", v.burstEvents);
        positive("burstWindow", v.burstWindow);
        positive("coldAfter", v.coldAfter);
        v.decisionMakerTitles = List.copyOf(keys("decisionMakerTitles", v.decisionMakerTitles, Text::key));
        decisionMakerMatcher = new TitleKeywords(v.decisionMakerTitles);
    }

    /** {@return a copy of the values, for a builder} */
    Values values() {
        return v.copy();
    }

    /**
     * The level a lead's summed urgency points give, before any cap: IMMEDIATE from
     * {@link #immediateScore()}, HIGH from {@link #highScore()}, MEDIUM from {@link #mediumScore()},
     * LOW below (zero and negative scores included). A lead no rule gave points to is UNKNOWN; the
     * qualifier decides that before asking.
     *
     * @param score the summed points
     * @return the level
     */
    public UrgencyLevel levelFor(int score) {
        if (score >= v.immediateScore) {
            return UrgencyLevel.IMMEDIATE;
        }
        if (score >= v.highScore) {
            return UrgencyLevel.HIGH;
        }
        return score >= v.mediumScore ? UrgencyLevel.MEDIUM : UrgencyLevel.LOW;
    }

    /**
     * Whether the job title (a matching key) names a decision maker: 部長, 取締役, CEO, VP, Director,
     * Head of …, unless it also contains an exception keyword ({@code !副部長}, {@code !assistant to} …).
     *
     * @param titleKey a job title's matching key, or null
     * @return true when it names a decision maker
     */
    public boolean isDecisionMakerTitle(String titleKey) {
        return decisionMakerMatcher.matches(titleKey);
    }

    /** {@return the score from which urgency is IMMEDIATE} */
    public int immediateScore() { return v.immediateScore; }
    /** {@return the score from which urgency is HIGH} */
    public int highScore() { return v.highScore; }
    /** {@return the score from which urgency is MEDIUM} */
    public int mediumScore() { return v.mediumScore; }
    /** {@return the pricing-page visits within the engagement window that raise urgency} */
    public int pricingVisitThreshold() { return v.pricingVisitThreshold; }
    /** {@return how far back pricing-page visits and case-study views count} */
    public Duration engagementWindow() { return v.engagementWindow; }
    /** {@return the events within the burst window that make a burst} */
    public int burstEvents() { return v.burstEvents; }
    /** {@return the window a burst of engagement is counted in} */
    public Duration burstWindow() { return v.burstWindow; }
    /** {@return how long without engagement makes a lead cold} */
    public Duration coldAfter() { return v.coldAfter; }
    /** {@return the decision-maker title keywords, {@code !} marking exceptions} */
    public List<String> decisionMakerTitles() { return v.decisionMakerTitles; }
}
