package io.github.leadrules.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import io.github.leadrules.architecture.fixture.KafkaInternalUser;
import io.github.leadrules.architecture.fixture.Leaky;
import io.github.leadrules.architecture.fixture.Tight;
import io.github.leadrules.architecture.fixture.internal.Hidden;
import io.github.leadrules.kafka.internal.RuleSets;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code internal} packages are internal in fact, not only by name: no public signature shows an
 * internal type, and the modules built on the core (CLI, examples, benchmarks, test kit, JSON, calibrate,
 * reports, Kafka Streams) reach the core through its public packages only. The Kafka Streams module's own
 * {@code internal} package (processors, stores, rule-set compiler) is used from that module only. The one place where a public package
 * still depends on {@code io.github.leadrules.internal} from the root package is the facade that
 * builds the engine, {@code LeadQualifier}; that is pinned here too, so that it does not spread.
 */
class InternalBoundaryTest {

    private static final String INTERNAL = "..internal..";
    private static final String CORE_INTERNAL = "io.github.leadrules.internal..";
    private static final String KAFKA_INTERNAL = "io.github.leadrules.kafka.internal..";

    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.leadrules");
    }

    @Test
    void everyModuleIsOnTheClassPathSoThatTheRulesSeeIt() {
        // A rule that sees no class passes vacuously: make sure each module is there.
        for (String type : List.of("io.github.leadrules.LeadQualifier", "io.github.leadrules.json.LeadRulesJson",
                "io.github.leadrules.calibrate.Calibrator",
                "io.github.leadrules.reports.HtmlFunnelReport", "io.github.leadrules.test.RuleVerifier",
                "io.github.leadrules.examples.QuickStart", "io.github.leadrules.cli.LeadRulesCli",
                "io.github.leadrules.benchmarks.PlainJavaQualifier", "io.github.leadrules.internal.Pipeline",
                "io.github.leadrules.kafka.LeadTopology", "io.github.leadrules.kafka.internal.RuleSets",
                "io.github.leadrules.examples.kafka.KafkaStreamsFunnel")) {
            assertThat(classes.contain(type)).as(type).isTrue();
        }
    }

    @Test
    void noPublicOrProtectedSignatureOfAPublicTypeShowsAnInternalType() {
        publicSignatures().check(classes);
    }

    @Test
    void theSignatureRuleCatchesAnInternalTypeInAPublicConstructorsGenericParameterButNotInAPackagePrivateOne() {
        JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class, Hidden.class);
        JavaClasses tight = new ClassFileImporter().importClasses(Tight.class, Hidden.class);

        assertThat(publicSignatures().evaluate(leaky).getFailureReport().getDetails())
                .singleElement().asString().contains("Leaky.<init>(java.util.List)").contains(Hidden.class.getName());
        assertThat(publicSignatures().evaluate(tight).hasViolation()).isFalse();
    }

    private static ArchRule publicSignatures() {
        return classes().that(arePubliclyVisible()).and().resideOutsideOfPackage(INTERNAL)
                .should(exposeNoInternalType())
                .because("hosts must be able to use every public signature without an internal type");
    }

    @Test
    void theModulesBuiltOnTheCoreDoNotImportItsInternalPackages() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.github.leadrules.cli..",
                        "io.github.leadrules.examples..", "io.github.leadrules.benchmarks..", "io.github.leadrules.test..",
                        "io.github.leadrules.json..", "io.github.leadrules.reports..", "io.github.leadrules.calibrate..",
                        "io.github.leadrules.kafka..")
                .should().dependOnClassesThat().resideInAPackage(CORE_INTERNAL)
                .because("they are the core's users and show what a host can do with its public API");
        rule.check(classes);
    }

    @Test
    void theKafkaStreamsModulesInternalPackageIsUsedOnlyFromThatModule() {
        kafkaInternalStaysInside().check(classes);
    }

    @Test
    void theKafkaRuleCatchesAHostThatReachesIntoTheTopologysRuleSets() {
        JavaClasses host = new ClassFileImporter().importClasses(KafkaInternalUser.class, RuleSets.class);

        assertThat(kafkaInternalStaysInside().evaluate(host).getFailureReport().getDetails())
                .isNotEmpty().allSatisfy(d -> assertThat(d).contains(KafkaInternalUser.class.getName())
                        .contains(RuleSets.class.getName()));
    }

    private static ArchRule kafkaInternalStaysInside() {
        return noClasses().that().resideOutsideOfPackage("io.github.leadrules.kafka..")
                .should().dependOnClassesThat().resideInAPackage(KAFKA_INTERNAL)
                .because("hosts (the example among them) build the topology with LeadTopology and read its"
                        + " messages with LeadSerdes, AccountMessages and RuleSetMessage; the processors and"
                        + " stores behind them may change in any release");
    }

    @Test
    void inTheRootPackageOnlyLeadQualifierWhichBuildsTheEngineDependsOnInternal() {
        ArchRule rule = noClasses().that().resideInAPackage("io.github.leadrules")
                .and(DescribedPredicate.describe("are not LeadQualifier or nested in it",
                        (JavaClass c) -> !c.getName().equals("io.github.leadrules.LeadQualifier")
                                && !c.getName().startsWith("io.github.leadrules.LeadQualifier$")))
                .should().dependOnClassesThat().resideInAPackage(CORE_INTERNAL)
                .because("internal depends on the public API, not the other way round; the facade that builds"
                        + " the engine is the one exception");
        rule.check(classes);
    }

    /** Public, and nested only in public types: reachable from a host's code. */
    private static DescribedPredicate<JavaClass> arePubliclyVisible() {
        return DescribedPredicate.describe("are publicly visible", c -> {
            for (JavaClass t = c; t != null; t = t.getEnclosingClass().orElse(null)) {
                if (!t.getModifiers().contains(JavaModifier.PUBLIC) || t.isAnonymousClass() || t.isLocalClass()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public or protected signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<String> found = new ArrayList<>();
                c.getSuperclass().ifPresent(t -> internal(t, "extends", c.getName(), found));
                for (JavaType t : c.getInterfaces()) {
                    internal(t, "implements", c.getName(), found);
                }
                for (JavaField f : c.getFields()) {
                    if (visible(f)) {
                        internal(f.getType(), "field type", f.getFullName(), found);
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!visible(u)) {
                        continue;
                    }
                    internal(u.getReturnType(), "return type", u.getFullName(), found);
                    for (JavaType p : u.getParameterTypes()) {
                        internal(p, "parameter", u.getFullName(), found);
                    }
                    for (JavaClass t : u.getThrowsClause().getTypes()) {
                        internal(t, "throws", u.getFullName(), found);
                    }
                }
                for (String f : found) {
                    events.add(SimpleConditionEvent.violated(c, f));
                }
            }
        };
    }

    private static boolean visible(JavaMember m) {
        Set<JavaModifier> mods = m.getModifiers();
        return (mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED))
                && !mods.contains(JavaModifier.SYNTHETIC);
    }

    private static void internal(JavaType type, String where, String member, List<String> found) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            JavaClass base = raw.isArray() ? raw.getBaseComponentType() : raw;
            String pkg = base.getPackageName();
            if (pkg.startsWith("io.github.leadrules") && (pkg.endsWith(".internal") || pkg.contains(".internal."))) {
                found.add(member + " shows the internal type " + base.getName() + " (" + where + ")");
            }
        }
    }
}
