package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.Qualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.leadrules.spring.autoconfigure.LeadRulesAutoConfigurationTest.BLOCKED_REGION_RULE;
import static io.github.leadrules.spring.autoconfigure.LeadRulesAutoConfigurationTest.BROKEN_RULE;
import static io.github.leadrules.spring.autoconfigure.LeadRulesAutoConfigurationTest.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

/** The health indicator and the endpoint; written against both Spring Boot lines' health API by reflection. */
class LeadRulesActuatorTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner withRulesFolder(Path rules) {
        return RUNNER.withPropertyValues("leadrules.rules=" + rules.toUri(),
                "management.endpoints.web.exposure.include=health,leadrules");
    }

    @Test
    void healthIsUpWithFingerprintAndRuleCountBeforeAnyReload() {
        RUNNER.run(context -> {
            Health health = Health.of(context.getBean("leadrulesHealthIndicator"));
            Qualifier qualifier = context.getBean(Qualifier.class);
            assertThat(health.status()).isEqualTo("UP");
            assertThat(health.details()).containsEntry("fingerprint", qualifier.fingerprint())
                    .containsEntry("rules", qualifier.rules().size()).doesNotContainKey("lastReload");
        });
    }

    @Test
    void theHealthIndicatorIsTheOneOfTheSpringBootLineInUse() {
        boolean boot4 = System.getProperty("leadrules.expected-spring-boot-line", "3").equals("4");
        RUNNER.run(context -> assertThat(context.getBean("leadrulesHealthIndicator"))
                .isInstanceOf(boot4 ? LeadRulesBoot4HealthIndicator.class : LeadRulesHealthIndicator.class));
    }

    @Test
    void aFailedReloadShowsItsProblemsInHealthWhileTheOldRulesKeepServing() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("blocked-region.drl"), BLOCKED_REGION_RULE, StandardCharsets.UTF_8);
        withRulesFolder(rules).run(context -> {
            Qualifier qualifier = context.getBean(Qualifier.class);
            String before = qualifier.fingerprint();
            Files.writeString(rules.resolve("partner.drl"), BROKEN_RULE, StandardCharsets.UTF_8);

            Map<String, Object> answer = context.getBean(LeadRulesEndpoint.class).reload();

            assertThat(answer).containsEntry("succeeded", false).containsEntry("fingerprint", before);
            assertThat(qualifier.fingerprint()).isEqualTo(before);
            Health health = Health.of(context.getBean("leadrulesHealthIndicator"));
            assertThat(health.status()).isEqualTo("UP");
            @SuppressWarnings("unchecked")
            Map<String, Object> last = (Map<String, Object>) health.details().get("lastReload");
            assertThat(last).containsEntry("succeeded", false).containsKey("finishedAt");
            assertThat((List<?>) last.get("problems")).singleElement().asString()
                    .contains("partner.drl:9").contains("Exclude leads from a partner");
        });
    }

    @Test
    void theEndpointListsTheRulesAndReloadsChangedFiles() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (var in = getClass().getResourceAsStream("/leadrules-test/trade-show.drl")) {
            Files.write(rules.resolve("trade-show.drl"), in.readAllBytes());
        }
        withRulesFolder(rules).run(context -> {
            LeadRulesEndpoint endpoint = context.getBean(LeadRulesEndpoint.class);
            Map<String, Object> listed = endpoint.rules();
            String before = (String) listed.get("fingerprint");
            assertThat(ids(listed)).contains("URG-TRADE-SHOW-DEMO", "EXC-COMPETITOR").doesNotContain("EXC-BLOCKED-REGION");
            assertThat(listed.get("count")).isEqualTo(ids(listed).size());

            Files.writeString(rules.resolve("blocked-region.drl"), BLOCKED_REGION_RULE, StandardCharsets.UTF_8);
            Map<String, Object> reloaded = endpoint.reload();

            assertThat(reloaded).containsEntry("succeeded", true).containsEntry("changed", true)
                    .containsEntry("previousFingerprint", before);
            Map<String, Object> after = endpoint.rules();
            assertThat(ids(after)).contains("EXC-BLOCKED-REGION");
            assertThat(after.get("fingerprint")).isEqualTo(reloaded.get("fingerprint"))
                    .isEqualTo(context.getBean(Qualifier.class).fingerprint());
            @SuppressWarnings("unchecked")
            Map<String, Object> rule = ((List<Map<String, Object>>) after.get("rules")).stream()
                    .filter(r -> r.get("id").equals("EXC-BLOCKED-REGION")).findFirst().orElseThrow();
            assertThat(rule).containsEntry("stage", "EXCLUSION").containsEntry("name", "Exclude leads from a blocked region")
                    .containsEntry("description", "We do not sell in Korea yet.").containsEntry("line", 6);
            assertThat((String) rule.get("source")).endsWith("blocked-region.drl");
        });
    }

    @Test
    void theEndpointIsNotCreatedUnlessExposed() {
        RUNNER.run(context -> assertThat(context).doesNotHaveBean(LeadRulesEndpoint.class));
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        RUNNER.withPropertyValues("management.health.leadrules.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("leadrulesHealthIndicator"));
    }

    @Test
    void aQualifierThatCannotReloadSaysSoInsteadOfPretending() {
        RUNNER.withUserConfiguration(LeadRulesAutoConfigurationTest.HostQualifier.class)
                .withPropertyValues("management.endpoints.web.exposure.include=leadrules")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ReloadableLeadQualifier.class);
                    LeadRulesEndpoint endpoint = context.getBean(LeadRulesEndpoint.class);
                    assertThat(ids(endpoint.rules())).doesNotContain("EXC-STUDENT");
                    Map<String, Object> answer = endpoint.reload();
                    assertThat(answer).containsEntry("succeeded", false);
                    assertThat((List<?>) answer.get("problems")).singleElement().asString()
                            .contains("LeadQualifier, not a ReloadableLeadQualifier: it cannot reload");
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> listed) {
        return ((List<Map<String, Object>>) listed.get("rules")).stream().map(r -> r.get("id")).toList();
    }

    /** A health result read by reflection: Spring Boot 3 and 4 have the same methods in different packages. */
    record Health(String status, Map<String, Object> details) {
        @SuppressWarnings("unchecked")
        static Health of(Object indicator) throws ReflectiveOperationException {
            Object health = indicator.getClass().getMethod("health").invoke(indicator);
            Method getStatus = health.getClass().getMethod("getStatus");
            Object status = getStatus.invoke(health);
            String code = (String) status.getClass().getMethod("getCode").invoke(status);
            Map<String, Object> details = (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
            return new Health(code, details);
        }
    }
}
