package io.github.leadrules.calibrate;

/**
 * The converted leads one packaged (or host) exclusion rule threw away in the historical input.
 * calibrate never changes exclusion rules; this shows what they cost.
 *
 * @param ruleId         the exclusion rule's id
 * @param excluded       leads it excluded (a lead several rules exclude counts for each)
 * @param converted      of which converted anyway
 * @param conversionRate {@code converted / excluded}
 * @param lift           {@code conversionRate} over the base rate of all decidable leads
 */
public record ExclusionReport(String ruleId, int excluded, int converted, double conversionRate, double lift) {
}
