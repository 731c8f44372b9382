package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.RuleDescription;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The metadata IDEs read to complete {@code leadrules.*}; checked as text (no JSON library here). */
class ConfigurationMetadataTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyPropertyIsDescribedForIdes() throws IOException {
        String metadata = resource("META-INF/spring-configuration-metadata.json");
        for (String name : new String[] {"leadrules.enabled", "leadrules.policy", "leadrules.rules",
                "leadrules.disabled-rules", "leadrules.unavailable-fields", "leadrules.batch-size",
                "management.health.leadrules.enabled"}) {
            Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(name) + "\"[^}]*\"description\"")
                    .matcher(metadata);
            assertThat(m.find()).as(name + " with a description").isTrue();
        }
    }

    @Test
    void theDisabledRulesHintsAreExactlyThePackagedRules() throws IOException {
        String additional = resource("META-INF/additional-spring-configuration-metadata.json");
        String hint = additional.substring(additional.indexOf("\"leadrules.disabled-rules\""));
        hint = hint.substring(0, hint.indexOf(']'));
        Set<String> hinted = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"").matcher(hint).results()
                .map(r -> r.group(1)).collect(Collectors.toSet());
        Set<String> packaged = LeadQualifier.builder().build().rules().stream().map(RuleDescription::id)
                .collect(Collectors.toSet());
        assertThat(hinted).isEqualTo(packaged);
    }

    @Test
    void theUnavailableFieldsHintsAreExactlyTheStandardFields() throws IOException {
        String additional = resource("META-INF/additional-spring-configuration-metadata.json");
        String hint = additional.substring(additional.indexOf("\"leadrules.unavailable-fields\""));
        hint = hint.substring(0, hint.indexOf(']'));
        Set<String> hinted = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"").matcher(hint).results()
                .map(r -> r.group(1)).collect(Collectors.toSet());
        assertThat(hinted).isEqualTo(LeadQualifier.STANDARD_FIELDS);
    }
}
