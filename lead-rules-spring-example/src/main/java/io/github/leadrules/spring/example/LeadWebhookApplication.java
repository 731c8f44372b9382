package io.github.leadrules.spring.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A lead webhook service: a form backend or a CRM posts leads as JSON and gets each decision with
 * its reasons. The qualifier, its health indicator, the {@code leadrules} endpoint and the metrics
 * come from lead-rules-spring-boot-starter; see {@code application.properties}.
 */
@SpringBootApplication
public class LeadWebhookApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(LeadWebhookApplication.class, args);
    }
}
