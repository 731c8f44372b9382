package io.github.leadrules.rules;

import io.github.leadrules.Fixtures;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keeps {@code docs/rule-writing.md} true: its tables of what a DRL rule may use on
 * {@link LeadContext} and {@link Assessment} list exactly their public methods, with the name DRL
 * uses, the Java signature and the type; its policy table names members that exist and every policy
 * member the packaged rules read; its DRL example builds and fires.
 */
class RuleWritingReferenceTest {

    private static final Path DOC = Path.of("..", "docs", "rule-writing.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\| `([^`]+)` \\| (.*) \\|$");
    private static final Pattern CALL = Pattern.compile("^(\\w+)\\((.*)\\)$");

    /** One row of a table: the first two columns, the type and the meaning. */
    private record Row(String first, String second, String type, String meaning) {
    }

    @Test
    void theLeadContextTableListsExactlyItsPublicMethods() throws IOException {
        assertTableMatches(LeadContext.class, rows("## LeadContext"));
    }

    @Test
    void theAssessmentTableListsExactlyItsPublicMethods() throws IOException {
        assertTableMatches(Assessment.class, rows("## Assessment"));
    }

    @Test
    void thePolicyTableNamesMembersThatExistWithTheirTypes() throws IOException {
        List<Row> rows = rows("## Policy values");
        assertThat(rows).isNotEmpty();
        for (Row row : rows) {
            String condition = row.first().substring("policy.".length());
            Matcher call = CALL.matcher(condition);
            if (call.matches()) {
                assertThat(publicMethod(LeadPolicy.class, call.group(1), arity(call.group(2))))
                        .as("LeadPolicy method for %s", row.first()).isNotNull();
            } else {
                String capitalised = Character.toUpperCase(condition.charAt(0)) + condition.substring(1);
                Method getter = publicMethod(LeadPolicy.class, "get" + capitalised, 0);
                Method is = publicMethod(LeadPolicy.class, "is" + capitalised, 0);
                assertThat(getter != null || is != null).as("a bean getter behind %s", row.first()).isTrue();
            }
            Matcher consequence = CALL.matcher(row.second().substring("getPolicy().".length()));
            assertThat(consequence.matches()).as(row.second()).isTrue();
            Method method = publicMethod(LeadPolicy.class, consequence.group(1), arity(consequence.group(2)));
            assertThat(method).as("LeadPolicy method for %s", row.second()).isNotNull();
            assertThat(row.type()).as("type of %s", row.second()).isEqualTo(typeName(method.getGenericReturnType()));
            assertThat(row.meaning()).as("meaning of %s", row.first()).isNotBlank();
        }
    }

    @Test
    void everyPolicyMemberThePackagedRulesReadIsInThePolicyTable() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (Row row : rows("## Policy values")) {
            documented.add(memberName(row.first().substring("policy.".length())));
            documented.add(memberName(row.second().substring("getPolicy().".length())));
        }
        Set<String> used = new TreeSet<>();
        Pattern reference = Pattern.compile("(?:\\bpolicy|getPolicy\\(\\))\\.(\\w+)");
        for (String resource : LeadQualifier.PACKAGED_RULES) {
            Matcher m = reference.matcher(read(resource));
            while (m.find()) {
                used.add(m.group(1));
            }
        }

