package io.github.leadrules.kafka.internal;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.RecentLeads;
import io.github.leadrules.assign.AssignmentRequest;
import io.github.leadrules.json.LeadReading;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.model.Qualification;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides each lead, keyed by its address, at the record's timestamp, with the rule set serving now,
 * the accounts snapshot and this partition's duplicate window (address → epoch milliseconds of its
 * latest lead). A punctuator on stream time drops addresses whose latest lead is older than the
 * retention. Leads routed to people go on, keyed by team, to have an owner assigned; the rest are
 * decided here.
 */
public final class QualifyLeads implements Processor<String, Envelope, String, Envelope> {

    private static final Logger LOG = LoggerFactory.getLogger(QualifyLeads.class);

    private final LeadRulesJson json;
    private final RuleSets ruleSets;
    private final AccountsSnapshot accounts;
    private final String duplicateStoreName;
    private final Duration minimumRetention;
    private final Duration purgeInterval;
    private final Duration startupWait;
    private ProcessorContext<String, Envelope> context;
    private KeyValueStore<String, Long> window;
    private RecentLeads recent;

    public QualifyLeads(LeadRulesJson json, RuleSets ruleSets, AccountsSnapshot accounts, String duplicateStoreName,
                        Duration minimumRetention, Duration purgeInterval, Duration startupWait) {
        this.json = json;
        this.ruleSets = ruleSets;
        this.accounts = accounts;
        this.duplicateStoreName = duplicateStoreName;
        this.minimumRetention = minimumRetention;
        this.purgeInterval = purgeInterval;
        this.startupWait = startupWait;
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.window = context.getStateStore(duplicateStoreName);
        this.recent = (email, at) -> {
            Long before = window.get(email);
            if (before == null || at.toEpochMilli() > before) {
                window.put(email, at.toEpochMilli());
            }
            return Optional.ofNullable(before).map(Instant::ofEpochMilli);
        };
        // Rule sets restored from the rule-sets topic before this task started must decide its first record.
        ruleSets.awaitPending(startupWait);
        context.schedule(purgeInterval, PunctuationType.STREAM_TIME, this::purge);
    }

    /** The window kept: the configured minimum, or the serving policy's duplicate window when longer. */
    Duration retention() {
        Duration policy = ruleSets.current().policy().exclusion().duplicateWindow();
        return policy.compareTo(minimumRetention) > 0 ? policy : minimumRetention;
    }

    private void purge(long streamTime) {
        long cutoff = streamTime - retention().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = window.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                if (kv.value != null && kv.value < cutoff) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(window::delete);
        if (!old.isEmpty()) {
            LOG.debug("Duplicate window: {} addresses older than the retention dropped", old.size());
        }
    }

    @Override
    public void process(Record<String, Envelope> record) {
        Envelope in = record.value();
        if (in == null || !in.is(Envelope.Kind.LEAD)) {
            return;
        }
        LeadQualifier qualifier = ruleSets.current();
        Bound bound = Bound.bind(recent, accounts.directory());
        Qualification q;
        AssignmentRequest request;
        try {
            LeadReading read = json.readLead(in.lead());
            q = qualifier.qualify(read.lead(), Instant.ofEpochMilli(record.timestamp()));
            request = bound.captured;
        } catch (RuntimeException e) {
            // The qualifier never throws for a lead's sake; this is the JSON or a store failing.
            String sentence = "qualifying failed with " + e.getClass().getSimpleName();
            context.forward(new Record<String, Envelope>(null,
                    Envelope.dead(in.lead(), DeadLetters.reason("QUALIFY_FAILED", sentence)),
                    record.timestamp(), DeadLetters.headers(record.headers(), "QUALIFY_FAILED", sentence,
                    context.recordMetadata())));
            return;
        } finally {
            bound.close();
        }
        byte[] decision = json.writeQualificationUtf8(q);
        if (request == null) {
            context.forward(record.withKey(q.leadId()).withValue(Envelope.decided(q.leadId(), decision)));
            return;
        }
        Account account = request.account().orElse(null);
        String team = q.route().team();
        String key = team != null && !team.isBlank() ? team : ReadLeads.BY_ID + q.leadId();
        context.forward(record.withKey(key).withValue(Envelope.assign(q.leadId(), decision, account,
                request.countryCode(), request.segment().name())));
    }
}
