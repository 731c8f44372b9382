/**
 * Learns urgency signals and thresholds from historical leads whose outcome is known (won or
 * lost), cross-validated, and writes them as an ordinary policy file that {@code LeadPolicy.load}
 * reads. Start with {@link io.github.leadrules.calibrate.Calibrator#builder()}; the answer is a
 * {@link io.github.leadrules.calibrate.Calibration}. The {@code internal} package is not API.
 */
package io.github.leadrules.calibrate;
