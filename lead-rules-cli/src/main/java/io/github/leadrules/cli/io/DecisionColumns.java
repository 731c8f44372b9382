package io.github.leadrules.cli.io;

import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Urgency;

import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out the {@link Decisions#COLUMNS decision columns} of a UTF-8 CSV row straight into bytes,
 * exactly as {@link Utf8Buffer#csvField} lays out {@link Decisions#cells}.
 *
 * <p>Most of what these columns hold is the same on row after row: an outcome, an urgency, a team,
 * the rule set's fingerprint, the reasons of a few dozen rules. Each such value is laid out once,
 * by {@link Utf8Buffer#csvField} itself, and its bytes are kept and copied from then on; a reason is
 * kept by its rule id and message. What is kept is bounded ({@link #MAX_KEPT} values of at most
 * {@link #MAX_KEPT_CHARS} characters each); anything else is laid out as it comes.
 *
 * <p>Not thread-safe: one per rendering thread.
 */
final class DecisionColumns {

    /** Values kept, of each kind (texts, deadlines, reasons). */
    static final int MAX_KEPT = 1024;
    /** The longest value kept (a reason: its rule id and message together). */
    static final int MAX_KEPT_CHARS = 512;
    /** Reasons kept of any one rule id: a rule's messages may vary a little ("Requested DEMO"). */
    static final int MAX_MESSAGES_PER_RULE = 16;
    /** Urgency scores kept: 0 to 100 and a little beyond. */
    static final int SCORES = 128;

    private final char delimiter;
    private final boolean escapeFormulas;
    /** Whether the " | " between reasons calls for quotes itself. */
    private final boolean separatorQuotes;
    /** Lays out the values to keep. */
    private final Utf8Buffer scratch = new Utf8Buffer(256);

    private final byte[][] outcomes = new byte[8][];
    private final byte[][] levels = new byte[16][];
    private final byte[][] horizons = new byte[16][];
    private final byte[][] destinations = new byte[16][];
    private final byte[][] scores = new byte[SCORES][];
    private final Map<String, byte[]> texts = new HashMap<>();
    private final Map<Instant, byte[]> deadlines = new HashMap<>();
    private final Map<String, ReasonText[]> reasons = new HashMap<>();
    private int reasonsKept;
    /** The reasons of the row being laid out. */
    private ReasonText[] found = new ReasonText[8];

    /** A reason's "RULE-ID: message" in UTF-8, unquoted, and what it calls for in a field. */
    private record ReasonText(String message, byte[] bytes, boolean needsQuotes, boolean holdsQuote) {
    }

    /** @param delimiter an ASCII delimiter */
    DecisionColumns(char delimiter, boolean escapeFormulas) {
        this.delimiter = delimiter;
        this.escapeFormulas = escapeFormulas;
        this.separatorQuotes = delimiter == ' ' || delimiter == '|';
    }

    /**
     * Appends each decision column with the delimiter in front of it, as {@link Utf8Buffer#csvField}
     * lays out {@link Decisions#cells(long, Qualification, String)}.
     */
    void append(Utf8Buffer out, long line, Qualification q, String note) throws CharacterCodingException {
        Urgency u = q.urgency();
        Route r = q.route();
        char d = delimiter;
        out.raw(d, name(outcomes, q.outcome()));
        exclusions(out, q.exclusions());
        out.raw(d, name(levels, u.level()));
        out.raw(d, name(horizons, u.horizon()));
        out.raw(d, score(u.score()));
        out.raw(d, name(destinations, r.destination()));
        out.raw(d, text(r.team()));
        out.raw(d, text(r.owner()));
        out.raw(d, text(r.nurtureTrack()));
        out.raw(d, deadline(r.slaDeadline()));
        reasons(out, q.reasons());
        errors(out, line, q.fieldErrors(), note);
        out.raw(d, text(q.fingerprint()));
    }

    /** How many texts, deadlines and reasons are kept. */
    int kept() {
        return texts.size() + deadlines.size() + reasonsKept;
    }

    /** The field of an enum constant's name, kept by its ordinal. */
    private byte[] name(byte[][] kept, Enum<?> e) throws CharacterCodingException {
        int i = e.ordinal();
        if (i < kept.length) {
            byte[] b = kept[i];
            return b != null ? b : (kept[i] = field(e.name()));
        }
        return field(e.name());
    }

    private byte[] score(int score) throws CharacterCodingException {
        if (score >= 0 && score < SCORES) {
            byte[] b = scores[score];
            return b != null ? b : (scores[score] = field(Integer.toString(score)));
        }
        return field(Integer.toString(score));
    }

    /** The field of a text that repeats (team, owner, track, rule id, fingerprint); null as empty. */
    private byte[] text(String s) throws CharacterCodingException {
        if (s == null || s.isEmpty()) {
            return NOTHING;
        }
        byte[] b = texts.get(s);
        return b != null ? b : newText(s);
    }

    private byte[] newText(String s) throws CharacterCodingException {
        byte[] b = field(s);
        if (texts.size() < MAX_KEPT && s.length() <= MAX_KEPT_CHARS) {
            texts.put(s, b);
        }
        return b;
    }

    private static final byte[] NOTHING = {};

    private byte[] deadline(Instant t) throws CharacterCodingException {
        if (t == null) {
            return NOTHING;
        }
        byte[] b = deadlines.get(t);
        if (b == null) {
            b = field(Decisions.instant(t));
            if (deadlines.size() < MAX_KEPT) {
                deadlines.put(t, b);
            }
        }
        return b;
    }

    private void exclusions(Utf8Buffer out, List<Reason> exclusions) throws CharacterCodingException {
        if (exclusions.isEmpty()) {
            out.ascii(delimiter);
        } else if (exclusions.size() == 1) {
            out.raw(delimiter, text(exclusions.get(0).ruleId()));
        } else {
            out.ascii(delimiter);
            out.csvField(Decisions.exclusionIds(exclusions), delimiter, escapeFormulas);
        }
    }

    private void errors(Utf8Buffer out, long line, List<FieldError> errors, String note) throws CharacterCodingException {
        out.ascii(delimiter);
        if (!errors.isEmpty()) {
            out.csvField(Decisions.errors(line, errors, note), delimiter, escapeFormulas);
        }
    }

    /** {@code s} as {@link Utf8Buffer#csvField} lays it out. */
    private byte[] field(String s) throws CharacterCodingException {
        // (what a value the output encoding refused left behind is dropped)
        scratch.clear();
        scratch.csvField(s, delimiter, escapeFormulas);
        return scratch.take();
    }

    /**
     * The reasons' field: "RULE-ID: message" joined by " | ", as {@link Utf8Buffer#csvField} lays
     * out that text. Reasons seen before are copied; a field that might read as a formula, holds a
     * quote, or reasons not kept are laid out as they come.
     */
    private void reasons(Utf8Buffer out, List<Reason> reasons) throws CharacterCodingException {
        out.ascii(delimiter);
        int n = reasons.size();
        if (n == 0) {
            return;
        }
        if (escapeFormulas && mayReadAsFormula(reasons.get(0).ruleId())) {
            out.csvField(Decisions.reasons(reasons), delimiter, escapeFormulas);
            return;
        }
        if (n > found.length) {
            found = new ReasonText[Math.max(n, 2 * found.length)];
        }
        ReasonText[] texts = found;
        boolean quote = n > 1 && separatorQuotes;
        int size = 3 * (n - 1) + 2;
        for (int i = 0; i < n; i++) {
            ReasonText t = reasonText(reasons.get(i));
            if (t == null || t.holdsQuote) {
                out.reasonsField(reasons, delimiter);
                return;
            }
            texts[i] = t;
            quote |= t.needsQuotes;
            size += t.bytes.length;
        }
        byte[] firstBytes = texts[0].bytes;
        byte[] lastBytes = texts[n - 1].bytes;
        quote |= firstBytes[0] == ' ' || lastBytes[lastBytes.length - 1] == ' ';
        out.reserve(size);
        if (quote) {
            out.ascii('"');
        }
        out.raw(texts[0].bytes);
        for (int i = 1; i < n; i++) {
            out.raw(SEPARATOR);
            out.raw(texts[i].bytes);
        }
        if (quote) {
            out.ascii('"');
        }
    }

    private static final byte[] SEPARATOR = {' ', '|', ' '};

    /** Whether the reasons' field might be a formula: its first rule id starts with a formula's character. */
    private static boolean mayReadAsFormula(String firstRuleId) {
        return firstRuleId.isEmpty() || "=+-@\t\r".indexOf(firstRuleId.charAt(0)) >= 0;
    }

    /** The kept text of a reason, kept now when there is room; null when it is not kept. */
    private ReasonText reasonText(Reason r) throws CharacterCodingException {
        String message = r.message();
        ReasonText[] kept = reasons.get(r.ruleId());
        if (kept != null) {
            for (ReasonText t : kept) {
                if (t.message.equals(message)) {
                    return t;
                }
            }
        }
        return keep(r, kept);
    }

    private ReasonText keep(Reason r, ReasonText[] kept) throws CharacterCodingException {
        if (reasonsKept >= MAX_KEPT || r.ruleId().length() + r.message().length() > MAX_KEPT_CHARS
                || kept != null && kept.length >= MAX_MESSAGES_PER_RULE) {
            return null;
        }
        scratch.clear();
        scratch.text(r.ruleId());
        scratch.ascii(':');
        scratch.ascii(' ');
        scratch.text(r.message());
        byte[] b = scratch.take();
        boolean needsQuotes = false;
        boolean holdsQuote = false;
        for (byte x : b) {
            holdsQuote |= x == '"';
            needsQuotes |= x == '"' || x == '\n' || x == '\r' || x == delimiter;
        }
        ReasonText t = new ReasonText(r.message(), b, needsQuotes, holdsQuote);
        ReasonText[] more = kept == null ? new ReasonText[1] : Arrays.copyOf(kept, kept.length + 1);
        more[more.length - 1] = t;
        reasons.put(r.ruleId(), more);
        reasonsKept++;
        return t;
    }
}
