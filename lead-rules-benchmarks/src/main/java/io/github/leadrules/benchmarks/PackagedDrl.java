package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The packaged rules the way they were built before they shipped precompiled: every stage replaced
 * by its own packaged DRL text, which makes the qualifier compile that text at run time.
 */
public final class PackagedDrl {

    private PackagedDrl() {
    }

    /**
     * Replaces every stage of the builder by the packaged text of that stage, plus {@code suffix}
     * (a DRL comment, to defeat the library's reuse of a rule base, or "").
     */
    public static LeadQualifier.Builder allStagesFromDrl(LeadQualifier.Builder builder, String suffix) {
        Stage[] stages = {Stage.EXCLUSION, Stage.URGENCY, Stage.ROUTING};
        for (int i = 0; i < stages.length; i++) {
            String resource = LeadQualifier.PACKAGED_RULES.get(i);
            builder.replaceStageText(stages[i], resource, text(resource) + suffix);
        }
        return builder;
    }

    /** The packaged DRL text of a resource in {@link LeadQualifier#PACKAGED_RULES}. */
    public static String text(String resource) {
        try (InputStream in = LeadQualifier.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no packaged rule file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
