package id.sopflow.organisation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The groups (roles) and tenants (kecamatan) of each user, which every request of a logged-in user hands to the engine:
 * read from the identity service once and kept for {@code lifetime} ({@code sopflow.organisasi.cache-duration}, 5
 * minutes; zero: read on every request), per user id, so that the requests of one session, and those of one HTTP
 * Basic client, make no identity query. Forgotten at once on this node when the identity service changes a
 * membership, a group, a tenant or a user ({@link OrganisationIdentityService}) and when the organisation is loaded
 * at start-up ({@link IdentitySync}); a change made through another node of a cluster reaches this one within the
 * lifetime. Plain Java, thread-safe.
 */
final class Memberships {

    /** A user's group ids and tenant ids. */
    record Of(List<String> groups, List<String> tenants) {
        Of {
            groups = List.copyOf(groups);
            tenants = List.copyOf(tenants);
        }
    }

    private record Entry(Of memberships, Instant until) {
    }

    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Entry> byUser = new ConcurrentHashMap<>();
    /** Counts the forgettings, so that a read that overlapped one does not store what it read. */
    private long generation;

    Memberships(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The user's memberships, from here while they last, otherwise from {@code read} (then kept). */
    Of of(String userId, Function<String, Of> read) {
        Instant now = clock.instant();
        Entry entry = byUser.get(userId);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.memberships();
        }
        long before;
        synchronized (this) {
            before = generation;
        }
        Of memberships = read.apply(userId);
        synchronized (this) {
            if (!lifetime.isZero() && generation == before) {
                byUser.put(userId, new Entry(memberships, now.plus(lifetime)));
            }
        }
        return memberships;
    }

    /** The user's memberships, from here while they last, otherwise from the identity service (then kept). */
    Of of(String userId, IdentityService identity) {
        return of(userId, id -> new Of(identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(id).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList()));
    }

    /** Forgets every user's memberships (anything in the identity service changed). */
    synchronized void forgetAll() {
        generation++;
        byUser.clear();
    }
}
