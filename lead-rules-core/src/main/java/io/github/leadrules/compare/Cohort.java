package io.github.leadrules.compare;

import java.util.Objects;

/**
 * A group of backtested leads (an urgency level, a route, an outcome …) and how it converted.
 * Rates and lifts are NaN when undefined: a group without leads has no conversion rate, and a
 * backtest without any conversion has no lift.
 *
 * @param key                the group, e.g. {@code "HIGH"} or {@code "FIELD_SALES"}
 * @param leads              leads in the group
 * @param conversions        of them, the leads that converted
 * @param conversionRate     {@code conversions / leads}
 * @param lift               the conversion rate over the base rate of all leads (1.0: no better than average)
 * @param shareOfConversions the group's conversions over all conversions, 0 to 1 (NaN when there are none)
 */
public record Cohort(String key, int leads, int conversions, double conversionRate, double lift,
                     double shareOfConversions) {

    /**
     * Requires a key, and conversions between 0 and the number of leads.
     *
     * @param key the group, e.g. {@code "HIGH"} or {@code "FIELD_SALES"}
     * @param leads leads in the group
     * @param conversions of them, the leads that converted
     * @param conversionRate {@code conversions / leads}
     * @param lift the conversion rate over the base rate of all leads (1.0: no better than average)
     * @param shareOfConversions the group's conversions over all conversions, 0 to 1 (NaN when there are none)
     */
    public Cohort {
        Objects.requireNonNull(key, "key");
        if (leads < 0 || conversions < 0 || conversions > leads) {
            throw new IllegalArgumentException("cohort " + key + ": conversions must be between 0 and leads, got "
                    + conversions + " of " + leads);
        }
    }

    /** Computes rate, lift and share from the counts and the totals of the whole backtest. */
    static Cohort of(String key, int leads, int conversions, int allLeads, int allConversions) {
        double rate = Formats.ratio(conversions, leads);
        double baseRate = Formats.ratio(allConversions, allLeads);
        double lift = baseRate == 0 || Double.isNaN(baseRate) ? Double.NaN : rate / baseRate;
        return new Cohort(key, leads, conversions, rate, lift, Formats.ratio(conversions, allConversions));
    }
}
