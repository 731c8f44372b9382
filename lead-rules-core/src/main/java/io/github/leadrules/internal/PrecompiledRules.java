package io.github.leadrules.internal;

import io.github.leadrules.InvalidRulesException.Problem;
import io.github.leadrules.LeadQualifier;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules as Drools' executable model, generated from their DRL when a jar is built (kie-maven-plugin),
 * so that a qualifier builds its rule base from compiled classes instead of compiling DRL text at
 * every start. The packaged rules ship so, generated from {@code exclusion.drl}, {@code urgency.drl}
 * and {@code routing.drl} (see lead-rules-core's pom); a host may ship its own rules the same way
 * ({@code LeadQualifier.Builder.addPrecompiledRules}).
 *
 * <p>The packaged model stands in for the three packaged sources only while all three are in the
 * build unchanged; a replaced stage brings the DRL path back for all of them (the model is one
 * package of all three files). Rules without a model are compiled from DRL on top, as before.
 */
final class PrecompiledRules {

    /** Where kie-maven-plugin lists the packaged model's classes, under lead-rules-core's group and artifact. */
    static final String MODEL_FILE = "META-INF/kie/io.github.leadrules/lead-rules-core/drools-model";

    private static final Object LOCK = new Object();
    private static List<String> packagedModelClasses;

    private final Set<String> modelFiles;
    private final boolean packagedCovered;

    private PrecompiledRules(Set<String> modelFiles, boolean packagedCovered) {
        this.modelFiles = modelFiles;
        this.packagedCovered = packagedCovered;
    }

    /** Which of these sources come precompiled; none when there is no model to use. */
    static PrecompiledRules plan(List<RuleSource> sources) {
        Set<String> models = new LinkedHashSet<>();
        boolean packaged = covers(sources);
        if (packaged) {
            models.add(MODEL_FILE);
        }
        for (RuleSource source : sources) {
            if (!source.packaged() && source.model() != null) {
                models.add(source.model());
            }
        }
        return new PrecompiledRules(models, packaged);
    }

    /** Whether any model is used. */
    boolean any() {
        return !modelFiles.isEmpty();
    }

    /** Whether this source is one a model stands in for. */
    boolean isPrecompiled(RuleSource source) {
        return source.packaged() ? packagedCovered && LeadQualifier.PACKAGED_RULES.contains(source.name())
                : source.model() != null;
    }

    /**
     * A new rule base of the precompiled rules, from the generated model classes. Each call builds
     * its own (host rules and disabled rules change it).
     *
     * @throws io.github.leadrules.InvalidRulesException when a host's model list or class is missing
     */
    InternalKnowledgeBase newBase() {
        List<Model> models = new ArrayList<>();
        for (String file : modelFiles) {
            boolean packaged = file.equals(MODEL_FILE);
            List<String> classes = packaged ? packagedModelClasses() : readModelFile(file, hostLoader());
            if (classes == null || classes.isEmpty()) {
                throw new io.github.leadrules.InvalidRulesException(List.of(new Problem(file, 0, 0, null,
                        classes == null ? "no such resource on the classpath: build the model with kie-maven-plugin"
                                : "lists no model class")));
            }
            for (String name : classes) {
                models.add(instantiate(file, name, packaged ? PrecompiledRules.class.getClassLoader() : hostLoader()));
            }
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    /**
     * A model and its DRL out of step (a stale build): a rule declared in a precompiled file that
     * the rule base lacks, or a rule of the rule base that no file declares.
     */
    List<Problem> mismatches(KieBase base, List<RuleSource> sources) {
        List<Problem> problems = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (RuleSource source : sources) {
            for (DrlScanner.Declared d : DrlScanner.scan(source.text())) {
                declared.add(d.packageName() + "/" + d.name());
                if (isPrecompiled(source) && base.getRule(d.packageName(), d.name()) == null) {
                    problems.add(new Problem(source.name(), d.line(), 0, d.name(), "is not in the precompiled model "
                            + (source.packaged() ? MODEL_FILE : source.model()) + ": rebuild the model from this file"));
                }
            }
        }
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!declared.contains(pkg.getName() + "/" + rule.getName())) {
                    problems.add(new Problem(String.join(", ", modelFiles), 0, 0, rule.getName(),
                            "is in a precompiled model but in none of the DRL files given with it: rebuild the model"));
                }
            }
        }
        return problems;
    }

    /** Whether the packaged sources among these are exactly the shipped files and the jar holds their model. */
    static boolean covers(List<RuleSource> sources) {
        Set<String> packaged = new HashSet<>();
        for (RuleSource source : sources) {
            if (source.packaged()) {
                packaged.add(source.name());
            }
        }
        return packaged.equals(Set.copyOf(LeadQualifier.PACKAGED_RULES)) && !packagedModelClasses().isEmpty();
    }

    private static Model instantiate(String file, String className, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            return (Model) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw new io.github.leadrules.InvalidRulesException(List.of(new Problem(file, 0, 0, null,
                    "the model class " + className + " does not load: " + e.getClass().getSimpleName())));
        }
    }

    /** The packaged model's class names; empty when this jar was built without it. */
    static List<String> packagedModelClasses() {
        synchronized (LOCK) {
            if (packagedModelClasses == null) {
                List<String> read = readModelFile(MODEL_FILE, PrecompiledRules.class.getClassLoader());
                packagedModelClasses = read == null ? List.of() : read;
            }
            return packagedModelClasses;
        }
    }

    private static ClassLoader hostLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PrecompiledRules.class.getClassLoader();
    }

    /** The class names a model list names, or null when there is no such resource. */
    private static List<String> readModelFile(String file, ClassLoader loader) {
        InputStream in = loader == null ? null : loader.getResourceAsStream(file);
        if (in == null) {
            return null;
        }
        try (InputStream stream = in) {
            List<String> names = new ArrayList<>();
            for (String line : new String(stream.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String name = line.strip();
                // The first line is "Drools-Model-Version:…"; the rest name the model classes.
                if (!name.isEmpty() && !name.contains(":")) {
                    names.add(name);
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
