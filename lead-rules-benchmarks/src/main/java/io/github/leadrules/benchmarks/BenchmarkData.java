package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Lead;

import java.util.List;

/**
 * The fixed inputs every benchmark shares: the first {@value #LEADS} leads of
 * {@link SampleLeads#standard()}, and factories for the library and the ceiling configured alike.
 */
public final class BenchmarkData {

    /** Leads in the benchmark set. */
    public static final int LEADS = 100_000;

    private BenchmarkData() {
    }

    /** The benchmark leads, generated afresh (about a second). */
    public static List<Lead> leads() {
        return List.copyOf(SampleLeads.standard().leads(LEADS));
    }

    /** The library with the packaged rules, the sample world's policy and accounts, and its clock. */
    public static LeadQualifier library() {
        return SampleLeads.standard().qualifierBuilder().build();
    }

    /** The ceiling for the same configuration as {@link #library()}. */
    public static PlainJavaQualifier ceiling(LeadQualifier library) {
        SampleLeads world = SampleLeads.standard();
        return new PlainJavaQualifier(world.policy(), world.accounts(), SampleLeads.CLOCK, library.fingerprint());
    }

    /**
     * Cycles through the leads in slices; each thread starts at its own offset so that two threads
     * do not qualify the same slice at the same time.
     */
    static final class Cursor {
        private final List<Lead> leads;
        private int next;

        Cursor(List<Lead> leads, int start) {
            this.leads = leads;
            this.next = Math.floorMod(start, leads.size());
        }

        List<Lead> slice(int size) {
            if (next + size > leads.size()) {
                next = 0;
            }
            List<Lead> slice = leads.subList(next, next + size);
            next += size;
            return slice;
        }

        Lead one() {
            if (next >= leads.size()) {
                next = 0;
            }
            return leads.get(next++);
        }
    }
}
