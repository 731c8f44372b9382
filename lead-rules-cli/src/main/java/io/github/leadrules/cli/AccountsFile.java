package io.github.leadrules.cli;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.DomainName;
import io.github.leadrules.account.Relationship;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The accounts file of {@code --accounts}: the organisations the CRM already knows, one per row.
 *
 * <pre>
 * account_id,name,domains,relationship,owner
 * A-001,サンプル工業株式会社,sample-kogyo.example;sample-kogyo.co.example,CUSTOMER,suzuki
 * A-002,Globex Corporation,globex.example,OPEN_OPPORTUNITY,emily.clark
 * A-003,ライバルリード株式会社,rival-leads.example,COMPETITOR,
 * </pre>
 *
 * <p>{@code account_id} is required and unique. {@code name} is matched after removing legal forms
 * (株式会社, Inc. …); {@code domains} are e-mail and web domains separated by {@code ;}, each also
 * matching its subdomains, and a domain belongs to one account only; at least one of the two must
 * be given. {@code relationship} is one of {@link Relationship}'s names (case, spaces and hyphens
 * ignored) or 既存顧客, 競合, 商談中, 見込み客, パートナー. {@code owner} (the account owner's id or
 * name) may be blank.
 */
final class AccountsFile {

    /** The documented columns. */
    static final List<String> COLUMNS = List.of("account_id", "name", "domains", "relationship", "owner");

    private static final Map<String, Relationship> JAPANESE = Map.of(
            "既存顧客", Relationship.CUSTOMER, "顧客", Relationship.CUSTOMER, "競合", Relationship.COMPETITOR,
            "商談中", Relationship.OPEN_OPPORTUNITY, "見込み客", Relationship.PROSPECT, "見込み", Relationship.PROSPECT,
            "パートナー", Relationship.PARTNER, "販売代理店", Relationship.PARTNER);

    private AccountsFile() {
    }

    /** Reads the file; every bad row is reported, with its line and column (never a cell's value), in one {@link UsageProblem}. */
    static List<Account> load(Path file) throws IOException, UsageProblem {
        CsvDataFile data = CsvDataFile.read(file, "accounts file", COLUMNS);
        List<Account> accounts = new ArrayList<>();
        Map<String, Long> idLines = new HashMap<>();
        Map<String, String> domainOwners = new HashMap<>();
        Map<String, Long> domainLines = new HashMap<>();
        for (CsvDataFile.Row row : data.rows()) {
            int before = data.problemCount();
            String id = row.cell("account_id");
            if (id.isEmpty()) {
                data.problem(row, "account_id", "blank; every account needs an id");
            } else if (idLines.containsKey(id)) {
                data.problem(row, "account_id", "the same id as on line " + idLines.get(id));
            } else {
                idLines.put(id, row.line());
            }
            String name = row.cell("name");
            Set<String> domains = new LinkedHashSet<>();
            String[] entries = row.cell("domains").split(";");
            for (int i = 0; i < entries.length; i++) {
                if (entries[i].isBlank()) {
                    continue;
                }
                String d = entries[i].contains("@") ? null : DomainName.key(entries[i]).orElse(null);
                if (d == null) {
                    data.problem(row, "domains", "entry " + (i + 1)
                            + " is not a domain; write sample.co.jp, without https://, a path or a name before @");
                } else if (domainOwners.containsKey(d) && !domainOwners.get(d).equals(id)) {
                    data.problem(row, "domains", "entry " + (i + 1) + " is already a domain of the account on line "
                            + domainLines.get(d));
                } else {
                    domains.add(d);
                    domainOwners.put(d, id);
                    domainLines.putIfAbsent(d, row.line());
                }
            }
            if (name.isEmpty() && row.cell("domains").replace(";", "").isBlank()) {
                data.problem(row, "name", "blank, and so are the domains; no lead could match the account");
            }
            Relationship relationship = relationship(row.cell("relationship"));
            if (relationship == null) {
                String cell = row.cell("relationship");
                data.problem(row, "relationship", (cell.isEmpty() ? "blank" : "unknown value")
                        + "; expected one of " + String.join(", ", Arrays.stream(Relationship.values()).map(Enum::name).toList()));
            }
            if (data.problemCount() == before) {
                String owner = row.cell("owner");
                accounts.add(new Account(id, name.isEmpty() ? null : name, domains, relationship, owner.isEmpty() ? null : owner));
            }
        }
        data.finish();
        return accounts;
    }

    /** A relationship cell: an enum name (case, spaces and hyphens ignored) or a Japanese word; null when unknown. */
    static Relationship relationship(String cell) {
        String s = Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
        Relationship jp = JAPANESE.get(s);
        if (jp != null) {
            return jp;
        }
        String key = s.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Relationship r : Relationship.values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        return null;
    }

}
