package io.github.leadrules.cli;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.Relationship;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the CRM already knows, for the rules that need it: known accounts ({@code --accounts}, see
 * {@link AccountsFile}) for EXC-EXISTING-CUSTOMER, EXC-COMPETITOR by account,
 * RTE-EXISTING-CUSTOMER-TO-OWNER and RTE-KNOWN-ACCOUNT-OWNER; and recent leads
 * ({@code --recent-leads}, see {@link RecentLeadsFile}) for EXC-DUPLICATE. Without either, those
 * rules cannot fire.
 */
public final class AccountOptions {

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "Known accounts (CSV: account_id,name,domains,relationship,owner): existing customers go to their owner, "
                    + "competitors are excluded, known accounts with an owner go to that owner.")
    Path accounts;

    @Option(names = "--recent-leads", paramLabel = "FILE",
            description = "Leads that came in before (CSV with email and submitted_at columns, e.g. last month's export) "
                    + "for duplicate detection (EXC-DUPLICATE).")
    Path recentLeads;

    /**
     * What was loaded.
     *
     * @param directory   the directory the qualifier looks leads up in (empty when no file was given)
     * @param description one line for summaries, or null when no file was given
     */
    record Loaded(AccountDirectory directory, String description) {
    }

    /** Whether any file was given. */
    boolean given() {
        return accounts != null || recentLeads != null;
    }

    /** Reads the files; local times in the recent-leads file are read in {@code zone}. */
    Loaded load(ZoneId zone) throws IOException, UsageProblem {
        InMemoryAccountDirectory.Builder b = InMemoryAccountDirectory.builder();
        List<String> parts = new ArrayList<>();
        if (accounts != null) {
            List<Account> list = AccountsFile.load(accounts);
            b.addAll(list);
            parts.add("accounts " + accounts + " (" + describe(list) + ")");
        }
        if (recentLeads != null) {
            int n = RecentLeadsFile.load(recentLeads, zone, b);
            parts.add(String.format(Locale.ROOT, "recent leads %s (%,d leads)", recentLeads, n));
        }
        return new Loaded(b.build(), parts.isEmpty() ? null : String.join("; ", parts));
    }

    /** "24 accounts: 8 CUSTOMER, 4 COMPETITOR …", relationships in declaration order. */
    static String describe(List<Account> list) {
        Map<Relationship, Integer> counts = new EnumMap<>(Relationship.class);
        list.forEach(a -> counts.merge(a.relationship(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d accounts", list.size()));
        String sep = ": ";
        for (Map.Entry<Relationship, Integer> e : counts.entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        return sb.toString();
    }
}
