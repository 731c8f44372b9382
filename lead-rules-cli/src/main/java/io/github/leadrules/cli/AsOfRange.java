package io.github.leadrules.cli;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The years {@code --as-of} may name: 1970 to 9999. A lead export is never dated before the Unix
 * epoch, and a year beyond 9999 is a typing slip ({@code +99999-…}) that would make every
 * submission look decades old and every deadline absurd.
 */
final class AsOfRange {

    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 9999;

    private AsOfRange() {
    }

    /** The instant, when its year (UTC) is within range; else a usage problem naming the option. */
    static Instant check(Instant asOf, String option) throws UsageProblem {
        int year = asOf.atOffset(ZoneOffset.UTC).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new UsageProblem(option + ": the year must be between " + FIRST_YEAR + " and " + LAST_YEAR
                    + ", got " + year);
        }
        return asOf;
    }
}
