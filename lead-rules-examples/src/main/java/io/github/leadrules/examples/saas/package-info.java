/**
 * A host to copy: 株式会社ネクストワークス, a Japanese B2B SaaS vendor, with its own policy file
 * ({@code saas/policy.yaml}), three rules of its own ({@code saas/rules/*.drl}), one packaged rule
 * disabled and round robin for inside sales. Start at {@link io.github.leadrules.examples.saas.NextWorksHost};
 * its tests, written with the {@code lead-rules-test} kit, are beside it in {@code src/test}.
 */
package io.github.leadrules.examples.saas;
