package io.github.leadrules.internal;

import io.github.leadrules.LeadQualifier;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The packaged rules as Drools' executable model, generated from {@code exclusion.drl},
 * {@code urgency.drl} and {@code routing.drl} when lead-rules-core is built (kie-maven-plugin, see
 * its pom), so that a qualifier with the packaged rules builds its rule base from compiled classes
 * instead of compiling the DRL text at every start.
 *
 * <p>It stands in for the three packaged sources only while all three are in the build unchanged;
 * a replaced stage brings the DRL path back for all of them (the model is one package of all three
 * files). Host rules are compiled from DRL on top of it, as before.
 */
final class PrecompiledRules {

    /** Where kie-maven-plugin lists the generated model classes, under the module's group and artifact. */
    static final String MODEL_FILE = "META-INF/kie/io.github.leadrules/lead-rules-core/drools-model";

    private static final Object LOCK = new Object();
    private static List<String> modelClasses;

    private PrecompiledRules() {
    }

    /**
     * Whether the packaged sources among these are exactly the shipped files, so that the
     * precompiled model can stand in for them.
     */
    static boolean covers(List<RuleSource> sources) {
        Set<String> packaged = new HashSet<>();
        for (RuleSource source : sources) {
            if (source.packaged()) {
                packaged.add(source.name());
            }
        }
        return packaged.equals(Set.copyOf(LeadQualifier.PACKAGED_RULES)) && !modelClasses().isEmpty();
    }

    /** Whether this source is one the precompiled model stands in for. */
    static boolean isPrecompiled(RuleSource source) {
        return source.packaged() && LeadQualifier.PACKAGED_RULES.contains(source.name());
    }

    /**
     * A new rule base of the packaged rules, from the generated model classes. Each call builds its
     * own (host rules and disabled rules change it).
     */
    static InternalKnowledgeBase newBase() {
        List<Model> models = new ArrayList<>();
        for (String name : modelClasses()) {
            models.add(instantiate(name));
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    private static Model instantiate(String className) {
        try {
            Class<?> type = Class.forName(className, true, PrecompiledRules.class.getClassLoader());
            return (Model) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw new IllegalStateException("the packaged rules' executable model class " + className
                    + " does not load: " + e, e);
        }
    }

    /** The model class names from the generated list; empty when this jar was built without it. */
    static List<String> modelClasses() {
        synchronized (LOCK) {
            if (modelClasses == null) {
                modelClasses = readModelFile();
            }
            return modelClasses;
        }
    }

    private static List<String> readModelFile() {
        ClassLoader loader = PrecompiledRules.class.getClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(MODEL_FILE);
        if (in == null) {
            return List.of();
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
            throw new UncheckedIOException("cannot read " + MODEL_FILE, e);
        }
    }
}
