package io.github.leadrules.calibrate;

import io.github.leadrules.model.UrgencyLevel;

/**
 * How one urgency tier did out of fold: every lead was scored by signals and thresholds learned
 * without it. Means and spreads (sample standard deviation) are taken over the folds.
 *
 * @param level         the tier: IMMEDIATE, HIGH, MEDIUM, or LOW (which includes leads no
 *                      urgency rule gave points to)
 * @param leads         leads in the tier, all folds together
 * @param conversions   of which converted
 * @param shareMean     mean share of a fold's leads in the tier
 * @param liftMean      mean lift: the tier's conversion rate over its fold's base rate (0 when
 *                      the tier is empty in a fold)
 * @param liftSpread    standard deviation of the lift over the folds
 * @param captureMean   mean share of a fold's conversions that fall in the tier
 * @param captureSpread standard deviation of the capture over the folds
 */
public record TierStatistics(UrgencyLevel level, int leads, int conversions, double shareMean, double liftMean,
                             double liftSpread, double captureMean, double captureSpread) {
}
