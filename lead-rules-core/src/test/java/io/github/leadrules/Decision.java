package io.github.leadrules;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.UrgencyLevel;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a scenario asserts about one qualification, in one value, so that a failing scenario
 * shows the whole decision it got next to the one it expected.
 *
 * <pre>{@code
 * assertThat(Decision.of(q)).isEqualTo(Decision.expect(Outcome.QUALIFIED)
 *         .urgency(UrgencyLevel.IMMEDIATE, PurchaseTimeframe.WITHIN_1_MONTH)
 *         .route(Destination.FIELD_SALES, "field-sales-enterprise").sla(Duration.ofHours(1))
 *         .because("URG-DECISION-MAKER", "URG-SALES-REQUEST", "URG-TIMEFRAME-1-MONTH", "RTE-FIELD-SALES"));
 * }</pre>
 *
 * @param outcome      the outcome
 * @param exclusions   the exclusion rule ids
 * @param urgency      the urgency level
 * @param horizon      the purchase horizon
 * @param destination  the route's destination
 * @param team         the route's team
 * @param owner        the route's owner
 * @param nurtureTrack the route's nurture track
 * @param sla          the time from "now" to the SLA deadline, or null
 * @param reasons      every reason id, in order
 */
public record Decision(Outcome outcome, List<String> exclusions, UrgencyLevel urgency, PurchaseTimeframe horizon,
                       Destination destination, String team, String owner, String nurtureTrack, Duration sla,
                       List<String> reasons) {

    /** The decision of a qualification made at {@link Fixtures#NOW}. */
    public static Decision of(Qualification q) {
        return of(q, Fixtures.NOW);
    }

    /** The decision of a qualification made at the given "now". */
    public static Decision of(Qualification q, Instant now) {
        Route r = q.route();
        return new Decision(q.outcome(), q.exclusions().stream().map(Reason::ruleId).toList(), q.urgency().level(),
                q.urgency().horizon(), r.destination(), r.team(), r.owner(), r.nurtureTrack(),
                r.slaDeadline() == null ? null : Duration.between(now, r.slaDeadline()), q.reasonIds());
    }

    /** Starts an expected decision: no urgency, no route, until said otherwise. */
    public static Expected expect(Outcome outcome) {
        return new Expected(outcome);
    }

    /** An expected decision under construction; {@link #because} completes it. */
    public static final class Expected {
        private final Outcome outcome;
        private UrgencyLevel urgency = UrgencyLevel.UNKNOWN;
        private PurchaseTimeframe horizon = PurchaseTimeframe.UNKNOWN;
        private Destination destination = Destination.NONE;
        private String team;
        private String owner;
        private String nurtureTrack;
        private Duration sla;

        private Expected(Outcome outcome) {
            this.outcome = outcome;
        }

        public Expected urgency(UrgencyLevel level) {
            return urgency(level, PurchaseTimeframe.UNKNOWN);
        }

        public Expected urgency(UrgencyLevel level, PurchaseTimeframe horizon) {
            this.urgency = level;
            this.horizon = horizon;
            return this;
        }

        public Expected route(Destination destination, String team) {
            this.destination = destination;
            this.team = team;
            return this;
        }

        public Expected owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Expected track(String nurtureTrack) {
            this.nurtureTrack = nurtureTrack;
            return this;
        }

        public Expected sla(Duration sla) {
            this.sla = sla;
            return this;
        }

        /** Completes the expectation; the exclusions are the reasons whose id starts with {@code EXC-}. */
        public Decision because(String... reasonIds) {
            List<String> reasons = Arrays.asList(reasonIds);
            return new Decision(outcome, reasons.stream().filter(id -> id.startsWith("EXC-")).toList(), urgency,
                    horizon, destination, team, owner, nurtureTrack, sla, List.copyOf(reasons));
        }
    }
}
