/**
 * A test kit for lead-rules, in the spirit of Timefold's ConstraintVerifier: try one rule on a few
 * leads ({@link io.github.leadrules.test.RuleVerifier#rule(String)}) or the whole pipeline on one
 * lead ({@link io.github.leadrules.test.RuleVerifier#pipeline()}), and read a failure that says
 * which lead, what was expected, what happened and which rules did fire. Add the artifact
 * {@code io.github.leadrules:lead-rules-test} with test scope; it brings JUnit Jupiter's API and
 * AssertJ with it.
 */
package io.github.leadrules.test;
