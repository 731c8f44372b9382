package io.github.leadrules.calibrate;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.calibrate.internal.Engine;

import java.util.List;
import java.util.Objects;

/**
 * Learns urgency signals and thresholds from historical leads with a known outcome.
 *
 * <pre>{@code
 * LeadQualifier base = LeadQualifier.builder().policy(LeadPolicy.load(Path.of("lead-policy.yaml"))).build();
 * Calibration c = Calibrator.builder().qualifier(base).folds(5).seed(42).build().calibrate(history);
 * Files.writeString(Path.of("learned.yaml"), c.policyYaml(Files.readString(Path.of("lead-policy.yaml"))));
 * System.out.print(c.summary());
 * }</pre>
 *
 * <p>Each lead is decided by the base qualifier as of its own submission time
 * ({@link io.github.leadrules.model.Lead#submittedAt()}), as it stood when it came in; a lead
 * without one is decided at the qualifier's clock. (Decided as of one later day, every old lead
 * would look cold to the packaged {@code URG-COLD-ENGAGEMENT} and the thresholds would absorb it.)
 * A packaged urgency rule that fires for 90 % or more of the leads learned from, or an exclusion
 * rule that excludes 90 % or more of the decided leads, is named in the
 * {@link Calibration#warnings() warnings}.
 *
 * <p>How it learns, on the leads the base qualifier QUALIFIES (only those get an urgency; the
 * leads it excludes are counted per exclusion rule, see {@link Calibration#exclusions()}):
 * <ol>
 *   <li><b>Fields.</b> Every standard field that holds a value in some lead, and every attribute.
 *       A field declared in the policy's {@code fields:} is read with its type; any other
 *       attribute is <em>numeric</em> when at least 95 % of its non-blank values read as numbers,
 *       else <em>text</em>. Contact name, e-mail and phone count only as there or not (their
 *       values are personal data and never written); dates and timestamps are not binned.</li>
 *   <li><b>Bins.</b> Text: each value with at least {@link Builder#minimumSupport(int) minimum
 *       support} leads whose conversion rate differs significantly from the other leads'
 *       ({@code |z| ≥} {@link Builder#significance(double) significance}, two-proportion z test)
 *       is its own bin; the rest are pooled. Numbers: ranges cut at the
 *       {@link Builder#quantileBins(int) quantiles} of the values, then the adjacent pair with the
 *       least significant difference is merged, again and again, until every bin has the minimum
 *       support, the rates rise or fall monotonically, and every adjacent difference is
 *       significant. Blank and placeholder values ({@code missingValues}) are a bin of their own
 *       when they have the support and differ significantly from the present ones.</li>
 *   <li><b>Evidence</b> (an m-estimate, which is the posterior mean under a beta prior centred on
 *       the base rate): a bin with {@code n} leads of which {@code k} converted has the shrunk
 *       rate {@code p̂ = (k + m·p₀) / (n + m)}, where {@code p₀} is the base rate and {@code m}
 *       the {@link Builder#priorWeight(double) prior weight} (a Beta(m·p₀, m·(1−p₀)) prior), so a
 *       small bin stays near the base rate.</li>
 *   <li><b>Points</b>: {@code round(d · log₂(odds(p̂) / odds(p₀)))} with {@code odds(p) = p/(1−p)}
 *       and {@code d} the {@link Builder#pointsPerDoubling(int) points per doubling of the
 *       odds}, limited to ±1000. Bins of one field that get the same points become one signal
 *       ({@code in:}); a bin worth 0 points gets no signal. A lead's score is the sum of the
 *       points of the signals it matches plus what the base policy's urgency rules give it.</li>
 *   <li><b>Thresholds</b>: the scores above which the top {@link Builder#tierShares shares} of
 *       the leads learned from lie (10 %, 30 % and 60 % by default for IMMEDIATE, HIGH and at
 *       least MEDIUM), raised where needed to rise strictly from 1.</li>
 *   <li><b>Leakage guard</b>: a field whose bins alone rank the outcome with an area under the ROC
 *       curve of at least {@link Builder#leakageAuc(double) leakageAuc} is left out and named:
 *       it looks filled in after the sale.</li>
 *   <li><b>Cross-validation</b>: the leads are dealt into {@link Builder#folds(int) folds}
 *       (stratified by outcome, shuffled with the {@link Builder#seed(long) seed}); each fold is
 *       scored by everything above learned on the other folds, giving the out-of-fold lift and
 *       capture of each tier with their spread. The signals written are learned on all leads.</li>
 * </ol>
 * The same leads, settings and seed give the same result, byte for byte.
 */
public final class Calibrator {

    private final Engine.Settings settings;
    private final LeadQualifier qualifier;

    private Calibrator(Builder b) {
        this.qualifier = b.qualifier != null ? b.qualifier : LeadQualifier.builder().build();
        this.settings = new Engine.Settings(b.folds, b.seed, b.minimumSupport, b.priorWeight, b.significance,
                b.quantileBins, b.immediateShare, b.highShare, b.mediumShare, b.leakageAuc, b.pointsPerDoubling);
    }

    /** {@return a builder with the defaults: 5 folds, seed 1, minimum support 30, prior weight 20, significance 2.58} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Learns from the leads.
     *
     * @param history leads with their known outcome, in a stable order (the order takes part in
     *                the seeded shuffle)
     * @return what was learned and how it did out of fold
     * @throws IllegalArgumentException when fewer leads are decidable than folds, or none converted
     */
    public Calibration calibrate(List<HistoricalLead> history) {
        Objects.requireNonNull(history, "history");
        return new Engine(settings, qualifier).run(history);
    }

