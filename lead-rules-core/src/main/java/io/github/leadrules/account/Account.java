package io.github.leadrules.account;

import java.util.Objects;
import java.util.Set;

/**
 * A known organisation in the host's CRM.
 *
 * @param id           the host's account id
 * @param name         the account name as written (株式会社サンプル, Acme Co., Ltd.)
 * @param domains      e-mail and web domains of the account
 * @param relationship what the account is to the host
 * @param owner        the account owner (a sales rep's id or name), or null
 */
public record Account(String id, String name, Set<String> domains, Relationship relationship, String owner) {
    /**
     * Requires an id and a relationship; copies the domains (none when null).
     *
     * @param id the host's account id
     * @param name the account name as written (株式会社サンプル, Acme Co., Ltd.)
     * @param domains e-mail and web domains of the account
     * @param relationship what the account is to the host
     * @param owner the account owner (a sales rep's id or name), or null
     */
    public Account {
        Objects.requireNonNull(id, "account id");
        Objects.requireNonNull(relationship, "account relationship");
        domains = domains == null ? Set.of() : Set.copyOf(domains);
    }

    /** {@return whether the account has an owner} */
    public boolean hasOwner() {
        return owner != null && !owner.isBlank();
    }

    /** {@return whether the account is a paying customer} */
    public boolean isCustomer() {
        return relationship == Relationship.CUSTOMER;
    }

    /** {@return whether the account is a competitor} */
    public boolean isCompetitor() {
        return relationship == Relationship.COMPETITOR;
    }
}
