package io.github.leadrules.cli;

import io.github.leadrules.cli.columns.RowMapper;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.policy.LeadPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One input row read as a lead, or why it cannot be one: the row's own problems (quoting, field
 * count, JSON), the cells that do not parse, and bytes not valid in the input encoding. Every
 * command turns an unreadable row into the same INVALID decision, so line numbers and counts agree
 * between {@code qualify}, {@code diff} and {@code backtest}.
 *
 * @param row         the row as read
 * @param mapped      the lead and cell problems, or null when the row has no cells to map
 * @param errors      everything that keeps the row from being a lead; empty when it is one
 * @param badEncoding whether a cell holds bytes not valid in the input encoding
 */
record ReadRow(InputRow row, RowMapper.Result mapped, List<FieldError> errors, boolean badEncoding) {

    /** The hint shown for a row with bytes not valid in the input encoding. */
    static final String BAD_ENCODING_NOTE =
            "bytes that are not valid in the input encoding; try --encoding Shift_JIS (or windows-31j)";

    ReadRow {
        errors = List.copyOf(errors);
    }

    /** Reads one row. */
    static ReadRow of(InputRow row, RowMapper mapper) {
        List<String> cells = row.cells();
        List<FieldError> problems = row.problems();
        RowMapper.Result mapped = cells.isEmpty() && !problems.isEmpty() ? null : mapper.map(row.line(), cells);
        boolean badEncoding = badEncoding(cells);
        if (problems.isEmpty() && !badEncoding && (mapped == null || mapped.errors().isEmpty())) {
            return new ReadRow(row, mapped, List.of(), false);
        }
        List<FieldError> errors = new ArrayList<>(problems);
        if (mapped != null) {
            errors.addAll(mapped.errors());
        }
        if (badEncoding) {
            errors.add(new FieldError("row", "BAD_ENCODING"));
        }
        return new ReadRow(row, mapped, errors, badEncoding);
    }

    /** Whether a cell holds U+FFFD, the decoder's stand-in for bytes not valid in the input encoding. */
    private static boolean badEncoding(List<String> cells) {
        for (int i = 0, n = cells.size(); i < n; i++) {
            if (cells.get(i).indexOf('\uFFFD') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the row is a lead the rules can decide. */
    boolean readable() {
        return errors.isEmpty();
    }

    /** The lead read from the row, or null when the row had no cells to map. */
    Lead lead() {
        return mapped == null ? null : mapped.lead();
    }

    /**
     * The errors that make this row INVALID under a qualifier with this policy and "now", as
     * {@code qualify} writes them in {@code decision_errors}: the row's own errors when it cannot be
     * read, else the qualifier's field check ({@link FieldError#validate(Lead, LeadPolicy, Instant)}),
     * each naming the input column. Empty when the rules would decide the row.
     */
    List<FieldError> errorsUnder(LeadPolicy policy, Instant now, RowMapper mapper) {
        if (!readable()) {
            return errors;
        }
        return inColumns(FieldError.validate(lead(), policy, now), mapper);
    }

    /** The qualifier's field errors, each naming the input column behind its model field. */
    static List<FieldError> inColumns(List<FieldError> fieldErrors, RowMapper mapper) {
        List<FieldError> named = new ArrayList<>(fieldErrors.size());
        for (FieldError e : fieldErrors) {
            named.add(new FieldError(mapper.columnOf(e.field()), e.code()));
        }
        return named;
    }

    /** The row's explanation of its problems: its own note, else the encoding hint, else null. */
    String note() {
        return row.note() != null || !badEncoding ? row.note() : BAD_ENCODING_NOTE;
    }

    /** The INVALID decision for this row, when it is unreadable: its errors, no rule fired. */
    Qualification invalid(String leadId, String fingerprint) {
        return invalid(leadId, errors, fingerprint);
    }

    /** The INVALID decision for an unreadable row: its errors, no rule fired. */
    static Qualification invalid(String leadId, List<FieldError> errors, String fingerprint) {
        return new Qualification(leadId, Outcome.INVALID, List.of(), Urgency.UNKNOWN, Route.NONE, List.of(), errors, fingerprint);
    }
}
