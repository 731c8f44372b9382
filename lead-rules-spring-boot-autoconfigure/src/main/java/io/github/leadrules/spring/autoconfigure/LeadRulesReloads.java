package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.Qualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.ReloadableLeadQualifier.ReloadResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last reload of the context's {@link ReloadableLeadQualifier}, and reloading on request. Read
 * by the health indicator and the {@code leadrules} Actuator endpoint; thread-safe.
 */
public class LeadRulesReloads {

    private final Qualifier qualifier;
    private volatile ReloadResult last;

    /**
     * Listens to the qualifier's reloads, when it is reloadable.
     *
     * @param qualifier the context's qualifier, or null when there is none or several
     */
    public LeadRulesReloads(Qualifier qualifier) {
        this.qualifier = qualifier;
        if (qualifier instanceof ReloadableLeadQualifier reloadable) {
            reloadable.onReload(result -> last = result);
        }
    }

    /** {@return the qualifier these reloads belong to, if there is exactly one in the context} */
    public Optional<Qualifier> qualifier() {
        return Optional.ofNullable(qualifier);
    }

    /** {@return the last reload's result; empty before the first reload} */
    public Optional<ReloadResult> last() {
        return Optional.ofNullable(last);
    }

    /**
     * Reloads the rules and policy from their files and waits for the result.
     *
     * @param timeoutSeconds how long to wait for the build
     * @return the result
     * @throws IllegalStateException when the qualifier is not reloadable, or the build took too long
     */
    public ReloadResult reloadAndWait(long timeoutSeconds) {
        if (!(qualifier instanceof ReloadableLeadQualifier reloadable)) {
            throw new IllegalStateException("the context's Qualifier is not a ReloadableLeadQualifier");
        }
        CompletableFuture<ReloadResult> future = reloadable.reload();
        try {
            return future.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the reload", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the reload did not finish within " + timeoutSeconds + " s", e);
        }
    }

    /**
     * A reload as plain values (for JSON): when, whether it succeeded, the fingerprints and the
     * problems ({@code file:line:column [rule] message}, never lead data).
     *
     * @param result a reload's result
     * @return its description, in a stable key order
     */
    public static Map<String, Object> describe(ReloadResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("succeeded", result.succeeded());
        out.put("changed", result.changed());
        out.put("finishedAt", result.finishedAt().toString());
        out.put("previousFingerprint", result.previousFingerprint());
        out.put("fingerprint", result.fingerprint());
        out.put("buildMillis", result.buildMillis());
        out.put("problems", result.problems());
        return out;
    }
}
