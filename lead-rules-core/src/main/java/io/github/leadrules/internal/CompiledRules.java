package io.github.leadrules.internal;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.InvalidRulesException.Problem;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.Stage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A built rule base: the Drools {@link KieBase}, the catalogue of its rules, and its fingerprint.
 * Built once from packaged and host DRL text (no kmodule.xml, which would not survive in a fat jar),
 * then shared by every session.
 *
 * <p>The text is compiled with a {@link KnowledgeBuilder}, not through a {@code KieFileSystem} and
 * {@code KieBuilder}: the KieBuilder route logs every compile error at ERROR (logger
 * {@code org.drools.compiler.kie.builder.impl.KieProject}, with Drools' raw message dump) before
 * the caller sees the results, so a host would find Drools' dump in its logs beside our
 * {@link InvalidRulesException}. The KnowledgeBuilder only returns its errors; the exception
 * carries everything, once, readably.
 */
public final class CompiledRules {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRules.class);
    private static final Set<String> STAGE_GROUPS = Set.of(
            Stage.EXCLUSION.agendaGroup(), Stage.URGENCY.agendaGroup(), Stage.ROUTING.agendaGroup());
    private static final Map<String, Stage> PREFIX_STAGE = Map.of(
            "EXC-", Stage.EXCLUSION, "URG-", Stage.URGENCY, "RTE-", Stage.ROUTING);
    /**
     * The decision methods of {@code LeadContext} and {@code Assessment}, by the stage allowed to
     * call them; the recorder refuses any other stage at run time, this finds the call at build time.
     */
    private static final Map<String, Stage> DECISION_STAGE = Map.of(
            "exclude", Stage.EXCLUSION,
            "addUrgency", Stage.URGENCY,
            "capUrgency", Stage.URGENCY,
            "routeNowhere", Stage.ROUTING,
            "routeTo", Stage.ROUTING,
            "routeToTeam", Stage.ROUTING,
            "routeToAccountOwner", Stage.ROUTING,
            "routeToNurture", Stage.ROUTING);
    private static final Set<String> DECISION_TYPES = Set.of("LeadContext", "Assessment");

    /** The last few rule bases built, by rule texts and disabled ids; bounded so reloads do not pile them up. */
    private static final RecentBases CACHE = new RecentBases(8);

    private final KieBase kieBase;
    private final List<RuleDescription> rules;
    private final String fingerprint;

    private CompiledRules(KieBase kieBase, List<RuleDescription> rules, String fingerprint) {
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
        this.fingerprint = fingerprint;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** The effective rules, in stage order then id. */
    public List<RuleDescription> rules() {
        return rules;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Compiles the sources, checks every rule (an {@code @id}, a stage agenda group, unique ids),
     * and removes the disabled ids. The policy's canonical text is asked for only for the
     * fingerprint, after the compilation, so a policy still loading on another thread overlaps it.
     *
     * @throws InvalidRulesException listing every problem with file, line and rule
     */
    public static CompiledRules build(List<RuleSource> sources, Set<String> disabledIds, Supplier<String> policyText) {
        return build(sources, disabledIds, policyText, Map.of());
    }

    /**
     * Compiles as {@link #build(List, Set, Supplier)}, then checks the typed field reads against the
     * policy's declared fields: {@code number("x")} of a field that is not declared, or not as a
     * number, and a comparison of an attribute's text with {@code >=} or a number are build errors
     * with file and line. The check is on the text, so it runs for a cached rule base too.
     *
     * @throws InvalidRulesException listing every problem with file, line and rule
     */
    public static CompiledRules build(List<RuleSource> sources, Set<String> disabledIds, Supplier<String> policyText,
                                      Map<String, FieldType> fields) {
        CompiledRules compiled = compiledBase(sources, disabledIds, policyText);
        List<Problem> problems = fieldProblems(sources, fields);
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(sorted(problems));
        }
        return compiled;
    }

    private static CompiledRules compiledBase(List<RuleSource> sources, Set<String> disabledIds, Supplier<String> policyText) {
        // The rule base depends on the rule texts and disabled ids only (the policy reaches rules as
        // facts), so qualifiers that differ in policy alone share one compiled base. The key names
        // the sources too: the catalogue and error messages show where each rule came from.
        String rulesKey = cacheKey(sources, disabledIds);
        CompiledRules cached = CACHE.get(rulesKey);
        if (cached != null) {
            return new CompiledRules(cached.kieBase, cached.rules, fingerprint(sources, disabledIds, policyText.get()));
        }
        CompiledRules built = compile(sources, disabledIds, policyText);
        CACHE.put(rulesKey, built);
        return built;
    }

    private static CompiledRules compile(List<RuleSource> sources, Set<String> disabledIds, Supplier<String> policyText) {
        long started = System.nanoTime();
        // The packaged rules come precompiled (Drools' executable model, generated at build time)
        // while none of their stages is replaced, and so do host rules built the same way; other
        // DRL is compiled on top of them.
        PrecompiledRules plan = PrecompiledRules.plan(sources);
        InternalKnowledgeBase precompiled = plan.any() ? plan.newBase() : null;
        // Without DRL to compile, the DRL compiler is not even loaded (a good part of a cold start).
        boolean drlToCompile = precompiled == null || sources.stream().anyMatch(s -> !plan.isPrecompiled(s));
        KnowledgeBuilder knowledgeBuilder = !drlToCompile ? null : precompiled == null
                ? KnowledgeBuilderFactory.newKnowledgeBuilder() : KnowledgeBuilderFactory.newKnowledgeBuilder(precompiled);
        // One batch, so that a file may use what another declares, whatever their order.
        CompositeKnowledgeBuilder batch = knowledgeBuilder == null ? null : knowledgeBuilder.batch();
        Map<String, RuleSource> byPath = new LinkedHashMap<>();
        int index = 0;
        for (RuleSource source : sources) {
            if (precompiled != null && plan.isPrecompiled(source)) {
                index++;
                continue;
            }
            // The index keeps equal file names apart; errors are mapped back to the source by it.
            String path = "r" + (index++) + "-" + fileName(source.name());
            byPath.put(path, source);
            batch.add(ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(path), ResourceType.DRL);
        }

        // Where each declared rule lives, for error messages and the catalogue.
        Map<String, Located> located = new HashMap<>();
        for (RuleSource source : sources) {
            for (DrlScanner.Declared d : DrlScanner.scan(source.text())) {
                located.putIfAbsent(d.packageName() + "/" + d.name(), new Located(source, d));
            }
        }
        // Drools accepts equal rule names in different packages; we do not: a name is what people
        // read in reports and logs, so it must say which rule it is.
        List<Problem> problems = new ArrayList<>(duplicateNames(sources));
        boolean duplicateNames = !problems.isEmpty();

        if (batch != null) {
            batch.build();
        }
        List<DroolsMessages.Found> droolsProblems = new ArrayList<>();
        for (KnowledgeBuilderError error : knowledgeBuilder == null ? List.<KnowledgeBuilderError>of() : knowledgeBuilder.getErrors()) {
            Message m = error.asMessage(0);
            RuleSource source = m.getPath() == null ? null : byPath.get(m.getPath());
            droolsProblems.addAll(DroolsMessages.toProblems(source, m.getPath(), m.getLine(), m.getColumn(), m.getText()));
        }
        for (Problem p : DroolsMessages.firstCauses(droolsProblems)) {
            // Our duplicate-name problems name both places; Drools' own say less.
            if (!(duplicateNames && DroolsMessages.isDuplicateNameEcho(p.message()))) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(sorted(problems));
        }

        KieBase kieBase;
        if (precompiled == null) {
            kieBase = knowledgeBuilder.newKieBase();
        } else {
            if (knowledgeBuilder != null && !knowledgeBuilder.getKnowledgePackages().isEmpty()) {
                precompiled.addPackages(knowledgeBuilder.getKnowledgePackages());
            }
            kieBase = precompiled;
            problems.addAll(plan.mismatches(kieBase, sources));
        }

        // In source order, so that of two rules sharing an id the later one is blamed, every time.
        List<Rule> compiled = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            compiled.addAll(pkg.getRules());
        }
        Map<RuleSource, Integer> sourceOrder = new IdentityHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            sourceOrder.put(sources.get(i), i);
        }
        compiled.sort(Comparator.comparingInt((Rule r) -> {
            Located where = located.get(r.getPackageName() + "/" + r.getName());
            return where == null ? Integer.MAX_VALUE : sourceOrder.get(where.source);
        }).thenComparingInt(r -> {
            Located where = located.get(r.getPackageName() + "/" + r.getName());
            return where == null ? 0 : where.declared.line();
        }).thenComparing(Rule::getName));

        List<RuleDescription> descriptions = new ArrayList<>();
        Map<String, RuleDescription> byId = new HashMap<>();
        Map<String, Rule> ruleById = new HashMap<>();
        for (Rule rule : compiled) {
            Located where = located.get(rule.getPackageName() + "/" + rule.getName());
            String file = where == null ? "(unknown file)" : where.source.name();
            int line = where == null ? 0 : where.declared.line();
            int column = where == null ? 0 : ruleKeywordColumn(where.source.text(), line);
            Object idValue = rule.getMetaData().get("id");
            String group = rule instanceof RuleImpl impl ? impl.getAgendaGroup() : null;
            Stage stage = stageOf(group);
            if (idValue == null || idValue.toString().isBlank()) {
                problems.add(new Problem(file, line, column, rule.getName(), where != null && where.source.packaged()
                        ? "has no stable id: add @id(\"EXC-…\"), @id(\"URG-…\") or @id(\"RTE-…\")"
                        : missingIdHint(hostPrefix(sources))));
                continue;
            }
            String id = idValue.toString();
            if (stage == null) {
                problems.add(new Problem(file, line, column, rule.getName(), "rule " + id
                        + " has no stage: add ruleflow-group \"exclusion\", \"urgency\" or \"routing\""
                        + (group == null || "MAIN".equals(group) ? "" : " (found \"" + group + "\")")));
                continue;
            }
            Stage prefixStage = PREFIX_STAGE.get(id.length() >= 4 ? id.substring(0, 4) : "");
            if (prefixStage != null && prefixStage != stage) {
                problems.add(new Problem(file, line, column, rule.getName(), "rule " + id + " is in the "
                        + stage.agendaGroup() + " stage but its id prefix says " + prefixStage.agendaGroup()));
            }
            if (where != null) {
                problems.addAll(crossStageCalls(where, stage, id));
            }
            RuleDescription description = new RuleDescription(id, stage, rule.getName(),
                    where == null ? "" : where.declared.comment(), file, line,
                    DecisionRecorder.salience(rule));
            RuleDescription clash = byId.putIfAbsent(id, description);
            if (clash != null) {
                problems.add(new Problem(file, line, column, rule.getName(), "duplicate rule id " + id
                        + ": also used by rule \"" + clash.name() + "\" at " + clash.source() + ":" + clash.line()
                        + (disabledIds.contains(id) ? " (a disabled rule keeps its id: give yours a new one)" : "")));
                continue;
            }
            ruleById.put(id, rule);
            descriptions.add(description);
        }
        for (String disabled : new TreeSet<>(disabledIds)) {
            if (!ruleById.containsKey(disabled)) {
                problems.add(new Problem("(builder)", 0, 0, null, "disableRule(\"" + disabled
                        + "\"): no rule has this id; known ids: " + new TreeSet<>(ruleById.keySet())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(sorted(problems));
        }
        for (String disabled : disabledIds) {
            Rule rule = ruleById.get(disabled);
            kieBase.removeRule(rule.getPackageName(), rule.getName());
            descriptions.removeIf(d -> d.id().equals(disabled));
        }
        descriptions.sort(Comparator.comparing(RuleDescription::stage).thenComparing(RuleDescription::id));
        String fingerprint = fingerprint(sources, disabledIds, policyText.get());
        LOG.debug("Built rule base {} with {} rules from {} sources ({}) in {} ms", fingerprint, descriptions.size(),
                sources.size(), precompiled == null ? "all compiled from DRL" : "packaged rules precompiled",
                (System.nanoTime() - started) / 1_000_000);
        return new CompiledRules(kieBase, descriptions, fingerprint);
    }

    private record Located(RuleSource source, DrlScanner.Declared declared) {
    }

    /** Typed reads of undeclared or differently typed fields, and text comparisons of attributes. */
    static List<Problem> fieldProblems(List<RuleSource> sources, Map<String, FieldType> fields) {
        List<Problem> out = new ArrayList<>();
        for (RuleSource source : sources) {
            String text = source.text();
            if (!text.contains("attribute") && !text.contains("number") && !text.contains("date")
                    && !text.contains("flag") && !text.contains("text")) {
                continue;
            }
            List<DrlScanner.Declared> rules = null;
            for (DrlScanner.FieldUse use : DrlScanner.fieldUses(text)) {
                String message = fieldProblem(use, fields);
                if (message == null) {
                    continue;
                }
                if (rules == null) {
                    rules = DrlScanner.scan(text);
                }
                String rule = null;
                for (DrlScanner.Declared d : rules) {
                    if (use.line() >= d.line() && use.line() <= d.endLine()) {
                        rule = d.name();
                    }
                }
                out.add(new Problem(source.name(), use.line(), use.column(), rule, message));
            }
        }
        return out;
    }

    private static String fieldProblem(DrlScanner.FieldUse use, Map<String, FieldType> fields) {
        String shown = use.name() == null ? null : FieldValues.shortName(use.name());
        if (use.accessor().equals("attribute")) {
            FieldType declared = use.name() == null ? null : fields.get(use.name());
            String hint = declared != null
                    ? "the field is declared as " + declared.kindName() + ": compare " + readerOf(declared.kind())
                            + "(\"" + shown + "\") instead"
                    : "declare the field in the policy's fields: section (e.g. " + (shown == null ? "name" : shown)
                            + ": number) and compare number(\"" + (shown == null ? "name" : shown) + "\") instead";
            return "attribute" + (shown == null ? "(...)" : "(\"" + shown + "\")") + " " + use.operator()
                    + " compares text, not numbers or dates (\"96\" >= \"900\" is true): " + hint;
        }
        if (use.name() == null) {
            return null;
        }
        FieldType type = fields.get(use.name());
        if (type == null) {
            return use.accessor() + "(\"" + shown + "\"): no field " + shown + " is declared; declare it in the"
                    + " policy's fields: section" + (fields.isEmpty() ? "" : " (declared: "
                    + String.join(", ", new TreeSet<>(fields.keySet())) + ")");
        }
        String reader = readerOf(type.kind());
        if (!reader.equals(use.accessor())) {
            return use.accessor() + "(\"" + shown + "\"): the field is declared as " + type.kindName() + "; read it with "
                    + reader + "(\"" + shown + "\")";
        }
        return null;
    }

    private static String readerOf(FieldType.Kind kind) {
        return switch (kind) {
            case NUMBER, INTEGER -> "number";
            case DATE -> "date";
            case FLAG -> "flag";
            case TEXT, CHOICE -> "text";
        };
    }

    /**
     * Decisions of another stage called from this rule's consequence, found in its text: the
     * recorder would refuse each one for every lead at run time, so it is a build error instead.
     */
    private static List<Problem> crossStageCalls(Located where, Stage stage, String id) {
        List<Problem> out = new ArrayList<>();
        for (DrlScanner.Call call : DrlScanner.consequenceCalls(where.source.text(), where.declared)) {
            Stage allowed = DECISION_STAGE.get(call.method());
            if (allowed != null && allowed != stage && DECISION_TYPES.contains(call.receiverType())) {
                out.add(new Problem(where.source.name(), call.line(), call.column(), where.declared.name(),
                        "rule " + id + " is in the " + stage.agendaGroup() + " stage but calls " + call.method()
                                + ", which only " + allowed.agendaGroup() + " rules may call"));
            }
        }
        return out;
    }

    /**
     * The prefix most host rule ids share ("ACME" for ACME-TRADE-SHOW, ACME-PARTNER), or null when
     * the host's ids have none besides the packaged rules' EXC, URG and RTE.
     */
    private static String hostPrefix(List<RuleSource> sources) {
        Map<String, Integer> counts = new TreeMap<>();
        Pattern idPattern = Pattern.compile("@id\\(\\s*\"([A-Za-z][A-Za-z0-9_]*)-[^\"]*\"\\s*\\)");
        for (RuleSource source : sources) {
            if (source.packaged()) {
                continue;
            }
            Matcher m = idPattern.matcher(source.text());
            while (m.find()) {
                String prefix = m.group(1);
                if (!PREFIX_STAGE.containsKey(prefix + "-")) {
                    counts.merge(prefix, 1, Integer::sum);
                }
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** The packaged prefixes EXC-, URG- and RTE- name the library's rules; a host's rules get its own. */
    private static String missingIdHint(String hostPrefix) {
        return hostPrefix != null
                ? "has no stable id: add one with your prefix, like your other rules: @id(\"" + hostPrefix + "-…\")"
                : "has no stable id: add one with a prefix of your own, e.g. @id(\"ACME-…\")"
                        + " (EXC-, URG- and RTE- are the packaged rules' prefixes)";
    }

    /** A small least-recently-used map of compiled rule bases. */
    private static final class RecentBases {
        private final int max;
        private final Map<String, CompiledRules> map;

        RecentBases(int max) {
            this.max = max;
            this.map = new LinkedHashMap<>(16, 0.75f, true);
        }

        synchronized CompiledRules get(String key) {
            return map.get(key);
        }

        synchronized void put(String key, CompiledRules rules) {
            map.put(key, rules);
            if (map.size() > max) {
                map.remove(map.keySet().iterator().next());
            }
        }
    }

    private static Stage stageOf(String agendaGroup) {
        if (agendaGroup == null || !STAGE_GROUPS.contains(agendaGroup)) {
            return null;
        }
        return Stage.valueOf(agendaGroup.toUpperCase(Locale.ROOT));
    }

    private static String fileName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return base.endsWith(".drl") ? base : base + ".drl";
    }

    /** Rule names declared more than once, in any package; the later declaration is the one at fault. */
    private static List<Problem> duplicateNames(List<RuleSource> sources) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> firstPlace = new HashMap<>();
        for (RuleSource source : sources) {
            for (DrlScanner.Declared d : DrlScanner.scan(source.text())) {
                String here = source.name() + ":" + d.line();
                String first = firstPlace.putIfAbsent(d.name(), here);
                if (first != null) {
                    problems.add(new Problem(source.name(), d.line(), ruleKeywordColumn(source.text(), d.line()), d.name(),
                            "duplicate rule name: also declared at " + first
                                    + " (rule names must be unique across packaged and host rules)"));
                }
            }
        }
        return problems;
    }

    private static int ruleKeywordColumn(String text, int line) {
        String[] lines = text.split("\\R", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1].indexOf("rule") + 1 : 0;
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return out;
    }

    /**
     * SHA-256 over the rule texts, the disabled ids and the policy, first 16 hex digits. Content
     * only: the same DRL loaded from another path, under another name or in another order decides
     * the same, so it has the same fingerprint; line endings do not count either.
     */
    static String fingerprint(List<RuleSource> sources, Set<String> disabledIds, String policyText) {
        MessageDigest digest = sha256();
        List<String> texts = new ArrayList<>();
        for (RuleSource s : sources) {
            texts.add(normalised(s.text()));
        }
        texts.sort(Comparator.naturalOrder());
        for (String text : texts) {
            update(digest, "source");
            update(digest, text);
        }
        update(digest, "disabled:" + new TreeSet<>(disabledIds));
        update(digest, "policy:" + policyText);
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** The rule base cache's key: the fingerprint's content plus each source's name and order. */
    private static String cacheKey(List<RuleSource> sources, Set<String> disabledIds) {
        MessageDigest digest = sha256();
        for (RuleSource s : sources) {
            update(digest, "source:" + s.name() + (s.packaged() ? " (packaged)" : "")
                    + (s.model() == null ? "" : " (model " + s.model() + ")"));
            update(digest, s.text());
        }
        update(digest, "disabled:" + new TreeSet<>(disabledIds));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String normalised(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /**
     * Turns Drools build messages into problems a host reads at a glance: the file it wrote, the
     * line and column of the offending text (not just of the rule keyword), the rule's name, and
     * the message without Drools' echo of the expression, caret art and rule-name suffixes; then
     * keeps the first cause of each mistake and drops what only follows from it.
     */
    static final class DroolsMessages {
        private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*?)(?: in rule \"?[^\"]*\"?)?$", Pattern.DOTALL);
        private static final Pattern RULE_NAME = Pattern.compile("\\s*:?\\s*\\[Rule name='([^']*)'\\]\\s*");
        private static final Pattern ANALYSE = Pattern.compile(
                "^Unable to Analyse Expression (.*?):\\s*\\[Error: (.*?)\\]\\s*\\[Near.*$", Pattern.DOTALL);
        private static final Pattern STRICT = Pattern.compile(
                "unable to resolve method using strict-mode: (?:[\\w$]+\\.)*([\\w$]+)\\.(\\w+)\\(\\)");
        private static final Pattern METHOD = Pattern.compile("The method (\\w+)\\(");
        private static final Pattern SYNTAX_TOKEN = Pattern.compile("^Syntax error on tokens? \"(.+?)\",");
        private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
        private static final Pattern UNRESOLVED = Pattern.compile("^([\\w.$]+) cannot be resolved");
        private static final Pattern UNRESOLVED_VARIABLE = Pattern.compile("^([\\w$]+) cannot be resolved(?: to a variable)?$");
        private static final Pattern END_OF_FILE = Pattern.compile("^(?:mismatched input '(?:<eof>|<EOF>)?'|missing .* at '<EOF>')");
        private static final Pattern LIBRARY_FACT = Pattern.compile("^Unable to resolve ObjectType '(LeadContext|Assessment)'$");
        private static final String NULL_PACKAGE = "Parser returned a null Package";

        /** What kind of message a problem came from, which decides what it can cause. */
        enum Kind {
            /** The DRL parser: a syntax error. */
            PARSER,
            /** The parser's note that it produced nothing, after a syntax error. */
            NULL_PACKAGE,
            /** A fact type in a condition that does not resolve (a typo or a missing import). */
            UNRESOLVED_TYPE,
            /** A constraint that does not analyse (an unknown property or method). */
            ANALYSE,
            /** javac: a syntax error in a consequence. */
            JAVA_SYNTAX,
            /** javac: any other error in a consequence. */
            JAVA,
            OTHER
        }

        /** One problem as found, with the kind of message and the source it points into. */
        record Found(Problem problem, Kind kind, RuleSource source) {
        }

        private DroolsMessages() {
        }

        static List<Found> toProblems(RuleSource source, String path, int line, int column, String text) {
            String file = source == null ? String.valueOf(path) : source.name();
            String raw = text == null ? "" : text.strip();
            String ruleName = null;
            Matcher named = RULE_NAME.matcher(raw);
            if (named.find()) {
                ruleName = named.group(1);
            }
            line = Math.max(line, 0);
            List<Found> out = new ArrayList<>();
            Matcher parser = PARSER.matcher(raw);
            if (parser.matches()) {
                int l = Integer.parseInt(parser.group(1));
                int c = Integer.parseInt(parser.group(2)) + 1; // ANTLR counts columns from 0
                out.add(new Found(new Problem(file, l, c, ruleAt(source, l, ruleName), oneLine(parser.group(3))),
                        Kind.PARSER, source));
                return out;
            }
            Matcher analyse = ANALYSE.matcher(raw);
            if (analyse.matches()) {
                String expression = oneLine(analyse.group(1));
                String error = oneLine(analyse.group(2));
                Matcher strict = STRICT.matcher(error);
                if (strict.find()) {
                    error = strict.group(1) + " has no field or method '" + strict.group(2) + "'";
                }
                int[] at = locate(source, line, ruleName, expression);
                out.add(new Found(new Problem(file, at[0], at[1], ruleAt(source, at[0], ruleName),
                        "cannot analyse '" + expression + "': " + error), Kind.ANALYSE, source));
                return out;
            }
            String body = RULE_NAME.matcher(raw).replaceAll(" ").strip();
            if (body.startsWith("Rule Compilation error")) {
                // One javac error per line after the header; each is a problem of its own.
                String[] parts = body.substring("Rule Compilation error".length()).split("\\R");
                for (String part : parts) {
                    String message = oneLine(part);
                    if (message.isEmpty()) {
                        continue;
                    }
                    int[] at = locate(source, line, ruleName, tokenOf(message));
                    out.add(new Found(new Problem(file, at[0], at[1], ruleAt(source, at[0], ruleName), message),
                            message.startsWith("Syntax error") ? Kind.JAVA_SYNTAX : Kind.JAVA, source));
                }
                if (!out.isEmpty()) {
                    return out;
                }
            }
            String message = oneLine(body);
            int[] at = locate(source, line, ruleName, tokenOf(message));
            if (at[1] == 0 && column > 0 && at[0] == line) {
                at[1] = column;
            }
            Kind kind = message.equals(NULL_PACKAGE) ? Kind.NULL_PACKAGE
                    : message.startsWith("Unable to resolve ObjectType") ? Kind.UNRESOLVED_TYPE : Kind.OTHER;
            Matcher factType = LIBRARY_FACT.matcher(message);
            if (kind == Kind.UNRESOLVED_TYPE && factType.matches()) {
                message += ": add import io.github.leadrules.rules." + factType.group(1) + ";";
            }
            out.add(new Found(new Problem(file, at[0], at[1], ruleAt(source, at[0], ruleName), message), kind, source));
            return out;
        }

        /**
         * The first cause of each mistake, without what only follows from it. Drools reports a
         * typo in a fact type once for the type and once more for every use of the variable bound
         * to it in the consequence; a javac syntax error brings type errors of the half-parsed
         * statement; the DRL parser, having lost its way, complains again at the end of the file.
         * Kept: one problem per distinct message of a rule, and within a rule
         * <ul>
         *   <li>not "{@code $x cannot be resolved}" when the rule's conditions bind {@code $x} and a
         *       condition of the rule failed (its bindings never came to exist);</li>
         *   <li>only the syntax errors when its consequence has one;</li>
         *   <li>only the first parser error; and in a file, no parser error at the end of the file
         *       after an earlier one;</li>
         *   <li>not Drools' "null Package" note when the file has a real problem to show.</li>
         * </ul>
         */
        static List<Problem> firstCauses(List<Found> found) {
            List<Found> ordered = new ArrayList<>(found);
            ordered.sort(Comparator.comparing((Found f) -> f.problem().file())
                    .thenComparingInt(f -> f.problem().line()).thenComparingInt(f -> f.problem().column()));
            List<Problem> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Set<String> rulesWithParserError = new HashSet<>();
            Set<String> filesWithParserError = new HashSet<>();
            for (Found f : ordered) {
                Problem p = f.problem();
                String rule = p.file() + "\u0000" + p.rule();
                if (f.kind() == Kind.NULL_PACKAGE && ordered.stream().anyMatch(o -> o.kind() != Kind.NULL_PACKAGE
                        && o.problem().file().equals(p.file()))) {
                    continue;
                }
                if (f.kind() == Kind.PARSER) {
                    boolean knockOn = (p.rule() != null && rulesWithParserError.contains(rule))
                            || (filesWithParserError.contains(p.file()) && END_OF_FILE.matcher(p.message()).find());
                    filesWithParserError.add(p.file());
                    if (p.rule() != null) {
                        rulesWithParserError.add(rule);
                    }
                    if (knockOn) {
                        continue;
                    }
                }
                if (f.kind() == Kind.JAVA && p.rule() != null) {
                    if (sameRule(ordered, p, Kind.JAVA_SYNTAX)) {
                        continue;
                    }
                    Matcher variable = UNRESOLVED_VARIABLE.matcher(p.message());
                    if (variable.matches() && (sameRule(ordered, p, Kind.UNRESOLVED_TYPE) || sameRule(ordered, p, Kind.ANALYSE))
                            && boundInConditions(f.source(), p.rule(), variable.group(1))) {
                        continue;
                    }
                }
                // The same message twice for one rule says nothing new (the rule's first place stays).
                String key = rule + "\u0000" + (p.rule() == null ? p.line() : "") + "\u0000" + p.message();
                if (seen.add(key)) {
                    out.add(p);
                }
            }
            return out;
        }

        private static boolean sameRule(List<Found> found, Problem p, Kind kind) {
            return found.stream().anyMatch(o -> o.kind() == kind && o.problem().file().equals(p.file())
                    && p.rule().equals(o.problem().rule()));
        }

        /** Whether the rule's conditions (the text before {@code then}) bind this variable. */
        private static boolean boundInConditions(RuleSource source, String ruleName, String variable) {
            if (source == null) {
                return false;
            }
            String[] lines = source.text().split("\\R", -1);
            Pattern binding = Pattern.compile("(?<![\\w$])" + Pattern.quote(variable) + "\\s*:(?!:)");
            for (DrlScanner.Declared d : DrlScanner.scan(source.text())) {
                if (!d.name().equals(ruleName)) {
                    continue;
                }
                for (int i = d.line() - 1; i < Math.min(d.endLine(), lines.length); i++) {
                    if (lines[i].strip().startsWith("then")) {
                        break;
                    }
                    if (binding.matcher(lines[i]).find()) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Drools' own reports of a duplicate rule name, and the javac error it causes. */
        static boolean isDuplicateNameEcho(String message) {
            return message.startsWith("Duplicate rule name") || message.matches("The type Rule_\\w+ is already defined");
        }

        private static String tokenOf(String message) {
            Matcher m = METHOD.matcher(message);
            if (m.find()) {
                return m.group(1) + "(";
            }
            m = SYNTAX_TOKEN.matcher(message);
            if (m.find()) {
                return m.group(1);
            }
            m = QUOTED.matcher(message);
            if (m.find()) {
                return m.group(1);
            }
            m = UNRESOLVED.matcher(message);
            if (m.find()) {
                return m.group(1);
            }
            return null;
        }

        /**
         * The line and 1-based column of the first occurrence of the token at or after the
         * reported line, inside the rule when the rule is known; else the reported line, column 0.
         */
        private static int[] locate(RuleSource source, int line, String ruleName, String token) {
            if (source == null || token == null || token.isBlank()) {
                return new int[] {line, 0};
            }
            String[] lines = source.text().split("\\R", -1);
            int from = 1;
            int to = lines.length;
            for (DrlScanner.Declared d : DrlScanner.scan(source.text())) {
                if (d.name().equals(ruleName) || (ruleName == null && line >= d.line() && line <= d.endLine())) {
                    from = d.line();
                    to = d.endLine();
                    break;
                }
            }
            int start = line >= from && line <= to ? line : from;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = pass == 0 ? start : from; i <= (pass == 0 ? to : start - 1); i++) {
                    int col = lines[i - 1].indexOf(token);
                    if (col >= 0) {
                        return new int[] {i, col + 1};
                    }
                }
            }
            return new int[] {line, 0};
        }

        private static String ruleAt(RuleSource source, int line, String ruleName) {
            if (ruleName != null || source == null) {
                return ruleName;
            }
            for (DrlScanner.Declared d : DrlScanner.scan(source.text())) {
                if (line >= d.line() && line <= d.endLine()) {
                    return d.name();
                }
            }
            return null;
        }

        private static String oneLine(String text) {
            return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("\\s{2,}", " ");
        }
    }
}
