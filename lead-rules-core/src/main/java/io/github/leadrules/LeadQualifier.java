package io.github.leadrules;

import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.RecentLeads;
import io.github.leadrules.assign.AssignmentStrategy;
import io.github.leadrules.internal.Alongside;
import io.github.leadrules.internal.CompiledRules;
import io.github.leadrules.internal.Pipeline;
import io.github.leadrules.internal.RuleSource;
import io.github.leadrules.internal.RuleWatchdog;
import io.github.leadrules.internal.SignalRules;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Stage;
import io.github.leadrules.policy.LeadPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The entry point: qualifies leads with the packaged exclusion, urgency and routing rules, the
 * host's policy and the host's own rules. Build one, keep it, share it between threads.
 *
 * <pre>{@code
 * LeadQualifier qualifier = LeadQualifier.builder()
 *     .policy(LeadPolicy.defaults().toBuilder().competitorDomains("rival.example").build())
 *     .accounts(accountDirectory)
 *     .clock(Clock.systemUTC())
 *     .build();                                   // compiles the rules once
 *
 * Qualification q = qualifier.qualify(lead);
 * List<Qualification> all = qualifier.qualifyAll(leads);   // same size, same order
 * String funnel = FunnelReport.of(all).toText();
 * }</pre>
 *
 * <p>Every lead yields exactly one {@link Qualification}: bad input is {@code INVALID} with field
 * codes, a failing or runaway rule is {@code ERROR} for that lead only; neither method throws for a
 * lead's sake. Instances are immutable and thread-safe.
 *
 * <p>Customising: a policy ({@link LeadPolicy#load(Path)} reads the YAML policy file; its
 * {@link LeadPolicy#signals() signals} become generated rules of their own), host DRL
 * ({@link Builder#addRules(Path)}, {@link Builder#replaceStage(Stage, Path)}, {@link Builder#disableRule(String)}),
 * owner assignment ({@link Builder#assignment(AssignmentStrategy)}) and, for rules that change while
 * serving, {@link ReloadableLeadQualifier}.
 *
 * <p>Host rules are code: they run with the host's privileges. Never load rules from untrusted users.
 *
 * <h2>Rules that do not finish</h2>
 * A rule that re-fires itself is stopped by the firing bound ({@link Builder#maxRuleFiringsPerLead}).
 * A rule that loops inside its action or condition ({@code while (true) {}}, a call that never
 * returns) is stopped by time: when there are host rules ({@link Builder#addRules},
 * {@link Builder#replaceStage}), each batch's rule session runs on a library worker thread while the
 * calling thread waits, and when the session shows no progress (no fact inserted, no rule starting
 * or finishing) for the policy's {@link LeadPolicy#ruleTimeBudget() rule time budget} (default 10 s),
 * the call gives up on it. The packaged rules alone, and the rules generated from the policy's
 * signals, run on the calling thread: they are the library's own code, they always finish, and
 * they are spared the hand-off. The lead at fault is {@code ERROR} with a reason naming the rule (the rule
 * whose action was running; for a condition, the rule when the stuck code is its own {@code eval},
 * else the stage and the host method it was stuck in), every other lead gets the decision it would
 * have had, and the call returns normally.
 *
 * <p>The stuck thread cannot be stopped safely. It is interrupted and its session halted, which ends
 * code that waits or checks for interruption; a plain loop goes on as a daemon thread, keeping one
 * CPU core busy until it ends or the JVM exits, and is logged once at WARN with the rule's id (no
 * lead data). At most 8 such threads are
 * tolerated in one JVM; beyond that, every further lead is {@code ERROR} ({@code ENGINE-STUCK-RULES})
 * until some of them end, rather than a thread being leaked per looping lead. Treat such a rule as a
 * bug: disable it ({@link Builder#disableRule}, or reload without it through
 * {@link ReloadableLeadQualifier}) or fix it, and restart the process to get the core back.
 *
 * <p>Rules run on the worker thread with the caller's context class loader, but not its other
 * thread-local state (e.g. a logging MDC). The hand-off costs two thread wake-ups per batch (about
 * 8 µs on an idle 2-core VM, more when other processes keep the cores busy): little against a batch
 * of 200 leads, noticeable against a single {@link #qualify} call.
 */
public final class LeadQualifier implements Qualifier {

    /** The packaged rule files, in stage order. */
    public static final List<String> PACKAGED_RULES = List.of(
            "io/github/leadrules/rules/exclusion.drl",
            "io/github/leadrules/rules/urgency.drl",
            "io/github/leadrules/rules/routing.drl");

    private final CompiledRules rules;
    private final LeadPolicy policy;
    private final Clock clock;
    private final Pipeline pipeline;
    private final AssignmentStrategy assignment;
    private final boolean watched;

    private LeadQualifier(Builder b, CompiledRules rules, LeadPolicy policy) {
        this.rules = rules;
        this.policy = policy;
        this.clock = b.clock;
        this.assignment = b.assignment != null ? b.assignment : AssignmentStrategy.fromPolicy();
        // The packaged rules are the library's own code and always finish; only host rules can loop.
        this.watched = !b.hostRules.isEmpty() || !b.replacedStages.isEmpty();
        this.pipeline = new Pipeline(rules, policy, b.accounts, b.batchSize, b.maxFiringsPerLead, assignment,
                watched ? RuleWatchdog.shared() : null, b.unavailable, b.recentLeads);
    }

    /**
     * The standard fields {@link Builder#unavailableFields} accepts, named as
     * {@link io.github.leadrules.model.FieldError} names them.
     */
    public static final Set<String> STANDARD_FIELDS = Set.of("contactName", "email", "phone", "jobTitle", "source",
            "inquiryType", "purchaseTimeframe", "budgetStatus", "consent", "engagement", "salesStatus",
            "lastSalesActivity", "submittedAt", "company.name", "company.domain", "company.industry",
            "company.employeeCount", "company.annualRevenue", "company.country");

    /**
     * A builder with the default policy, no accounts, the system UTC clock and the packaged rules.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Qualifies one lead. Never throws for the lead's sake; a null lead is INVALID.
     *
     * @param lead the lead, possibly invalid or null
     * @return its qualification, never null
     */
    @Override
    public Qualification qualify(Lead lead) {
        return qualify(lead, clock.instant());
    }

    /**
     * Qualifies one lead at the given "now" instead of the clock's: an event's own timestamp, so that
     * replaying the event decides it the same way. Never throws for the lead's sake.
     *
     * @param lead the lead, possibly invalid or null
     * @param now the instant the decision is made at
     * @return its qualification, never null
     */
    @Override
    public Qualification qualify(Lead lead, Instant now) {
        Objects.requireNonNull(now, "now");
        return pipeline.run(Collections.singletonList(lead), now).get(0);
    }

    /**
     * Qualifies leads like {@link #qualifyAll(List)}, all at the given "now" instead of the clock's.
     *
     * @param leads the leads; none may be missing, but each may be invalid
     * @param now the instant every decision is made at
     * @return one qualification per lead, in input order
     */
    @Override
    public List<Qualification> qualifyAll(List<Lead> leads, Instant now) {
        Objects.requireNonNull(leads, "leads");
        Objects.requireNonNull(now, "now");
        return pipeline.run(leads, now);
    }

    /**
     * Qualifies leads in batches that share rule sessions; returns one qualification per lead, in
     * the same order. All leads of one call are decided at the same "now".
     *
     * @param leads the leads; none may be missing, but each may be invalid
     * @return one qualification per lead, in input order
     */
    @Override
    public List<Qualification> qualifyAll(List<Lead> leads) {
        Objects.requireNonNull(leads, "leads");
        return pipeline.run(leads, clock.instant());
    }

    /**
     * Qualifies leads like {@link #qualifyAll} and also reports every rule that fired for each lead,
     * including routing proposals that lost. Slower; meant for testing and explaining rules. Owner
     * assignment runs as in {@link #qualifyAll}, so a rotation advances here too.
     *
     * @param leads the leads to qualify and trace
     * @return one trace per lead, in input order
     */
    @Override
    public List<QualificationTrace> trace(List<Lead> leads) {
        Objects.requireNonNull(leads, "leads");
        return pipeline.trace(leads, clock.instant());
    }

    /**
     * Traces leads like {@link #trace(List)}, all at the given "now" instead of the clock's: for
     * replaying history as of the time each lead came in.
     *
     * @param leads the leads to qualify and trace
     * @param now the instant every decision is made at
     * @return one trace per lead, in input order
     */
    public List<QualificationTrace> trace(List<Lead> leads, Instant now) {
        Objects.requireNonNull(leads, "leads");
        Objects.requireNonNull(now, "now");
        return pipeline.trace(leads, now);
    }

    /**
     * Qualifies historical leads each as of its own submission time ({@link Lead#submittedAt()}), so
     * that history is judged as it stood when each lead came in (a lead from last year is not
     * "cold" for being old today); a lead without one is decided at the clock. Leads submitted at
     * the same instant are decided together. For backtests and calibration.
     *
     * @param leads the leads; none may be missing, but each may be invalid
     * @return one qualification per lead, in input order
     */
    public List<Qualification> qualifyAllAtSubmission(List<Lead> leads) {
        return atSubmission(leads, this::qualifyAll, this::qualifyAll);
    }

    /**
     * Traces historical leads each as of its own submission time, like
     * {@link #qualifyAllAtSubmission(List)}.
     *
     * @param leads the leads to qualify and trace
     * @return one trace per lead, in input order
     */
    public List<QualificationTrace> traceAtSubmission(List<Lead> leads) {
        return atSubmission(leads, this::trace, this::trace);
    }

    /** Runs the leads grouped by submission instant (undated ones at the clock); results in input order. */
    private static <T> List<T> atSubmission(List<Lead> leads, Function<List<Lead>, List<T>> atClock,
                                            BiFunction<List<Lead>, Instant, List<T>> atInstant) {
        Objects.requireNonNull(leads, "leads");
        Map<Instant, List<Integer>> byInstant = new TreeMap<>();
        List<Integer> undated = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            Instant at = Objects.requireNonNull(leads.get(i), "leads: a lead is missing").submittedAt();
            if (at == null) {
                undated.add(i);
            } else {
                byInstant.computeIfAbsent(at, x -> new ArrayList<>()).add(i);
            }
        }
        List<T> out = new ArrayList<>(Collections.nCopies(leads.size(), null));
        if (!undated.isEmpty()) {
            placeAt(out, undated, atClock.apply(pick(leads, undated)));
        }
        byInstant.forEach((at, indices) -> placeAt(out, indices, atInstant.apply(pick(leads, indices), at)));
        return Collections.unmodifiableList(out);
    }

    private static List<Lead> pick(List<Lead> leads, List<Integer> indices) {
        List<Lead> picked = new ArrayList<>(indices.size());
        for (int i : indices) {
            picked.add(leads.get(i));
        }
        return picked;
    }

    private static <T> void placeAt(List<T> out, List<Integer> indices, List<T> results) {
        for (int j = 0; j < indices.size(); j++) {
            out.set(indices.get(j), results.get(j));
        }
    }

    /** {@return the fingerprint of the rule texts, disabled ids and policy, 16 hex digits} Every qualification carries it. */
    @Override
    public String fingerprint() {
        return rules.fingerprint();
    }

    /** {@return the policy in force} */
    @Override
    public LeadPolicy policy() {
        return policy;
    }

    /** {@return the owner assignment in force: the builder's, else {@link AssignmentStrategy#fromPolicy()}} */
    public AssignmentStrategy assignment() {
        return assignment;
    }

    /** Whether rule sessions run on watched worker threads (there are host rules), for tests. */
    boolean watchesRuleTime() {
        return watched;
    }

    /** {@return the effective rules (packaged and host, minus disabled), in stage order then id} */
    @Override
    public List<RuleDescription> rules() {
        return rules.rules();
    }

    /**
     * Configures a {@link LeadQualifier}. {@link #build()} compiles the rules once and reports every
     * problem at once in an {@link InvalidRulesException}.
     */
    public static final class Builder {
        /** Null for the defaults, which {@link #build()} then loads while it compiles the rules. */
        private LeadPolicy policy;
        private AccountDirectory accounts = AccountDirectory.empty();
        private Clock clock = Clock.systemUTC();
        private final List<RuleSource> hostRules = new ArrayList<>();
        private final Map<Stage, RuleSource> replacedStages = new EnumMap<>(Stage.class);
        private final Set<String> disabled = new LinkedHashSet<>();
        private int batchSize = 200;
        private int maxFiringsPerLead = 1_000;
        private AssignmentStrategy assignment;
        private RecentLeads recentLeads;
        private Set<String> unavailable = Set.of();

        private Builder() {
        }

        /**
         * Names the standard fields the leads' source cannot provide at all, such as the e-mail and
         * phone of an export that has no contact columns. A packaged rule does not decide on the
         * absence of a field its source cannot provide: {@code EXC-NO-CONTACT} does not fire when
         * neither {@code email} nor {@code phone} can be provided (it still fires when one of them
         * can and the lead has neither), {@code EXC-FREEMAIL-NO-COMPANY} does not fire when
         * {@code company.name} cannot. Host rules read it as {@code provided("email")} on the
         * context. It describes the input, not the policy: it is not part of the fingerprint.
         * Default: every field can be provided.
         *
         * @param fields standard fields as {@link io.github.leadrules.model.FieldError} names them:
         *               {@code email}, {@code phone}, {@code company.name} … (see {@link #STANDARD_FIELDS})
         * @return this builder
         * @throws IllegalArgumentException naming a field that is not a standard field
         */
        public Builder unavailableFields(Collection<String> fields) {
            Set<String> copy = new LinkedHashSet<>();
            for (String f : fields) {
                if (!STANDARD_FIELDS.contains(f)) {
                    throw new IllegalArgumentException("unavailableFields: not a standard field: " + f
                            + " (one of " + STANDARD_FIELDS + ")");
                }
                copy.add(f);
            }
            this.unavailable = Collections.unmodifiableSet(copy);
            return this;
        }

        /**
         * The policy; defaults to {@link LeadPolicy#defaults()}. Left unset, the defaults (135 000
         * shipped domains) load on a short-lived daemon thread while {@link #build()} compiles the
         * rules, which shortens a cold start.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder policy(LeadPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The account directory; defaults to one that knows nothing.
         *
         * @param accounts the directory to match leads against
         * @return this builder
         */
        public Builder accounts(AccountDirectory accounts) {
            this.accounts = Objects.requireNonNull(accounts, "accounts");
            return this;
        }

        /**
         * The clock "now" comes from; defaults to the system UTC clock.
         *
         * @param clock the clock; tests fix it
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a host DRL file, or every {@code .drl} file in a folder (recursively, in path order).
         *
         * @param fileOrFolder a {@code .drl} file, or a folder of them
         * @return this builder
         */
        public Builder addRules(Path fileOrFolder) {
            Objects.requireNonNull(fileOrFolder, "fileOrFolder");
            if (Files.isDirectory(fileOrFolder)) {
                List<Path> drlFiles;
                try (Stream<Path> files = Files.walk(fileOrFolder)) {
                    drlFiles = files.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("addRules: cannot list " + fileOrFolder, e);
                }
                if (drlFiles.isEmpty()) {
                    // An empty folder is almost always a wrong path; silently running without the
                    // host's rules would be worse than failing.
                    throw new InvalidRulesException(List.of(new InvalidRulesException.Problem(fileOrFolder.toString(),
                            0, 0, null, "the folder contains no .drl file")));
                }
                drlFiles.forEach(this::addRuleFile);
            } else {
                addRuleFile(fileOrFolder);
            }
            return this;
        }

        /**
         * Adds a host DRL resource from the classpath, e.g. {@code "rules/our-extra.drl"}.
         *
         * @param classpathResource the resource's path on the classpath
         * @return this builder
         */
        public Builder addRules(String classpathResource) {
            Objects.requireNonNull(classpathResource, "classpathResource");
            hostRules.add(new RuleSource(classpathResource, readResource(classpathResource), false));
            return this;
        }

        /**
         * Adds host rules that the host's build precompiled into Drools' executable model, as the
         * packaged rules are: the qualifier builds them from the generated classes instead of
         * compiling their DRL at start-up (see {@code docs/precompiled-rules.md} for the Maven
         * set-up). The DRL files still ship and are named here, because the catalogue, error
         * messages and the fingerprint read their text; a rule in the model that is in none of them,
         * or one of theirs missing from the model (a stale build), is a build error.
         *
         * <p>On the module path, the host module opens the packages of its rules to
         * {@code io.github.leadrules}, which instantiates the generated model classes.
         *
         * @param modelFile the list of model classes kie-maven-plugin writes into the host's jar,
         *                  {@code "META-INF/kie/<groupId>/<artifactId>/drools-model"}
         * @param drlResources the classpath resources the model was generated from, e.g.
         *                     {@code "com/acme/rules/trade-shows.drl"}
         * @return this builder
         */
        public Builder addPrecompiledRules(String modelFile, String... drlResources) {
            Objects.requireNonNull(modelFile, "modelFile");
            if (drlResources.length == 0) {
                throw new InvalidRulesException(List.of(new InvalidRulesException.Problem(modelFile, 0, 0, null,
                        "addPrecompiledRules: name the DRL files the model was generated from")));
            }
            for (String resource : drlResources) {
                Objects.requireNonNull(resource, "drlResources");
                hostRules.add(new RuleSource(resource, readResource(resource), false, modelFile));
            }
            return this;
        }

        /**
         * Adds host DRL text under a name that error messages will show.
         *
         * @param name the name errors and the catalogue show, e.g. a file path
         * @param drl the DRL text
         * @return this builder
         */
        public Builder addRulesText(String name, String drl) {
            hostRules.add(new RuleSource(Objects.requireNonNull(name, "name"), Objects.requireNonNull(drl, "drl"), false));
            return this;
        }

        /**
         * Replaces a whole packaged rule file (e.g. the packaged routing rules) with a host DRL file.
         * The packaged file's rules are gone, so their ids and names are free again; the library
         * still runs the stages in their order. A stage may be replaced once.
         *
         * @param stage EXCLUSION, URGENCY or ROUTING
         * @param drlFile the DRL file that replaces the stage's packaged file
         * @return this builder
         * @throws IllegalArgumentException for a stage that has no packaged file
         * @throws IllegalStateException    when the stage was already replaced
         */
        public Builder replaceStage(Stage stage, Path drlFile) {
            Objects.requireNonNull(drlFile, "drlFile");
            return replace(stage, readFile(drlFile));
        }

        /**
         * Replaces a whole packaged rule file with a DRL resource from the classpath; see {@link #replaceStage(Stage, Path)}.
         *
         * @param stage EXCLUSION, URGENCY or ROUTING
         * @param classpathResource the resource's path on the classpath
         * @return this builder
         */
        public Builder replaceStage(Stage stage, String classpathResource) {
            Objects.requireNonNull(classpathResource, "classpathResource");
            return replace(stage, new RuleSource(classpathResource, readResource(classpathResource), false));
        }

        /**
         * Replaces a whole packaged rule file with DRL text shown under the given name; see {@link #replaceStage(Stage, Path)}.
         *
         * @param stage EXCLUSION, URGENCY or ROUTING
         * @param name the name errors and the catalogue show
         * @param drl the DRL text
         * @return this builder
         */
        public Builder replaceStageText(Stage stage, String name, String drl) {
            return replace(stage, new RuleSource(Objects.requireNonNull(name, "name"), Objects.requireNonNull(drl, "drl"), false));
        }

        private Builder replace(Stage stage, RuleSource source) {
            Objects.requireNonNull(stage, "stage");
            if (packagedIndex(stage) < 0) {
                throw new IllegalArgumentException("replaceStage: " + stage
                        + " has no packaged rule file; use EXCLUSION, URGENCY or ROUTING");
            }
            RuleSource earlier = replacedStages.putIfAbsent(stage, source);
            if (earlier != null) {
                throw new IllegalStateException("replaceStage(" + stage + "): already replaced by " + earlier.name()
                        + "; add further rules with addRules");
            }
            return this;
        }

        /**
         * Removes a rule by its stable id, e.g. {@code "EXC-STUDENT"}; an unknown id fails the build.
         *
         * @param ruleId the rule's stable id
         * @return this builder
         */
        public Builder disableRule(String ruleId) {
            disabled.add(Objects.requireNonNull(ruleId, "ruleId"));
            return this;
        }

        /**
         * Who works leads routed to people; defaults to {@link AssignmentStrategy#fromPolicy()},
         * which with the default policy is {@link AssignmentStrategy#ownerFirst()}. A strategy
         * object keeps its rotation state for as long as the host keeps it, also across
         * {@link ReloadableLeadQualifier} reloads that reuse it.
         *
         * @param assignment the strategy that names each routed lead's owner
         * @return this builder
         */
        public Builder assignment(AssignmentStrategy assignment) {
            this.assignment = Objects.requireNonNull(assignment, "assignment");
            return this;
        }

        /**
         * Where the qualifier records every valid lead's address before its rules run, so that a later
         * lead from the same address within the policy's duplicate window is excluded as
         * {@code EXC-DUPLICATE}. Without it (the default) only the directory's
         * {@link AccountDirectory#lastLeadAt recent leads} count, and qualifying has no side effect.
         * When both know a previous lead, this one's answer is used.
         *
         * @param recentLeads the record, e.g. {@link RecentLeads#inMemory()}
         * @return this builder
         */
        public Builder recentLeads(RecentLeads recentLeads) {
            this.recentLeads = Objects.requireNonNull(recentLeads, "recentLeads");
            return this;
        }

        /**
         * Leads per rule session in {@link #qualifyAll}; default 200.
         *
         * @param batchSize leads per session, 1 to 100 000
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 100_000) {
                throw new IllegalArgumentException("batchSize must be between 1 and 100000, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The most rule firings one lead may cause before it is stopped as ERROR; default 1000.
         *
         * @param max the bound, at least 10
         * @return this builder
         */
        public Builder maxRuleFiringsPerLead(int max) {
            if (max < 10) {
                throw new IllegalArgumentException("maxRuleFiringsPerLead must be at least 10, got " + max);
            }
            this.maxFiringsPerLead = max;
            return this;
        }

        /**
         * Compiles the packaged and host rules and checks them.
         *
         * @return the qualifier, ready and thread-safe
         * @throws InvalidRulesException naming file, line and rule of every problem
         */
        public LeadQualifier build() {
            List<RuleSource> sources = new ArrayList<>();
            for (Stage stage : Stage.ruleStages()) {
                RuleSource replacement = replacedStages.get(stage);
                String resource = PACKAGED_RULES.get(packagedIndex(stage));
                sources.add(replacement != null ? replacement : new RuleSource(resource, readResource(resource), true));
            }
            sources.addAll(hostRules);
            LeadPolicy chosen = policy;
            // The policy's signals, compiled to rules of their own (none for the defaults).
            RuleSource signals = SignalRules.source(chosen);
            if (signals != null) {
                sources.add(signals);
            }
            // The default policy (135 000 shipped domains, checked and sorted for the fingerprint)
            // loads on a second thread while this one compiles the rules; the fingerprint waits for it.
            // The shipped defaults declare no typed fields.
            Supplier<LeadPolicy> resolved = chosen != null ? () -> chosen
                    : Alongside.start("lead-rules-default-policy", () -> {
                        LeadPolicy defaults = LeadPolicy.defaults();
                        defaults.canonicalText();
                        return defaults;
                    });
            CompiledRules compiled = CompiledRules.build(sources, disabled, () -> resolved.get().canonicalText(),
                    chosen != null ? chosen.fields() : Map.of());
            return new LeadQualifier(this, compiled, resolved.get());
        }

        private void addRuleFile(Path file) {
            hostRules.add(readFile(file));
        }

        private static RuleSource readFile(Path file) {
            try {
                return new RuleSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8), false);
            } catch (IOException e) {
                throw new InvalidRulesException(List.of(new InvalidRulesException.Problem(file.toString(), 0, 0, null,
                        "cannot read the file: " + e.getClass().getSimpleName())));
            }
        }

        private static int packagedIndex(Stage stage) {
            return switch (stage) {
                case EXCLUSION -> 0;
                case URGENCY -> 1;
                case ROUTING -> 2;
                default -> -1;
            };
        }

        private static String readResource(String resource) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
            if (in == null) {
                in = LeadQualifier.class.getClassLoader().getResourceAsStream(resource);
            }
            if (in == null) {
                throw new InvalidRulesException(List.of(new InvalidRulesException.Problem(resource, 0, 0, null,
                        "no such resource on the classpath")));
            }
            try (InputStream stream = in) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule resource " + resource, e);
            }
        }
    }
}
