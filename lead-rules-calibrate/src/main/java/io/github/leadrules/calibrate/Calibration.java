package io.github.leadrules.calibrate;

import io.github.leadrules.calibrate.internal.PolicyWriter;
import io.github.leadrules.calibrate.internal.Summary;
import io.github.leadrules.model.FieldType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Calibrator#calibrate} learned, and how it did out of fold.
 *
 * @param rows         historical leads given
 * @param judgedAtSubmission leads decided as of their own submission time ({@code submittedAt});
 *                     the others were decided at the base qualifier's clock
 * @param undecidable  leads the base qualifier found INVALID or ERROR (not learned from)
 * @param excluded     leads the base qualifier excluded (not learned from; see {@code exclusions})
 * @param learnedFrom  qualified leads, the ones signals and thresholds are learned from
 * @param converted    how many of those converted
 * @param baseRate     {@code converted / learnedFrom}
 * @param folds        folds of the cross-validation
 * @param seed         the seed of the shuffle
 * @param fields       the fields the written policy declares: the base policy's, then the ones
 *                     calibrate inferred for the signals, in order
 * @param signals      the signals learned on all qualified leads, by field then bin
 * @param thresholds   the urgency thresholds
 * @param fieldReports what became of each field, in order
 * @param tiers        out-of-fold figures per tier, IMMEDIATE first
 * @param exclusions   the conversions each exclusion rule threw away, most conversions first
 * @param warnings     things to know before using the file (e.g. values of a numeric field that
 *                     are not numbers, a packaged rule that fired for 90 % or more of the leads);
 *                     no cell values
 */
public record Calibration(int rows, int judgedAtSubmission, int undecidable, int excluded, int learnedFrom, int converted, double baseRate,
                          int folds, long seed, Map<String, FieldType> fields, List<LearnedSignal> signals,
                          UrgencyThresholds thresholds, List<FieldReport> fieldReports, List<TierStatistics> tiers,
                          List<ExclusionReport> exclusions, List<String> warnings) {

    /**
     * Copies the collections.
     *
     * @param rows historical leads given
     * @param judgedAtSubmission leads decided as of their own submission time
     * @param undecidable leads found INVALID or ERROR
     * @param excluded leads excluded
     * @param learnedFrom qualified leads learned from
     * @param converted how many of those converted
     * @param baseRate their conversion rate
     * @param folds folds of the cross-validation
     * @param seed the seed of the shuffle
     * @param fields the fields the written policy declares
     * @param signals the signals learned
     * @param thresholds the urgency thresholds
     * @param fieldReports what became of each field
     * @param tiers out-of-fold figures per tier
     * @param exclusions the conversions each exclusion rule threw away
     * @param warnings things to know before using the file
     */
    public Calibration {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        signals = List.copyOf(signals);
        fieldReports = List.copyOf(fieldReports);
        tiers = List.copyOf(tiers);
        exclusions = List.copyOf(exclusions);
        warnings = List.copyOf(warnings);
    }

    /**
     * The learned policy file: the base policy's text with its top-level {@code fields},
     * {@code signals} and {@code urgencyThresholds} blocks left out, then those three as learned.
     * Every text value is a double-quoted YAML scalar with escapes, so values from an export
     * cannot change the file's structure.
     *
     * @param baseText the base policy file's text, or null for none (the defaults)
     * @return the file's text, lines ending in {@code \n}
     * @throws IllegalArgumentException when the base text is not a block mapping at its top level
     */
    public String policyYaml(String baseText) {
        return PolicyWriter.write(this, baseText);
    }

    /**
     * Writes {@link #policyYaml(String)}.
     *
     * @param out      where to write
     * @param baseText the base policy file's text, or null
     */
    public void writePolicy(Writer out, String baseText) {
        try {
            out.write(policyYaml(baseText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A readable summary: the leads learned from, the fields used and left out (and why), the
     * tiers with out-of-fold lift and capture ± spread, the signals, and the exclusion rules'
     * cost. No cell values except the learned conditions' own.
     *
     * @return several lines, each ending in {@code \n}
     */
    public String summary() {
        return Summary.of(this);
    }
}