    /** Settings of a {@link Calibrator}; every one has a default. */
    public static final class Builder {
        private LeadQualifier qualifier;
        private int folds = 5;
        private long seed = 1;
        private int minimumSupport = 30;
        private double priorWeight = 20;
        private double significance = 2.58;
        private int quantileBins = 5;
        private double immediateShare = 0.10;
        private double highShare = 0.30;
        private double mediumShare = 0.60;
        private double leakageAuc = 0.95;
        private int pointsPerDoubling = 10;
        private boolean qualifierSet;

        private Builder() {
        }

        /**
         * The base rule set: its policy gives the declared fields, the placeholder values and the
         * settings kept; its exclusion rules decide which leads are learned from; its urgency
         * points are part of every score. Default: the packaged rules with the default policy.
         *
         * @param qualifier the base qualifier
         * @return this builder
         * @throws IllegalStateException when called twice
         */
        public Builder qualifier(LeadQualifier qualifier) {
            if (qualifierSet) {
                throw new IllegalStateException("the base qualifier was already set");
            }
            this.qualifier = Objects.requireNonNull(qualifier, "qualifier");
            qualifierSet = true;
            return this;
        }

        /**
         * Folds of the cross-validation, 2 to 20. Default 5.
         *
         * @param folds the number of folds
         * @return this builder
         */
        public Builder folds(int folds) {
            if (folds < 2 || folds > 20) {
                throw new IllegalArgumentException("folds must be between 2 and 20, got " + folds);
            }
            this.folds = folds;
            return this;
        }

        /**
         * The seed of the shuffle that deals leads into folds. Default 1.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The fewest leads a value or range needs to be a bin of its own. Default 30.
         *
         * @param minimumSupport at least 1
         * @return this builder
         */
        public Builder minimumSupport(int minimumSupport) {
            if (minimumSupport < 1) {
                throw new IllegalArgumentException("minimumSupport must be at least 1, got " + minimumSupport);
            }
            this.minimumSupport = minimumSupport;
            return this;
        }

        /**
         * The weight {@code m} of the prior (the base rate) in a bin's shrunk rate
         * {@code (k + m·p₀) / (n + m)}: as many imaginary leads converting at the base rate.
         * Default 20.
         *
         * @param m at least 0
         * @return this builder
         */
        public Builder priorWeight(double m) {
            if (!(m >= 0) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("priorWeight must be a number of at least 0, got " + m);
            }
            this.priorWeight = m;
            return this;
        }

        /**
         * The |z| of the two-proportion test from which a difference between bins counts.
         * Default 2.58 (two-sided 1 %).
         *
         * @param z at least 0
         * @return this builder
         */
        public Builder significance(double z) {
            if (!(z >= 0) || Double.isInfinite(z)) {
                throw new IllegalArgumentException("significance must be a number of at least 0, got " + z);
            }
            this.significance = z;
            return this;
        }

        /**
         * How many quantile ranges a numeric field starts with before merging, 2 to 20. Default 5.
         *
         * @param bins the number of ranges
         * @return this builder
         */
        public Builder quantileBins(int bins) {
            if (bins < 2 || bins > 20) {
                throw new IllegalArgumentException("quantileBins must be between 2 and 20, got " + bins);
            }
            this.quantileBins = bins;
            return this;
        }

        /**
         * The share of the leads learned from that the thresholds aim to put at IMMEDIATE, at
         * HIGH or above, and at MEDIUM or above. Default 0.10, 0.30, 0.60.
         *
         * @param immediate share at IMMEDIATE
         * @param highOrAbove share at HIGH or above
         * @param mediumOrAbove share at MEDIUM or above
         * @return this builder
         */
        public Builder tierShares(double immediate, double highOrAbove, double mediumOrAbove) {
            if (!(immediate > 0 && immediate < highOrAbove && highOrAbove < mediumOrAbove && mediumOrAbove < 1)) {
                throw new IllegalArgumentException("tier shares must rise strictly between 0 and 1, got "
                        + immediate + ", " + highOrAbove + ", " + mediumOrAbove);
            }
            this.immediateShare = immediate;
            this.highShare = highOrAbove;
            this.mediumShare = mediumOrAbove;
            return this;
        }

        /**
         * The area under the ROC curve from which a field alone is taken to know the outcome
         * (filled in after the sale) and is left out. Default 0.95.
         *
         * @param auc between 0.5 (exclusive) and 1 (inclusive)
         * @return this builder
         */
        public Builder leakageAuc(double auc) {
            if (!(auc > 0.5 && auc <= 1)) {
                throw new IllegalArgumentException("leakageAuc must be above 0.5 and at most 1, got " + auc);
            }
            this.leakageAuc = auc;
            return this;
        }

        /**
         * Points for a doubling of the odds of converting. Default 10.
         *
         * @param points 1 to 100
         * @return this builder
         */
        public Builder pointsPerDoubling(int points) {
            if (points < 1 || points > 100) {
                throw new IllegalArgumentException("pointsPerDoubling must be between 1 and 100, got " + points);
            }
            this.pointsPerDoubling = points;
            return this;
        }

        /** {@return the calibrator} */
        public Calibrator build() {
            return new Calibrator(this);
        }
    }
}
