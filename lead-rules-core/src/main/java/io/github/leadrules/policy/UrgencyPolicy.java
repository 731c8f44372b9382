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

    private final int immediateScore;
    private final int highScore;
    private final int mediumScore;
    private final int pricingVisitThreshold;
    private final Duration engagementWindow;
    private final int burstEvents;
    private final Duration burstWindow;
    private final Duration coldAfter;
    private final List<String> decisionMakerTitles;
    private final TitleKeywords decisionMakerMatcher;

    /** Checks the builder's urgency values. */
    UrgencyPolicy(LeadPolicy.Builder b) {
        mediumScore = positive("urgencyThresholds.medium", b.mediumScore);
        highScore = positive("urgencyThresholds.high", b.highScore);
        immediateScore = positive("urgencyThresholds.immediate", b.immediateScore);
        if (!(mediumScore < highScore && highScore < immediateScore)) {
            throw new IllegalArgumentException("urgencyThresholds: must rise strictly medium < high < immediate, got "
                    + mediumScore + " / " + highScore + " / " + immediateScore);
        }
        pricingVisitThreshold = positive("pricingVisitThreshold", b.pricingVisitThreshold);
        engagementWindow = positive("engagementWindow", b.engagementWindow);
        burstEvents = positive("burstEvents", b.burstEvents);
        burstWindow = positive("burstWindow", b.burstWindow);
        coldAfter = positive("coldAfter", b.coldAfter);
        decisionMakerTitles = List.copyOf(keys("decisionMakerTitles", b.decisionMakerTitles, Text::key));
        decisionMakerMatcher = new TitleKeywords(decisionMakerTitles);
    }

    /** Copies these values into a builder. */
    void copyTo(LeadPolicy.Builder b) {
        b.immediateScore = immediateScore;
        b.highScore = highScore;
        b.mediumScore = mediumScore;
        b.pricingVisitThreshold = pricingVisitThreshold;
        b.engagementWindow = engagementWindow;
        b.burstEvents = burstEvents;
        b.burstWindow = burstWindow;
        b.coldAfter = coldAfter;
        b.decisionMakerTitles.addAll(decisionMakerTitles);
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
        if (score >= immediateScore) {
            return UrgencyLevel.IMMEDIATE;
        }
        if (score >= highScore) {
            return UrgencyLevel.HIGH;
        }
        return score >= mediumScore ? UrgencyLevel.MEDIUM : UrgencyLevel.LOW;
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
    public int immediateScore() { return immediateScore; }
    /** {@return the score from which urgency is HIGH} */
    public int highScore() { return highScore; }
    /** {@return the score from which urgency is MEDIUM} */
    public int mediumScore() { return mediumScore; }
    /** {@return the pricing-page visits within the engagement window that raise urgency} */
    public int pricingVisitThreshold() { return pricingVisitThreshold; }
    /** {@return how far back pricing-page visits and case-study views count} */
    public Duration engagementWindow() { return engagementWindow; }
    /** {@return the events within the burst window that make a burst} */
    public int burstEvents() { return burstEvents; }
    /** {@return the window a burst of engagement is counted in} */
    public Duration burstWindow() { return burstWindow; }
    /** {@return how long without engagement makes a lead cold} */
    public Duration coldAfter() { return coldAfter; }
    /** {@return the decision-maker title keywords, {@code !} marking exceptions} */
    public List<String> decisionMakerTitles() { return decisionMakerTitles; }
}
