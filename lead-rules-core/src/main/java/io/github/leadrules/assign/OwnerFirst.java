package io.github.leadrules.assign;

import io.github.leadrules.model.Destination;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Team;

import java.util.Optional;

/** The account owner first; stateless. */
final class OwnerFirst implements AssignmentStrategy {

    static final OwnerFirst INSTANCE = new OwnerFirst();

    private OwnerFirst() {
    }

    @Override
    public Assignment assign(AssignmentRequest request) {
        Optional<String> owner = request.accountOwner();
        if (owner.isEmpty()) {
            return Assignment.undecided();
        }
        String accountId = request.account().map(a -> a.id()).orElse("?");
        boolean toOwner = request.route().destination() == Destination.ACCOUNT_OWNER;
        boolean inTeam = request.team().flatMap(t -> t.rep(owner.get())).isPresent();
        if (!toOwner && !inTeam) {
            return Assignment.undecided();
        }
        Optional<Rep> rep = request.policy().routing().rep(owner.get());
        if (rep.isPresent() && !rep.get().available()) {
            return Assignment.unassigned("ASSIGN-OWNER-UNAVAILABLE", "The owner of account " + accountId
                    + " is unavailable");
        }
        return Assignment.to(owner.get(), "ASSIGN-ACCOUNT-OWNER", toOwner
                ? "Owner of account " + accountId
                : "Owner of account " + accountId + ", a rep of team " + request.team().map(Team::name).orElse("?"));
    }

    @Override
    public String toString() {
        return "ownerFirst";
    }
}
