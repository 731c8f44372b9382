package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.assign.AssignmentStrategy;
import io.github.leadrules.policy.LeadPolicy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds a {@link LeadQualifier} from the {@code leadrules.*} properties, reading the policy and
 * rule files afresh on every call: the reloadable qualifier's factory.
 */
final class LeadQualifierFactory implements Supplier<LeadQualifier> {

    private final LeadRulesProperties properties;
    private final ResourcePatternResolver resources;
    private final AccountDirectory accounts;
    private final AssignmentStrategy assignment;
    private final Clock clock;

    LeadQualifierFactory(LeadRulesProperties properties, ResourcePatternResolver resources, AccountDirectory accounts,
                         AssignmentStrategy assignment, Clock clock) {
        this.properties = properties;
        this.resources = resources;
        this.accounts = accounts;
        this.assignment = assignment;
        this.clock = clock;
    }

    @Override
    public LeadQualifier get() {
        LeadQualifier.Builder builder = LeadQualifier.builder().batchSize(properties.getBatchSize());
        if (hasText(properties.getPolicy())) {
            builder.policy(loadPolicy(properties.getPolicy().trim()));
        }
        for (String location : properties.getRules()) {
            if (hasText(location)) {
                addRules(builder, location.trim());
            }
        }
        properties.getDisabledRules().stream().filter(LeadQualifierFactory::hasText).map(String::trim)
                .forEach(builder::disableRule);
        if (!properties.getUnavailableFields().isEmpty()) {
            builder.unavailableFields(properties.getUnavailableFields().stream().map(String::trim).toList());
        }
        if (accounts != null) {
            builder.accounts(accounts);
        }
        if (assignment != null) {
            builder.assignment(assignment);
        }
        if (clock != null) {
            builder.clock(clock);
        }
        return builder.build();
    }

    private LeadPolicy loadPolicy(String location) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("leadrules.policy: no policy file at " + location);
        }
        File file = fileOf(resource);
        if (file != null) {
            return LeadPolicy.load(file.toPath());
        }
        try (InputStream in = resource.getInputStream();
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return LeadPolicy.load(reader, location);
        } catch (IOException e) {
            throw new UncheckedIOException("leadrules.policy: cannot read " + location, e);
        }
    }

    private void addRules(LeadQualifier.Builder builder, String location) {
        Resource[] found;
        try {
            found = resources.getResources(location);
        } catch (IOException e) {
            throw new UncheckedIOException("leadrules.rules: cannot list " + location, e);
        }
        List<Resource> drl = new ArrayList<>();
        for (Resource resource : found) {
            File file = fileOf(resource);
            if (file != null && file.isDirectory()) {
                builder.addRules(file.toPath());   // every .drl under it; an empty folder fails the build
                drl.add(resource);
            } else if (resource.exists() && resource.getFilename() != null && resource.getFilename().endsWith(".drl")) {
                drl.add(resource);
            }
        }
        if (drl.isEmpty()) {
            throw new InvalidRulesException(List.of(new InvalidRulesException.Problem(location, 0, 0, null,
                    "leadrules.rules: no .drl file matches this location")));
        }
        // one order whatever the file system lists first: the fingerprint stays the same
        drl.sort(Comparator.comparing(LeadQualifierFactory::nameOf));
        for (Resource resource : drl) {
            File file = fileOf(resource);
            if (file != null && file.isDirectory()) {
                continue;
            }
            builder.addRulesText(nameOf(resource), read(resource));
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("leadrules.rules: cannot read " + nameOf(resource), e);
        }
    }

    /** The name rule problems and the catalogue show: the file's path, else the resource's URL. */
    private static String nameOf(Resource resource) {
        File file = fileOf(resource);
        if (file != null) {
            return file.getPath();
        }
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    private static File fileOf(Resource resource) {
        try {
            return resource.isFile() ? resource.getFile() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
