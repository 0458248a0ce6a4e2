package id.sopflow.sop;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The step-local {@value ProcessContract#STEP_DEADLINES} read back, in both forms the timers have stored. */
class StoredDeadlinesTest {

    @Test
    void bothStoredFormsGiveTheLimit() {
        StoredDeadlines d = new StoredDeadlines(Instant.ofEpochMilli(1763953200000L), Optional.empty(), Instant.ofEpochMilli(1763953500000L),
                Instant.ofEpochMilli(1763953800000L));
        assertThat(d.format()).isEqualTo("1763953200000;;1763953500000;1763953800000");
        assertThat(StoredDeadlines.parse(d.format())).isEqualTo(d);
        assertThat(StoredDeadlines.dueOf("mulai=2025-11-24T03:00:00Z;batas=2025-11-24T03:05:00Z;eskalasi=2025-11-24T03:10:00Z"))
                .contains(Instant.parse("2025-11-24T03:05:00Z"));
        assertThat(StoredDeadlines.dueOf("rusak")).isEmpty();
        assertThat(StoredDeadlines.dueOf(null)).isEmpty();
    }
}