        assertThat(used).as("policy members the packaged rules read").isNotEmpty();
        assertThat(documented).as("policy members in docs/rule-writing.md").containsAll(used);
    }

    @Test
    void theExampleRuleBuildsAndFiresForABoothVisitorWhoCameBack() throws IOException {
        List<String> examples = drlBlocks();
        assertThat(examples).hasSize(2);
        LeadQualifier qualifier = Fixtures.builder().addRulesText("docs/rule-writing.md", examples.get(0)).build();

        Lead cameBack = Fixtures.manufacturerDemo("JP-DOC-1").toBuilder().source("trade-show")
                .engagement(EngagementEvent.pricingPageVisit(Fixtures.NOW.minus(Duration.ofDays(3)))).build();
        Lead neverCameBack = Fixtures.manufacturerDemo("JP-DOC-2").toBuilder().source("trade-show").build();
        List<Qualification> decided = qualifier.qualifyAll(List.of(cameBack, neverCameBack));

        assertThat(decided.get(0).reasonIds()).contains("ACME-BOOTH-PRICING");
        assertThat(decided.get(1).reasonIds()).doesNotContain("ACME-BOOTH-PRICING");
    }

    // ------------------------------------------------------------------ helpers

    private static void assertTableMatches(Class<?> type, List<Row> rows) {
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == type && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
                    && !m.getName().equals("toString")) {
                methods.put(signature(m), m);
            }
        }
        Map<String, Row> documented = new LinkedHashMap<>();
        for (Row row : rows) {
            assertThat(documented.put(row.second(), row)).as("%s documented twice", row.second()).isNull();
        }

        assertThat(new TreeSet<>(documented.keySet())).as("%s methods in docs/rule-writing.md", type.getSimpleName())
                .isEqualTo(new TreeSet<>(methods.keySet()));
        for (Row row : rows) {
            Method m = methods.get(row.second());
            assertThat(row.type()).as("type of %s", row.second()).isEqualTo(typeName(m.getGenericReturnType()));
            assertThat(row.first()).as("how DRL writes %s", row.second()).isEqualTo(drlName(m, row.first()));
            assertThat(row.meaning()).as("meaning of %s", row.second()).isNotBlank().doesNotContain("|");
        }
    }

    /** {@code getLeadId()} is the property {@code leadId}; a method with parameters keeps its name and arity. */
    private static String drlName(Method m, String documented) {
        String name = m.getName();
        if (m.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3) {
            return decapitalise(name.substring(3));
        }
        if (m.getParameterCount() == 0 && name.startsWith("is") && name.length() > 2) {
            return decapitalise(name.substring(2));
        }
        Matcher call = CALL.matcher(documented);
        String args = call.matches() && call.group(1).equals(name) && arity(call.group(2)) == m.getParameterCount()
                ? call.group(2) : "(" + m.getParameterCount() + " arguments)";
        return name + "(" + args + ")";
    }

    private static String decapitalise(String s) {
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static String signature(Method m) {
        return m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getSimpleName() + "<" + Arrays.stream(p.getActualTypeArguments())
                    .map(RuleWritingReferenceTest::typeName).collect(Collectors.joining(", ")) + ">";
        }
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }

    private static int arity(String args) {
        return args.isBlank() ? 0 : args.split(",").length;
    }

    private static String memberName(String reference) {
        int paren = reference.indexOf('(');
        return paren < 0 ? reference : reference.substring(0, paren);
    }

    private static Method publicMethod(Class<?> type, String name, int arity) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                return m;
            }
        }
        return null;
    }

    /** The table rows of the section whose heading starts with the text. */
    private static List<Row> rows(String heading) throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                in = line.startsWith(heading);
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (in && m.matches()) {
                rows.add(new Row(m.group(1), m.group(2), m.group(3), m.group(4).strip()));
            }
        }
        assertThat(rows).as("rows under %s", heading).isNotEmpty();
        return rows;
    }

    @Test
    void theTypedFieldExampleBuildsWithItsFieldsDeclaredAndComparesNumbers() throws IOException {
        String example = drlBlocks().get(1);
        io.github.leadrules.policy.LeadPolicy policy = Fixtures.POLICY.toBuilder()
                .field("time_on_site", io.github.leadrules.model.FieldType.integer())
                .field("converted", io.github.leadrules.model.FieldType.flag()).build();
        LeadQualifier qualifier = Fixtures.builder().policy(policy).addRulesText("docs/rule-writing.md", example).build();

        Lead longVisit = Fixtures.manufacturerDemo("JP-DOC-3").toBuilder().attribute("time_on_site", "900").build();
        Lead shortVisit = Fixtures.manufacturerDemo("JP-DOC-4").toBuilder().attribute("time_on_site", "96").build();
        List<Qualification> decided = qualifier.qualifyAll(List.of(longVisit, shortVisit));

        assertThat(decided.get(0).hasReason("ACME-LONG-VISIT")).isTrue();
        assertThat(decided.get(1).hasReason("ACME-LONG-VISIT")).isFalse();
        assertThatThrownBy(() -> Fixtures.builder().addRulesText("docs/rule-writing.md", example).build())
                .hasMessageContaining("number(\"time_on_site\"): no field time_on_site is declared");
    }

    private static List<String> drlBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)```drl\\n(.*?)```").matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = RuleWritingReferenceTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
