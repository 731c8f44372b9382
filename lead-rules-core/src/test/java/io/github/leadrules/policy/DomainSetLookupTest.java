package io.github.leadrules.policy;

import io.github.leadrules.internal.text.DomainLists;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filtered lookup of a large domain list answers exactly as asking the set for the domain and
 * each parent does, for the shipped lists as they are, with a host's additions and removals, and
 * for a large list of the host's own.
 */
class DomainSetLookupTest {

    private static final List<String> ODD = List.of("", " ", ".", "com", "mailinator.com.", " Mailinator.COM ",
            "x.mailinator.com", "a.b.c.mailinator.com", ".mailinator.com", "mailinator..com", "mailinator.com..",
            "メール.jp", "ｍａｉｌｉｎａｔｏｒ．ｃｏｍ", "sample.co.jp", "gmail.com", "mail.gmail.com", "yahoo.co.jp",
            "sub.yahoo.co.jp", "co.jp", "example.com", "a.example", "added.example", "x.added.example",
            "removed.example", "0-mail.com", "sub.0-mail.com");

    @Test
    void theShippedDisposableListAnswersAsTheSetDoesForMembersTheirSubdomainsAndStrangers() {
        Set<String> shipped = DomainLists.defaultDisposableDomains();
        DomainSet set = DomainSet.shipped(DomainSet.Shipped.disposable());
        int held = 0;
        for (String domain : probes(shipped)) {
            boolean expected = Checks.inDomainSet(set.values, domain);
            assertThat(set.holdsDomainOrParent(domain)).as(domain).isEqualTo(expected);
            held += expected ? 1 : 0;
        }
        assertThat(held).isGreaterThan(1_000);
        assertThat(set.holdsDomainOrParent(null)).isFalse();
    }

    @Test
    void additionsAndRemovalsCountAsTheSetCountsThem() {
        Set<String> shipped = DomainLists.defaultDisposableDomains();
        List<String> some = new ArrayList<>(shipped).subList(0, 50);
        Set<String> removed = new HashSet<>(some.subList(0, 25));
        removed.add("0-mail.com");
        removed.retainAll(shipped);
        DomainSet set = DomainSet.of(DomainSet.Shipped.disposable(), Set.of("added.example", "sample.co.jp"), removed);
        for (String domain : probes(shipped)) {
            assertThat(set.holdsDomainOrParent(domain)).as(domain).isEqualTo(Checks.inDomainSet(set.values, domain));
        }
        for (String r : removed) {
            assertThat(set.holdsDomainOrParent(r)).as(r).isEqualTo(Checks.inDomainSet(set.values, r));
        }
        assertThat(set.holdsDomainOrParent("x.added.example")).isTrue();
    }

    @Test
    void aLargeListOfTheHostsOwnIsFilteredToo() {
        Set<String> own = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            own.add("host" + i + ".example");
        }
        own.add("sample.co.jp");
        DomainSet set = DomainSet.of(DomainSet.Shipped.freeMail(), own);
        List<String> probes = new ArrayList<>(ODD);
        for (int i = 0; i < 40_000; i += 7) {
            probes.add("host" + i + ".example");
            probes.add("mail.host" + i + ".example");
            probes.add("Host" + i + ".Example.");
        }
        int held = 0;
        for (String domain : probes) {
            boolean expected = Checks.inDomainSet(set.values, domain);
            assertThat(set.holdsDomainOrParent(domain)).as(domain).isEqualTo(expected);
            held += expected ? 1 : 0;
        }
        assertThat(held).isGreaterThan(2_000);
    }

    private static List<String> probes(Set<String> shipped) {
        List<String> probes = new ArrayList<>(ODD);
        int i = 0;
        for (String d : shipped) {
            if (i++ % 40 != 0) {
                continue;
            }
            probes.add(d);
            probes.add("mail." + d);
            probes.add("a.b." + d);
            probes.add(d.toUpperCase(java.util.Locale.ROOT) + ".");
            probes.add("x" + d);
            probes.add(d.substring(d.indexOf('.') + 1));
        }
        return probes;
    }
}
