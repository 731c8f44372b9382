package io.github.leadrules.policy;

import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A rule the policy states without DRL: when every {@link Condition} holds, add urgency points
 * (possibly negative), cap the urgency level, or exclude the lead with a reason. The policy file's
 * {@code signals:} section and a signals sheet (CSV) hold them; the qualifier compiles each into a
 * generated DRL rule (its {@code @id} is the signal's id, its ruleflow-group the stage) that takes
 * part like a packaged rule: in reasons, traces, the funnel, backtest statistics and diff.
 * Immutable.
 *
 * <pre>{@code
 * LeadPolicy policy = LeadPolicy.defaults().toBuilder()
 *     .field("time_on_site", FieldType.integer())
 *     .signal(Signal.urgency("ACME-REFERENCE")
 *         .when(Condition.equalTo("source", "Reference"), Condition.atLeast("time_on_site", "900"))
 *         .points(30)
 *         .reason("Came by reference and stayed 15 minutes")
 *         .build())
 *     .signal(Signal.exclusion("ACME-IMPORTED")
 *         .when(Condition.in("source", "List Import"))
 *         .reason("Imported lists are not leads")
 *         .build())
 *     .build();
 * }</pre>
 */
public final class Signal {

    /** The id's form: upper-case words of letters and digits joined by hyphens, e.g. {@code ACME-REFERENCE}. */
    public static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");

    /** The longest id, in characters. */
    public static final int MAX_ID = 64;

    /** The longest name and reason, in characters. */
    public static final int MAX_TEXT = 300;

    /** The most conditions one signal may have. */
    public static final int MAX_CONDITIONS = 20;

    /** The largest number of points, either way. */
    public static final int MAX_POINTS = 1000;

    private final String id;
    private final String name;
    private final Stage stage;
    private final List<Condition> conditions;
    private final Integer points;
    private final UrgencyLevel cap;
    private final String reason;

    private Signal(Builder b) {
        id = checkedId(b.id);
        stage = b.stage;
        conditions = List.copyOf(b.conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("when: a signal needs at least one condition");
        }
        if (conditions.size() > MAX_CONDITIONS) {
            throw new IllegalArgumentException("when: at most " + MAX_CONDITIONS + " conditions, got " + conditions.size());
        }
        String r = b.reason == null || b.reason.isBlank() ? null : b.reason.strip();
        if (r != null && r.length() > MAX_TEXT) {
            throw new IllegalArgumentException("reason: at most " + MAX_TEXT + " characters, got " + r.length());
        }
        if (r != null && !printable(r, true)) {
            throw new IllegalArgumentException("reason: must not contain control or format characters (line breaks and tabs aside)");
        }
        if (stage == Stage.EXCLUSION) {
            if (b.points != null) {
                throw new IllegalArgumentException("points: an exclusion takes no points (points and cap are for urgency signals)");
            }
            if (b.cap != null) {
                throw new IllegalArgumentException("cap: an exclusion takes no cap (points and cap are for urgency signals)");
            }
            if (r == null) {
                throw new IllegalArgumentException("reason: an exclusion needs a reason, the sentence its report shows");
            }
        } else {
            if (b.points == null && b.cap == null) {
                throw new IllegalArgumentException("points: an urgency signal needs points, a cap, or both");
            }
            if (b.points != null && Math.abs((long) b.points) > MAX_POINTS) {
                throw new IllegalArgumentException("points: must be between -" + MAX_POINTS + " and " + MAX_POINTS
                        + ", got " + b.points);
            }
            if (b.cap == UrgencyLevel.UNKNOWN || b.cap == UrgencyLevel.IMMEDIATE) {
                throw new IllegalArgumentException("cap: must be high, medium or low, got " + b.cap.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        points = b.points;
        cap = b.cap;
        String derived = derivedName();
        String n = b.name == null || b.name.isBlank() ? derived : b.name.strip();
        if (n.length() > MAX_TEXT || !printable(n, false)) {
            throw new IllegalArgumentException("name: at most " + MAX_TEXT + " characters, without control characters"
                    + " (a name is one sentence)");
        }
        name = n;
        reason = r != null ? r : n;
    }

    /** No control, format or unpaired surrogate characters; line breaks and tabs only where allowed. */
    static boolean printable(String s, boolean breaks) {
        return s.codePoints().allMatch(cp -> (breaks && (cp == '\n' || cp == '\r' || cp == '\t'))
                || io.github.leadrules.internal.SignalRules.printable(cp));
    }

    private static String checkedId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: every signal needs an id, e.g. ACME-REFERENCE");
        }
        if (id.length() > MAX_ID || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: must be upper-case letters and digits joined by hyphens, at most "
                    + MAX_ID + " characters, e.g. ACME-REFERENCE; got " + PolicyFileException.quote(id));
        }
        for (String prefix : List.of("EXC-", "URG-", "RTE-")) {
            if (id.startsWith(prefix)) {
                throw new IllegalArgumentException("id: " + id + " is in the packaged rules' namespace (EXC-, URG-, RTE-);"
                        + " give your signals a prefix of your own, e.g. ACME-");
            }
        }
        return id;
    }

    /**
     * A builder of an urgency signal (points, a cap, or both).
     *
     * @param id the signal's id, e.g. {@code ACME-REFERENCE}
     * @return the builder
     */
    public static Builder urgency(String id) {
        return new Builder(id, Stage.URGENCY);
    }

    /**
     * A builder of an exclusion signal (a reason is required).
     *
     * @param id the signal's id, e.g. {@code ACME-IMPORTED}
     * @return the builder
     */
    public static Builder exclusion(String id) {
        return new Builder(id, Stage.EXCLUSION);
    }

    /** {@return the id: the generated rule's {@code @id}} */
    public String id() { return id; }

    /** {@return the sentence name: the generated rule's name (derived from the conditions when none was given)} */
    public String name() { return name; }

    /** {@return {@link Stage#URGENCY} or {@link Stage#EXCLUSION}} */
    public Stage stage() { return stage; }

    /** {@return the conditions, all of which must hold} */
    public List<Condition> conditions() { return conditions; }

    /** {@return the urgency points, when the signal adds any} */
    public OptionalInt points() { return points == null ? OptionalInt.empty() : OptionalInt.of(points); }

    /** {@return the urgency level the signal caps at, when it caps} */
    public Optional<UrgencyLevel> cap() { return Optional.ofNullable(cap); }

    /** {@return the reason the decision records (the name when none was given to an urgency signal)} */
    public String reason() { return reason; }

    private String derivedName() {
        StringBuilder when = new StringBuilder();
        for (Condition c : conditions) {
            when.append(when.length() == 0 ? "" : " and ").append(c.describe());
        }
        String phrase;
        if (stage == Stage.EXCLUSION) {
            phrase = "Exclude leads when ";
        } else if (points == null) {
            phrase = "Cap urgency at " + cap.name().toLowerCase(java.util.Locale.ROOT) + " when ";
        } else {
            phrase = (points < 0 ? "Lower" : "Raise") + " urgency when ";
        }
        StringBuilder text0 = new StringBuilder(phrase);
        when.toString().codePoints().forEach(cp -> text0.appendCodePoint(
                io.github.leadrules.internal.SignalRules.printable(cp) ? cp : cp == '\n' || cp == '\t' || cp == '\r' ? ' ' : '\uFFFD'));
        String text = text0.toString();
        if (text.length() <= MAX_TEXT - 20) {
            return text;
        }
        int cut = MAX_TEXT - 21;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }

    /** A canonical text of every value, for the policy's fingerprint. */
    String canonicalText() {
        return id + "|" + stage + "|" + name + "|" + conditions + "|" + points + "|" + cap + "|" + reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signal s && canonicalText().equals(s.canonicalText());
    }

    @Override
    public int hashCode() {
        return canonicalText().hashCode();
    }

    @Override
    public String toString() {
        return "Signal[" + id + ", " + stage + ", " + conditions.size() + " conditions]";
    }

    /** Builds one {@link Signal}; {@link #build()} checks it and names the key at fault. */
    public static final class Builder {
        private final String id;
        private final Stage stage;
        private String name;
        private final List<Condition> conditions = new ArrayList<>();
        private Integer points;
        private UrgencyLevel cap;
        private String reason;

        private Builder(String id, Stage stage) {
            this.id = id;
            this.stage = stage;
        }

        /**
         * The sentence name of the generated rule; default derived from the conditions.
         *
         * @param name e.g. "Raise urgency for leads that came by reference"
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Adds conditions, all of which must hold.
         *
         * @param conditions the conditions
         * @return this builder
         */
        public Builder when(Condition... conditions) { return when(List.of(conditions)); }

        /**
         * Adds conditions, all of which must hold.
         *
         * @param conditions the conditions
         * @return this builder
         */
        public Builder when(Collection<Condition> conditions) {
            for (Condition c : conditions) {
                this.conditions.add(Objects.requireNonNull(c, "condition"));
            }
            return this;
        }

        /**
         * The urgency points (urgency signals only).
         *
         * @param points -1000 to 1000
         * @return this builder
         */
        public Builder points(int points) { this.points = points; return this; }

        /**
         * The level the urgency is capped at (urgency signals only).
         *
         * @param cap HIGH, MEDIUM or LOW
         * @return this builder
         */
        public Builder cap(UrgencyLevel cap) { this.cap = Objects.requireNonNull(cap, "cap"); return this; }

        /**
         * The reason the decision records; required for an exclusion, default the name otherwise.
         * No personal data.
         *
         * @param reason one sentence
         * @return this builder
         */
        public Builder reason(String reason) { this.reason = reason; return this; }

        /**
         * Checks the signal's own values; its fields are checked against the policy's when the policy is built.
         *
         * @return the signal
         * @throws IllegalArgumentException naming the key at fault, e.g. {@code "reason: an exclusion needs a reason"}
         */
        public Signal build() {
            return new Signal(this);
        }
    }
}
