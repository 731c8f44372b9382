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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

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

        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Problem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            RuleSource source = sourceFor(byKiePath, m.getPath());
            String file = source == null ? String.valueOf(m.getPath()) : source.name();
            String rule = source == null ? null : ruleAtLine(source, m.getLine());
            problems.add(new Problem(file, Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0), rule,
                    oneLine(m.getText())));
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new InvalidRulesException(sorted(problems));
        }

        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        ks.getRepository().removeKieModule(releaseId);

        List<RuleDescription> descriptions = new ArrayList<>();
        Map<String, RuleDescription> byId = new HashMap<>();
        Map<String, Rule> ruleById = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Located where = located.get(rule.getPackageName() + "/" + rule.getName());
                String file = where == null ? "(unknown file)" : where.source.name();
                int line = where == null ? 0 : where.declared.line();
                Object idValue = rule.getMetaData().get("id");
                String group = rule instanceof RuleImpl impl ? impl.getAgendaGroup() : null;
                Stage stage = stageOf(group);
                if (idValue == null || idValue.toString().isBlank()) {
                    problems.add(new Problem(file, line, 0, rule.getName(),
                            "has no stable id: add @id(\"EXC-…\"), @id(\"URG-…\") or @id(\"RTE-…\")"));
                    continue;
                }
                String id = idValue.toString();
                if (stage == null) {
                    problems.add(new Problem(file, line, 0, rule.getName(), "rule " + id
                            + " has no stage: add ruleflow-group \"exclusion\", \"urgency\" or \"routing\""
                            + (group == null || "MAIN".equals(group) ? "" : " (found \"" + group + "\")")));
                    continue;
                }
                Stage prefixStage = PREFIX_STAGE.get(id.length() >= 4 ? id.substring(0, 4) : "");
                if (prefixStage != null && prefixStage != stage) {
                    problems.add(new Problem(file, line, 0, rule.getName(), "rule " + id + " is in the "
                            + stage.agendaGroup() + " stage but its id prefix says " + prefixStage.agendaGroup()));
                }
                RuleDescription description = new RuleDescription(id, stage, rule.getName(),
                        where == null ? "" : where.declared.comment(), file, line,
                        DecisionRecorder.salience(rule));
                RuleDescription clash = byId.putIfAbsent(id, description);
                if (clash != null) {
                    problems.add(new Problem(file, line, 0, rule.getName(), "duplicate rule id " + id
                            + ": also used by rule \"" + clash.name() + "\" at " + clash.source() + ":" + clash.line()));
                    continue;
                }
                ruleById.put(id, rule);
                descriptions.add(description);
            }
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
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)").matcher(drl);
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

    private static String ruleAtLine(RuleSource source, int line) {
        for (DrlScanner.Declared d : DrlScanner.scan(source.text())) {
            if (line >= d.line() && line <= d.endLine()) {
                return d.name();
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
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
}
