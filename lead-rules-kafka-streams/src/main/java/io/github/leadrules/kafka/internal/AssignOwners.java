package io.github.leadrules.kafka.internal;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.assign.Assignment;
import io.github.leadrules.assign.AssignmentRequest;
import io.github.leadrules.assign.AssignmentStrategy;
import io.github.leadrules.assign.RotationState;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Segment;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * Assigns owners, keyed by team: every lead of one team reaches one rotation store entry, in order,
 * so the rotation continues across restarts and instances. The policy is the one of the rule set
 * that decided the lead (by fingerprint), else the one serving now. A strategy that throws leaves
 * the lead in the team's queue ({@code ASSIGN-FAILED}), as in one process.
 *
 * <p>Releases (from the optional releases topic, keyed by team like the leads) reach the same
 * entry in the same order: a release of a lead outstanding for its owner frees one slot of the
 * owner's capacity; any other release (sent twice, a lead the owner never had, an owner without a
 * capacity) changes nothing and writes nothing.
 */
public final class AssignOwners implements Processor<String, Envelope, String, Envelope> {

    private static final Logger LOG = LoggerFactory.getLogger(AssignOwners.class);

    private final LeadRulesJson json;
    private final RuleSets ruleSets;
    private final String rotationStoreName;
    private final Function<RotationState, AssignmentStrategy> strategies;
    private ProcessorContext<String, Envelope> context;
    private KeyValueStore<String, byte[]> store;

    public AssignOwners(LeadRulesJson json, RuleSets ruleSets, String rotationStoreName,
                        Function<RotationState, AssignmentStrategy> strategies) {
        this.json = json;
        this.ruleSets = ruleSets;
        this.rotationStoreName = rotationStoreName;
        this.strategies = strategies;
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.store = context.getStateStore(rotationStoreName);
    }

    @Override
    public void process(Record<String, Envelope> record) {
        Envelope in = record.value();
        if (in != null && in.is(Envelope.Kind.RELEASE)) {
            release(in);
            return;
        }
        if (in == null || !in.is(Envelope.Kind.ASSIGN)) {
            return;
        }
        Qualification q;
        try {
            q = json.readQualification(in.decision());
        } catch (RuntimeException e) {
            String sentence = "the decision to assign could not be read (" + e.getClass().getSimpleName() + ")";
            context.forward(new Record<String, Envelope>(null,
                    Envelope.dead(in.decision(), DeadLetters.reason("ASSIGN_FAILED", sentence)),
                    record.timestamp(), DeadLetters.headers(record.headers(), "ASSIGN_FAILED", sentence,
                    context.recordMetadata())));
            return;
        }
        LeadQualifier decidedBy = ruleSets.byFingerprint(q.fingerprint()).orElseGet(ruleSets::current);
        String team = q.route().team();
        Assignment a;
        StoreRotationState state = team == null ? null : new StoreRotationState(store, team);
        try {
            AssignmentStrategy strategy = strategies.apply(state != null ? state : RotationState.inMemory());
            a = strategy.assign(new AssignmentRequest(q.leadId(), q.outcome(), q.route(), in.account(), q.urgency(),
                    in.countryCode(), in.segment() == null ? null : Segment.valueOf(in.segment()), decidedBy.policy()));
            if (a == null) {
                throw new IllegalStateException("the strategy returned null");
            }
        } catch (RuntimeException e) {
            LOG.warn("Assignment failed for lead {}: {}", q.leadId(), e.getClass().getName());
            a = Assignment.unassigned("ASSIGN-FAILED", "The assignment strategy failed with "
                    + e.getClass().getSimpleName() + "; the team queue takes the lead");
        }
        if (state != null) {
            if (a.hasOwner()) {
                String owner = a.owner();
                int capacity = decidedBy.policy().routing().team(team).flatMap(t -> t.rep(owner))
                        .map(Rep::capacity).orElse(0);
                state.assigned(q.leadId(), owner, capacity);
            }
            state.save();
        }
        Qualification assigned = a.applyTo(q);
        context.forward(record.withKey(q.leadId()).withValue(Envelope.decided(q.leadId(), json.writeQualificationUtf8(assigned))));
    }

    private void release(Envelope in) {
        StoreRotationState state = new StoreRotationState(store, in.team());
        if (state.release(in.leadId(), in.owner())) {
            state.save();
        } else {
            LOG.debug("Release of lead {} in team {} ignored: not outstanding for its owner", in.leadId(), in.team());
        }
    }
}
