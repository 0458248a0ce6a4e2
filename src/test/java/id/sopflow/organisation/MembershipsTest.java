package id.sopflow.organisation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, Memberships.Of> read = userId -> {
        reads.incrementAndGet();
        return new Memberships.Of(List.of("camat"), List.of("ajibarang"));
    };

    @Test
    void aUserIsReadOnceForFiveMinutes() {
        Memberships memberships = new Memberships(Duration.ofMinutes(5), clock);

        memberships.of("camat.ajibarang", read);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(memberships.of("camat.ajibarang", read).tenants()).containsExactly("ajibarang");
        assertThat(reads).hasValue(1);

        clock.advance(Duration.ofMillis(1));
        memberships.of("camat.ajibarang", read);
        memberships.of("sekcam.ajibarang", read);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aChangeForgetsEveryone() {
        Memberships memberships = new Memberships(Duration.ofMinutes(5), clock);
        memberships.of("camat.ajibarang", read);

        memberships.forgetAll();

        memberships.of("camat.ajibarang", read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void whatWasReadWhileAChangeHappenedIsNotKept() {
        Memberships memberships = new Memberships(Duration.ofMinutes(5), clock);
        memberships.of("camat.ajibarang", userId -> {
            memberships.forgetAll(); // the change lands while the old memberships are being read
            return read.apply(userId);
        });

        memberships.of("camat.ajibarang", read);

        assertThat(reads).as("read again after the change").hasValue(2);
    }

    @Test
    void zeroKeepsNothing() {
        Memberships memberships = new Memberships(Duration.ZERO, clock);
        memberships.of("camat.ajibarang", read);
        memberships.of("camat.ajibarang", read);
        assertThat(reads).hasValue(2);
    }
}
