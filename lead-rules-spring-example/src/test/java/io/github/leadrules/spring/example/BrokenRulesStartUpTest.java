package io.github.leadrules.spring.example;

import io.github.leadrules.InvalidRulesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service does not start on rules that do not build, and says why the way Spring Boot reports start-up failures. */
@ExtendWith(OutputCaptureExtension.class)
class BrokenRulesStartUpTest {

    @Test
    void aBrokenRuleFileStopsStartUpWithOurMessage(@TempDir Path dir, CapturedOutput output) throws IOException {
        Path broken = dir.resolve("partner.drl");
        Files.writeString(broken, """
                package com.example.leads;

                import io.github.leadrules.rules.LeadContext;

                rule "Exclude leads from a partner"
                    @id("EXC-PARTNER")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( partnerCode == "P-17" )
                then
                    $lead.exclude("Partner lead");
                end
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new SpringApplicationBuilder(LeadWebhookApplication.class)
                .run("--spring.main.web-application-type=none", "--leadrules.rules=" + broken.toUri()).close())
                .hasRootCauseInstanceOf(InvalidRulesException.class);

        assertThat(output.toString()).contains("APPLICATION FAILED TO START")
                .contains("The lead-rules rules could not be built.")
                .contains(broken + ":9:26 [rule \"Exclude leads from a partner\"]")
                .contains("correct leadrules.rules");
    }
}
