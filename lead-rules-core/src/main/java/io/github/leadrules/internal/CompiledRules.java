package io.github.leadrules.internal;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.InvalidRulesException.Problem;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Stage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A built rule base: the Drools {@link KieBase}, the catalogue of its rules, and its fingerprint.
 * Built once through {@link KieFileSystem} from packaged and host DRL text (no kmodule.xml, which
 * would not survive in a fat jar), then shared by every session.
 */
public final class CompiledRules {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRules.class);
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Set<String> STAGE_GROUPS = Set.of(
            Stage.EXCLUSION.agendaGroup(), Stage.URGENCY.agendaGroup(), Stage.ROUTING.agendaGroup());
    private static final Map<String, Stage> PREFIX_STAGE = Map.of(
            "EXC-", Stage.EXCLUSION, "URG-", Stage.URGENCY, "RTE-", Stage.ROUTING);

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
     * and removes the disabled ids.
     *
     * @throws InvalidRulesException listing every problem with file, line and rule
     */
    public static CompiledRules build(List<RuleSource> sources, Set<String> disabledIds, String policyText) {
        // The rule base depends on the rule texts and disabled ids only (the policy reaches rules as
        // facts), so qualifiers that differ in policy alone share one compiled base.
        String rulesKey = fingerprint(sources, disabledIds, "");
        CompiledRules cached = CACHE.get(rulesKey);
        if (cached != null) {
            return new CompiledRules(cached.kieBase, cached.rules, fingerprint(sources, disabledIds, policyText));
        }
        CompiledRules built = compile(sources, disabledIds, policyText);
        CACHE.put(rulesKey, built);
        return built;
    }

    private static CompiledRules compile(List<RuleSource> sources, Set<String> disabledIds, String policyText) {
        long started = System.nanoTime();
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("io.github.leadrules.generated", "rules-" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);

        Map<String, RuleSource> byKiePath = new LinkedHashMap<>();
        int index = 0;
        for (RuleSource source : sources) {
            // Kept in the folder of its package, as Drools advises; the index keeps equal file names apart.
            String kiePath = "src/main/resources/" + packageFolder(source.text()) + "/r" + (index++) + "-" + fileName(source.name());
            byKiePath.put(kiePath, source);
            kfs.write(kiePath, source.text());
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

        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Problem> droolsProblems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            RuleSource source = sourceFor(byKiePath, m.getPath());
            droolsProblems.addAll(DroolsMessages.toProblems(source, m.getPath(), m.getLine(), m.getColumn(), m.getText()));
        }
        for (Problem p : DroolsMessages.withoutNoise(droolsProblems)) {
            // Our duplicate-name problems name both places; Drools' own say less.
            if (!(duplicateNames && DroolsMessages.isDuplicateNameEcho(p.message()))) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new InvalidRulesException(sorted(problems));
        }

        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        ks.getRepository().removeKieModule(releaseId);

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
                problems.add(new Problem(file, line, column, rule.getName(),
                        "has no stable id: add @id(\"EXC-…\"), @id(\"URG-…\") or @id(\"RTE-…\")"));
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
        String fingerprint = fingerprint(sources, disabledIds, policyText);
        LOG.debug("Built rule base {} with {} rules from {} sources in {} ms", fingerprint, descriptions.size(),
                sources.size(), (System.nanoTime() - started) / 1_000_000);
        return new CompiledRules(kieBase, descriptions, fingerprint);
    }

    private record Located(RuleSource source, DrlScanner.Declared declared) {
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

    private static String packageFolder(String drl) {
        for (DrlScanner.Declared d : DrlScanner.scan(drl)) {
            if (!d.packageName().isEmpty()) {
                return d.packageName().replace('.', '/');
            }
        }
        Matcher m = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)").matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') : "leadrules/default";
    }

    private static String fileName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return base.endsWith(".drl") ? base : base + ".drl";
    }

    private static RuleSource sourceFor(Map<String, RuleSource> byKiePath, String path) {
        if (path == null) {
            return null;
        }
        for (Map.Entry<String, RuleSource> e : byKiePath.entrySet()) {
            if (e.getKey().endsWith(path) || path.endsWith(e.getKey().substring("src/main/resources/".length()))) {
                return e.getValue();
            }
        }
        return null;
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

    /** SHA-256 over the sources (in name order), the disabled ids and the policy, first 16 hex digits. */
    static String fingerprint(List<RuleSource> sources, Set<String> disabledIds, String policyText) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<RuleSource> ordered = new ArrayList<>(sources);
            ordered.sort(Comparator.comparing(RuleSource::name).thenComparing(RuleSource::text));
            for (RuleSource s : ordered) {
                update(digest, "source:" + s.name());
                update(digest, s.text().replace("\r\n", "\n"));
            }
            update(digest, "disabled:" + new TreeSet<>(disabledIds));
            update(digest, "policy:" + policyText);
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
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
     * the message without Drools' echo of the expression, caret art and rule-name suffixes.
     */
    static final class DroolsMessages {
        private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*?)(?: in rule \"?[^\"]*\"?)?$", Pattern.DOTALL);
        private static final Pattern RULE_NAME = Pattern.compile("\\s*:?\\s*\\[Rule name='([^']*)'\\]\\s*");
        private static final Pattern ANALYSE = Pattern.compile(
                "^Unable to Analyse Expression (.*?):\\s*\\[Error: (.*?)\\]\\s*\\[Near.*$", Pattern.DOTALL);
        private static final Pattern STRICT = Pattern.compile(
                "unable to resolve method using strict-mode: (?:[\\w$]+\\.)*([\\w$]+)\\.(\\w+)\\(\\)");
        private static final Pattern METHOD = Pattern.compile("The method (\\w+)\\(");
        private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
        private static final Pattern UNRESOLVED = Pattern.compile("^([\\w.$]+) cannot be resolved");
        private static final String NULL_PACKAGE = "Parser returned a null Package";

        private DroolsMessages() {
        }

        static List<Problem> toProblems(RuleSource source, String path, int line, int column, String text) {
            String file = source == null ? String.valueOf(path) : source.name();
            String raw = text == null ? "" : text.strip();
            String ruleName = null;
            Matcher named = RULE_NAME.matcher(raw);
            if (named.find()) {
                ruleName = named.group(1);
            }
            line = Math.max(line, 0);
            List<Problem> out = new ArrayList<>();
            Matcher parser = PARSER.matcher(raw);
            if (parser.matches()) {
                int l = Integer.parseInt(parser.group(1));
                int c = Integer.parseInt(parser.group(2)) + 1; // ANTLR counts columns from 0
                out.add(new Problem(file, l, c, ruleAt(source, l, ruleName), oneLine(parser.group(3))));
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
                out.add(new Problem(file, at[0], at[1], ruleAt(source, at[0], ruleName),
                        "cannot analyse '" + expression + "': " + error));
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
                    out.add(new Problem(file, at[0], at[1], ruleAt(source, at[0], ruleName), message));
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
            out.add(new Problem(file, at[0], at[1], ruleAt(source, at[0], ruleName), message));
            return out;
        }

        /** Drops "null Package" when the same file has a real problem to show. */
        static List<Problem> withoutNoise(List<Problem> problems) {
            List<Problem> out = new ArrayList<>();
            for (Problem p : problems) {
                boolean noise = p.message().equals(NULL_PACKAGE) && problems.stream()
                        .anyMatch(o -> o != p && o.file().equals(p.file()) && !o.message().equals(NULL_PACKAGE));
                if (!noise) {
                    out.add(p);
                }
            }
            return out;
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
