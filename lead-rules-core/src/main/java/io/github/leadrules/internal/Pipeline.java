package io.github.leadrules.internal;

import io.github.leadrules.QualificationTrace;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.RecentLeads;
import io.github.leadrules.assign.Assignment;
import io.github.leadrules.assign.AssignmentRequest;
import io.github.leadrules.assign.AssignmentStrategy;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Team;
import io.github.leadrules.rules.Assessment;
import io.github.leadrules.rules.LeadContext;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs leads through validation and the three rule stages. Valid leads of a batch share one
 * session; the library, not the DRL, sets the stage order by focusing each agenda group in turn
 * and inserting {@link Assessment} facts between urgency and routing. If anything goes wrong in a
 * shared session (a rule throws, or one lead exceeds its firing bound), the batch is re-run one lead
 * per session, so only the lead at fault gets {@link Outcome#ERROR} and every other lead gets the
 * decision it would have had anyway.
 *
 * <p>With a {@link RuleWatchdog} (there are host rules), each session runs on one of its workers
 * while the calling thread waits (one hand-off per batch); without one, on the calling thread. A session that makes no progress for the policy's rule time budget is given up: when
 * a rule's action was running, its lead is ERROR at once and the rest of the batch runs again in a
 * new session; when a condition was being evaluated, the lead is not known and the batch is re-run
 * one lead per session like any other failure, so that lead gets stuck a second time, alone.
 */
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final CompiledRules rules;
    private final LeadPolicy policy;
    private final AccountDirectory directory;
    private final int batchSize;
    private final int maxFiringsPerLead;
    private final AssignmentStrategy assignment;
    private final RuleWatchdog watchdog;
    private final Duration budget;
    private final Set<String> unavailable;
    private final RecentLeads recentLeads;

    /**
     * A pipeline; {@code watchdog} is null to run sessions on the calling thread, unwatched;
     * {@code unavailable} names the standard fields the leads' source cannot provide.
     */
    public Pipeline(CompiledRules rules, LeadPolicy policy, AccountDirectory directory, int batchSize,
                    int maxFiringsPerLead, AssignmentStrategy assignment, RuleWatchdog watchdog,
                    Set<String> unavailable) {
        this(rules, policy, directory, batchSize, maxFiringsPerLead, assignment, watchdog, unavailable, null);
    }

    /** A pipeline that also records every valid lead in {@code recentLeads} (null: none) before its rules run. */
    public Pipeline(CompiledRules rules, LeadPolicy policy, AccountDirectory directory, int batchSize,
                    int maxFiringsPerLead, AssignmentStrategy assignment, RuleWatchdog watchdog,
                    Set<String> unavailable, RecentLeads recentLeads) {
        this.recentLeads = recentLeads;
        this.unavailable = Set.copyOf(unavailable);
        this.rules = rules;
        this.policy = policy;
        this.directory = directory;
        this.batchSize = batchSize;
        this.maxFiringsPerLead = maxFiringsPerLead;
        this.assignment = assignment;
        this.watchdog = watchdog;
        this.budget = policy.ruleTimeBudget();
    }

    /** One qualification per lead, in input order. Never throws for a lead's sake. */
    public List<Qualification> run(List<Lead> leads, Instant now) {
        return List.of(execute(leads, now, null));
    }

    /**
     * Like {@link #run} and also returns, per lead, the ids of the rules that fired (empty for
     * leads that never reached the rules).
     */
    public List<QualificationTrace> trace(List<Lead> leads, Instant now) {
        @SuppressWarnings("unchecked")
        List<String>[] fired = new List[leads.size()];
        Qualification[] out = execute(leads, now, fired);
        List<QualificationTrace> traces = new ArrayList<>(out.length);
        for (int i = 0; i < out.length; i++) {
            traces.add(new QualificationTrace(out[i], fired[i] == null ? List.of() : fired[i]));
        }
        return traces;
    }

    private Qualification[] execute(List<Lead> leads, Instant now, List<String>[] fired) {
        Qualification[] out = new Qualification[leads.size()];
        LeadPreparer.Prepared[] prepared = new LeadPreparer.Prepared[leads.size()];
        List<Integer> pendingIndex = new ArrayList<>(Math.min(leads.size(), batchSize));
        List<LeadPreparer.Prepared> pending = new ArrayList<>(Math.min(leads.size(), batchSize));
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = LeadPreparer.blankMissing(leads.get(i), policy);
            Map<String, Object> typed = policy.fields().isEmpty() ? Map.of() : new HashMap<>();
            LeadPreparer.Readings readings = new LeadPreparer.Readings();
            List<FieldError> errors = LeadPreparer.validate(lead, policy.fields(), now, typed, readings);
            if (!errors.isEmpty()) {
                out[i] = invalid(lead, errors);
                continue;
            }
            try {
                prepared[i] = remember(LeadPreparer.prepare(lead, policy, directory, typed, readings), now);
                pending.add(prepared[i]);
                pendingIndex.add(i);
            } catch (RuntimeException e) {
                LOG.warn("Account lookup failed for lead {}: {}", lead.id(), e.getClass().getName());
                out[i] = error(lead.id(), new Reason("ENGINE-ACCOUNT-LOOKUP", Stage.ENGINE,
                        "The account directory failed: " + e.getClass().getSimpleName()));
                continue;
            }
            if (pending.size() == batchSize) {
                runBatch(pending, pendingIndex, out, fired, now);
                pending.clear();
                pendingIndex.clear();
            }
        }
        if (!pending.isEmpty()) {
            runBatch(pending, pendingIndex, out, fired, now);
        }
        // After every batch is final (a failed batch is re-run lead by lead), and in input order, so
        // that a rotation sees each lead once and a single-threaded call is repeatable.
        for (int i = 0; i < out.length; i++) {
            if (prepared[i] != null) {
                out[i] = assign(out[i], prepared[i]);
            }
        }
        return out;
    }

    /**
     * Records the lead in the recent leads, in input order, and takes the previous lead they knew of
     * over the directory's. A failure here is an account-lookup failure, like the directory's.
     */
    private LeadPreparer.Prepared remember(LeadPreparer.Prepared p, Instant now) {
        if (recentLeads == null || p.emailDomain() == null || p.emailLocalPart() == null) {
            return p;
        }
        Instant at = p.lead().submittedAt() != null ? p.lead().submittedAt() : now;
        Optional<Instant> previous = recentLeads.record(p.emailLocalPart() + "@" + p.emailDomain(), at);
        return previous.isEmpty() ? p : p.withPreviousLeadAt(previous.get());
    }

    private Qualification assign(Qualification q, LeadPreparer.Prepared p) {
        if ((q.outcome() != Outcome.QUALIFIED && q.outcome() != Outcome.EXCLUDED)
                || !Team.routesToPeople(q.route().destination())) {
            return q;
        }
        Assignment a;
        try {
            Integer employees = p.lead().company() == null ? null : p.lead().company().employeeCount();
            a = assignment.assign(new AssignmentRequest(q.leadId(), q.outcome(), q.route(), p.account(), q.urgency(),
                    p.countryCode(), policy.routing().segmentOf(employees), policy));
            if (a == null) {
                throw new IllegalStateException("the strategy returned null");
            }
        } catch (RuntimeException e) {
            LOG.warn("Assignment strategy {} failed for lead {}: {}", assignment, q.leadId(), e.getClass().getName());
            a = Assignment.unassigned("ASSIGN-FAILED", "The assignment strategy failed with "
                    + e.getClass().getSimpleName() + "; the team queue takes the lead");
        }
        return a.applyTo(q);
    }

    private void runBatch(List<LeadPreparer.Prepared> batch, List<Integer> indexes, Qualification[] out,
                          List<String>[] fired, Instant now) {
        FiringGuard guard = new FiringGuard(maxFiringsPerLead, fired != null, batch.size());
        try {
            List<Qualification> results = watchdog == null ? session(batch, now, guard) : watchdog.run(() -> {
                guard.started(); // the budget counts from here: a busy machine's delay in starting a worker is not the rules'
                return session(batch, now, guard);
            }, guard, budget);
            for (int i = 0; i < results.size(); i++) {
                out[indexes.get(i)] = results.get(i);
                if (fired != null) {
                    fired[indexes.get(i)] = guard.fired(i);
                }
            }
            return;
        } catch (RunFailure failure) {
            if (batch.size() == 1) {
                out[indexes.get(0)] = failure.toQualification(batch.get(0).lead().id(), rules.fingerprint());
                return;
            }
            LOG.debug("Batch of {} failed ({}); re-running one lead per session", batch.size(), failure.getMessage());
        } catch (RuleWatchdog.Refused refused) {
            Reason reason = new Reason("ENGINE-STUCK-RULES", Stage.ENGINE, "Not evaluated: " + refused.stuckNow()
                    + " rule evaluations that did not finish within the rule time budget are still running in this JVM,"
                    + " the most tolerated; disable or fix the rule that loops and restart");
            for (int i = 0; i < batch.size(); i++) {
                out[indexes.get(i)] = error(batch.get(i).lead().id(), reason);
            }
            return;
        } catch (RuleWatchdog.Stuck stuck) {
            Stalled stalled = guard.stalled(stuck, rules, budget);
            LOG.warn("{}; its thread {} is left running ({} of at most {} such threads in this JVM)."
                            + " The rule is a bug: disable it (disableRule) or fix it, and restart",
                    stalled.message(), stuck.workerName(), stuck.stuckNow(), stuck.maxStuck());
            if (batch.size() == 1 || stalled.leadIndex() >= 0) {
                int at = batch.size() == 1 ? 0 : stalled.leadIndex();
                out[indexes.get(at)] = error(batch.get(at).lead().id(), new Reason(stalled.ruleId(), stalled.stage(),
                        stalled.message()));
                if (batch.size() > 1) {
                    List<LeadPreparer.Prepared> rest = new ArrayList<>(batch);
                    List<Integer> restIndexes = new ArrayList<>(indexes);
                    rest.remove(at);
                    restIndexes.remove(at);
                    runBatch(rest, restIndexes, out, fired, now);
                }
                return;
            }
            LOG.debug("Batch of {} stuck in a rule condition; re-running one lead per session", batch.size());
        }
        for (int i = 0; i < batch.size(); i++) {
            runBatch(List.of(batch.get(i)), List.of(indexes.get(i)), out, fired, now);
        }
    }

    /** Runs one batch in one session. */
    private List<Qualification> session(List<LeadPreparer.Prepared> batch, Instant now, FiringGuard guard) {
        StageHolder stage = new StageHolder();
        List<LeadContext> contexts = new ArrayList<>(batch.size());
        List<DecisionRecorder> recorders = new ArrayList<>(batch.size());
        for (LeadPreparer.Prepared p : batch) {
            DecisionRecorder recorder = new DecisionRecorder(stage);
            recorders.add(recorder);
            contexts.add(p.newContext(policy, now, unavailable, recorder));
        }
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) guard);
            session.addEventListener((RuleRuntimeEventListener) guard);
            guard.track(contexts, session, stage);
            int limit = maxFiringsPerLead * batch.size() + 1;
            for (LeadContext c : contexts) {
                session.insert(c);
            }
            guard.enter(Stage.EXCLUSION);
            fire(session, Stage.EXCLUSION, limit, guard);
            guard.enter(Stage.URGENCY);
            fire(session, Stage.URGENCY, limit, guard);
            List<Urgency> urgencies = new ArrayList<>(contexts.size());
            for (int i = 0; i < contexts.size(); i++) {
                DecisionRecorder r = recorders.get(i);
                Urgency urgency = urgency(r);
                urgencies.add(urgency);
                session.insert(new Assessment(contexts.get(i), ids(r.exclusions()), urgency));
            }
            guard.enter(Stage.ROUTING);
            fire(session, Stage.ROUTING, limit, guard);
            List<Qualification> results = new ArrayList<>(contexts.size());
            for (int i = 0; i < contexts.size(); i++) {
                results.add(decide(contexts.get(i), recorders.get(i), urgencies.get(i), now));
            }
            return results;
        } catch (ConsequenceException e) {
            String rule = e.getRule() == null ? "?" : e.getRule().getName();
            String id = e.getRule() == null ? "ENGINE" : DecisionRecorder.ruleId(e.getRule());
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // Only the library's own misuse messages are quoted: host exception messages may carry lead data.
            throw new RunFailure(id, stage.current(), "Rule '" + rule + "' (" + id + ") failed with "
                    + cause.getClass().getSimpleName() + (cause instanceof RuleMisuseException ? ": " + cause.getMessage() : ""));
        } catch (RunFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // Exceptions while inserting come from conditions: Drools names no rule for them.
            RuleMisuseException misuse = misuse(e);
            throw new RunFailure("ENGINE", stage.current(), "A rule condition failed with "
                    + (misuse == null ? e.getClass().getSimpleName() : "RuleMisuseException") + " during the "
                    + stage.current().agendaGroup() + " stage" + (misuse == null ? "" : ": " + misuse.getMessage()));
        } finally {
            session.dispose();
        }
    }

    /** The library's own misuse error behind a condition's failure (Drools may wrap it), or null. */
    private static RuleMisuseException misuse(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof RuleMisuseException m) {
                return m;
            }
        }
        return null;
    }

    private void fire(KieSession session, Stage stage, int limit, FiringGuard guard) {
        session.getAgenda().getAgendaGroup(stage.agendaGroup()).setFocus();
        int fired = session.fireAllRules(limit);
        if (guard.runawayRule != null) {
            throw new RunFailure(guard.runawayId, stage, "Rule '" + guard.runawayRule + "' (" + guard.runawayId
                    + ") exceeded the bound of " + maxFiringsPerLead + " rule firings for one lead; stopped");
        }
        if (fired >= limit) {
            throw new RunFailure("ENGINE", stage, "More than " + (limit - 1) + " rule firings in the "
                    + stage.agendaGroup() + " stage; stopped");
        }
    }

    private static Set<String> ids(List<Reason> reasons) {
        // Assessment keeps an immutable copy: most leads have no exclusion, or one
        if (reasons.isEmpty()) {
            return Set.of();
        }
        if (reasons.size() == 1) {
            return Set.of(reasons.get(0).ruleId());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Reason r : reasons) {
            ids.add(r.ruleId());
        }
        return ids;
    }

    /** Points summed, then the level from the policy thresholds, then every cap applied. */
    private Urgency urgency(DecisionRecorder r) {
        if (r.urgencyPoints().isEmpty() && r.urgencyCaps().isEmpty()) {
            return Urgency.UNKNOWN;
        }
        int score = 0;
        PurchaseTimeframe horizon = PurchaseTimeframe.UNKNOWN;
        Set<String> signals = new TreeSet<>();
        for (DecisionRecorder.UrgencyPoints p : r.urgencyPoints()) {
            score += p.points();
            signals.add(p.ruleId());
            if (p.horizon() != null && p.horizon().ordinal() < horizon.ordinal()) {
                horizon = p.horizon();
            }
        }
        // No points at all: no signal, so UNKNOWN; else the policy's thresholds decide.
        UrgencyLevel level = r.urgencyPoints().isEmpty() ? UrgencyLevel.UNKNOWN : policy.urgency().levelFor(score);
        for (DecisionRecorder.UrgencyCap cap : r.urgencyCaps()) {
            signals.add(cap.ruleId());
            if (level != UrgencyLevel.UNKNOWN) {
                level = UrgencyLevel.min(level, cap.level());
            }
        }
        return new Urgency(level, horizon, score, List.copyOf(signals));
    }

    private Qualification decide(LeadContext c, DecisionRecorder r, Urgency urgency, Instant now) {
        List<Reason> exclusions = sortedById(r.exclusions());
        List<Reason> reasons = new ArrayList<>(exclusions);
        reasons.addAll(sortedById(r.urgencyReasons()));
        Route route;
        // The highest salience wins, ties go to the smaller rule id (a loop: this runs for every lead).
        DecisionRecorder.RouteProposal winner = null;
        for (DecisionRecorder.RouteProposal p : r.routeProposals()) {
            if (winner == null || p.salience() > winner.salience()
                    || (p.salience() == winner.salience() && p.ruleId().compareTo(winner.ruleId()) < 0)) {
                winner = p;
            }
        }
        if (winner == null) {
            // Promise: nothing is lost. With no routing rule matching, inside sales owns the gap.
            String team = policy.routing().fallbackTeam(c.getCountryCode(), c.getSegment()).map(Team::name).orElse(null);
            route = new Route(Destination.INSIDE_SALES, team, null, null,
                    policy.routing().slaDeadline(Destination.INSIDE_SALES, urgency.level(), now));
            reasons.add(new Reason("ENGINE-UNROUTED", Stage.ROUTING,
                    "No routing rule matched; inside sales takes the lead so that it is not lost"));
        } else {
            route = new Route(winner.destination(), winner.team(), winner.owner(), winner.nurtureTrack(),
                    policy.routing().slaDeadline(winner.destination(), urgency.level(), now));
            reasons.add(winner.reason());
        }
        Outcome outcome = exclusions.isEmpty() ? Outcome.QUALIFIED : Outcome.EXCLUDED;
        return new Qualification(c.getLeadId(), outcome, exclusions, urgency, route, reasons, List.of(),
                rules.fingerprint());
    }

    private static final Comparator<Reason> BY_RULE_ID = Comparator.comparing(Reason::ruleId);

    private static List<Reason> sortedById(List<Reason> reasons) {
        if (reasons.size() < 2) {
            return reasons; // sorted already; Qualification copies what it keeps
        }
        List<Reason> out = new ArrayList<>(reasons);
        out.sort(BY_RULE_ID);
        return out;
    }

    private Qualification invalid(Lead lead, List<FieldError> errors) {
        List<Reason> reasons = new ArrayList<>(errors.size());
        for (FieldError e : errors) {
            reasons.add(new Reason("VAL-" + e.code().replace('_', '-'), Stage.VALIDATION,
                    "Field " + e.field() + " is invalid: " + e.code()));
        }
        String id = lead == null || lead.id() == null || lead.id().length() > LeadPreparer.MAX_ID ? null : lead.id();
        return new Qualification(id, Outcome.INVALID, List.of(), Urgency.UNKNOWN, Route.NONE, reasons, errors,
                rules.fingerprint());
    }

    private Qualification error(String leadId, Reason reason) {
        return new Qualification(leadId, Outcome.ERROR, List.of(), Urgency.UNKNOWN, Route.NONE, List.of(reason),
                List.of(), rules.fingerprint());
    }

    /** Why a session stalled: the rule to blame (or ENGINE), the stage, the lead's index in the batch or -1, the reason. */
    private record Stalled(String ruleId, Stage stage, int leadIndex, String message) {
    }

    /** A budget as the policy file writes it: 10s, 200ms, 1m30s, 1h. */
    static String budgetText(Duration budget) {
        long millis = budget.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        StringBuilder sb = new StringBuilder();
        if (seconds >= 3600) {
            sb.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            sb.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 != 0 || seconds == 0) {
            sb.append(seconds % 60).append('s');
        }
        return sb.toString();
    }

    /** Why a session run failed; carries the rule to blame. */
    private static final class RunFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String ruleId;
        private final Stage stage;

        RunFailure(String ruleId, Stage stage, String message) {
            super(message, null, false, false);
            this.ruleId = ruleId;
            this.stage = stage;
        }

        Qualification toQualification(String leadId, String fingerprint) {
            LOG.warn("Lead {} yielded ERROR: {}", leadId, getMessage());
            return new Qualification(leadId, Outcome.ERROR, List.of(), Urgency.UNKNOWN, Route.NONE,
                    List.of(new Reason(ruleId, stage, getMessage())), List.of(), fingerprint);
        }
    }

    /**
     * Counts firings per lead and halts the session when one lead exceeds its bound; when tracing,
     * also remembers which rules fired for each lead. A rule that loops by changing working memory
     * (update, insert, delete) re-activates innocent rules too, and the firing that crosses the
     * bound may be theirs, so the blame goes to the rule whose consequences changed working memory
     * most often for that lead, and only without such a rule to the one that crossed the bound.
     */
    private static final class FiringGuard extends DefaultAgendaEventListener
            implements RuleRuntimeEventListener, RuleWatchdog.Watched {
        private final int max;
        private final Map<LeadContext, int[]> counts;
        private final Map<LeadContext, Map<Rule, int[]>> changesByLead = new IdentityHashMap<>();
        private final Map<LeadContext, List<String>> firedByLead;
        private List<LeadContext> contexts = List.of();
        private LeadContext firing;
        private Rule firingRule;
        private StageHolder stage;
        private volatile KieSession session;
        /**
         * Bumped (a release store, no fence) after every event; the watchdog's thread reads it, and
         * through it sees the plain fields written before, such as the rule now firing.
         */
        private final AtomicLong progress = new AtomicLong();
        private long events;
        String runawayRule;
        String runawayId;

        FiringGuard(int max, boolean trace, int leads) {
            this.max = max;
            this.counts = new IdentityHashMap<>(leads); // sized once: a batch's leads nearly all fire a rule
            this.firedByLead = trace ? new IdentityHashMap<>() : null;
        }

        /** The contexts of the session, in batch order, so that traces map back by position (ids may repeat). */
        void track(List<LeadContext> sessionContexts, KieSession kieSession, StageHolder stageHolder) {
            contexts = sessionContexts;
            stage = stageHolder;
            session = kieSession;
            moved();
        }

        void started() {
            moved();
        }

        void enter(Stage next) {
            stage.enter(next);
            moved();
        }

        private void moved() {
            progress.lazySet(++events);
        }

        @Override
        public long progress() {
            return progress.get();
        }

        @Override
        public void stop() {
            KieSession s = session;
            if (s != null) {
                s.halt();
            }
        }

        /**
         * Why the session stalled, read on the watching thread: the rule whose action was running
         * and its lead, else the rule or host method the stuck thread's stack names, else only the stage.
         */
        Stalled stalled(RuleWatchdog.Stuck stuck, CompiledRules rules, Duration budget) {
            progress(); // an acquiring read: the fields below are at least as new as the last event

            Rule rule = firingRule;
            LeadContext lead = firing;
            Stage at = stage == null ? Stage.ENGINE : stage.current();
            String within = "within the rule time budget of " + budgetText(budget);
            if (rule != null) {
                int index = -1;
                for (int i = 0; i < contexts.size() && index < 0; i++) {
                    if (contexts.get(i) == lead) {
                        index = i;
                    }
                }
                String id = DecisionRecorder.ruleId(rule);
                return new Stalled(id, at, index, "Rule '" + rule.getName() + "' (" + id + ") did not finish its action "
                        + within + " in the " + at.agendaGroup() + " stage; stopped");
            }
            StuckFrames.Entry entry = StuckFrames.entry(stuck.workerStack(), rules.kieBase());
            if (entry.rule() != null) {
                String id = DecisionRecorder.ruleId(entry.rule());
                return new Stalled(id, at, -1, "A condition of rule '" + entry.rule().getName() + "' (" + id
                        + ") did not finish " + within + " during the " + at.agendaGroup() + " stage; stopped");
            }
            return new Stalled("ENGINE", at, -1, "A rule condition did not finish " + within + " during the "
                    + at.agendaGroup() + " stage" + (entry.method() == null ? "" : " (stuck in " + entry.method() + ")")
                    + "; stopped");
        }

        /** The rule ids fired for the i-th lead of the session. */
        List<String> fired(int i) {
            List<String> ids = firedByLead.get(contexts.get(i));
            return ids == null ? List.of() : ids;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            firing = leadOf(event.getMatch());
            firingRule = event.getMatch().getRule();
            stage.firing(firingRule);
            moved();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Match match = event.getMatch();
            // The lead beforeMatchFired found for this very match (firings do not nest).
            LeadContext context = firing != null ? firing : leadOf(match);
            firing = null;
            firingRule = null;
            stage.firing(null);
            moved();
            if (context == null) {
                return;
            }
            if (firedByLead != null) {
                firedByLead.computeIfAbsent(context, k -> new ArrayList<>()).add(DecisionRecorder.ruleId(match.getRule()));
            }
            int n = ++counts.computeIfAbsent(context, k -> new int[1])[0];
            if (n > max && runawayRule == null) {
                Rule blamed = mostChanging(context, match.getRule());
                runawayRule = blamed.getName();
                runawayId = DecisionRecorder.ruleId(blamed);
                event.getKieRuntime().halt();
            }
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            countChange(event.getRule());
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            countChange(event.getRule());
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            countChange(event.getRule());
        }

        /** A working-memory change made by a consequence (the library's own inserts have no rule). */
        private void countChange(Rule rule) {
            moved();
            if (rule != null && firing != null) {
                changesByLead.computeIfAbsent(firing, k -> new HashMap<>())
                        .computeIfAbsent(rule, k -> new int[1])[0]++;
            }
        }

        private Rule mostChanging(LeadContext context, Rule fallback) {
            Map<Rule, int[]> changes = changesByLead.get(context);
            if (changes == null || changes.isEmpty()) {
                return fallback;
            }
            Rule blamed = null;
            int most = 0;
            for (Map.Entry<Rule, int[]> e : changes.entrySet()) {
                int n = e.getValue()[0];
                // Ties go to the smaller rule id, so that the blame does not depend on map order.
                if (n > most || (n == most && DecisionRecorder.ruleId(e.getKey()).compareTo(DecisionRecorder.ruleId(blamed)) < 0)) {
                    blamed = e.getKey();
                    most = n;
                }
            }
            return blamed;
        }

        private static LeadContext leadOf(Match match) {
            return MatchFacts.leadOf(match);
        }
    }
}
