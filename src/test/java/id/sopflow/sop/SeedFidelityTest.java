package id.sopflow.sop;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six reference SOPs (and Ajibarang's own Renstra) against the seed tables (shared/seeds 000 and 003): step count, the acting
 * role of every step (read from the sentence where the table lost its symbols) and the review steps
 * with the step the work returns to. The expectations are written out here, independently of the YAML.
 */
class SeedFidelityTest {

    private static final SopCatalog CATALOG = SopCatalog.load(Path.of("config/sop"), SopCatalog.STANDARD_ROLES);
    private static final Map<Character, String> ROLE = Map.of(
            'P', "pelaksana", 'K', "kasubbag", 'S', "sekcam", 'C', "camat", 'B', "bappeda", 'A', "pengadministrasi",
            'T', "tim");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "renja     | arut-selatan | 12 | PPPPPKPPKSCP     | 9>7 10>7 11>7",
            "renstra   | arut-selatan | 16 | PPPPPKPPKSCPBPCP | 9>7 10>7 11>7 15>14",
            "lakip     | arut-selatan | 12 | PPPPPKPPKSCP     | 9>7 10>7 11>7",
            "rfk-teppa | arut-selatan | 12 | PPPPPKPPKSCP     | 9>7 10>7 11>7",
            "rup       | arut-selatan | 11 | PPPPKPPKSCP      | 8>6 9>6 10>6",
            "dpa       | ajibarang    | 6  | CSKSCA           | 4>3 5>3",
            "renstra   | ajibarang    | 7  | CSTTSCA          | 5>4 6>4"})
    void matchesTheSeedTable(String kode, String folder, int steps, String roles, String reviews) {
        SopDefinition sop = CATALOG.get(kode, folder);
        assertThat(sop.folder()).isEqualTo(folder);
        assertThat(sop.steps()).hasSize(steps);
        for (int i = 0; i < steps; i++) {
            assertThat(sop.steps().get(i).roleId()).as("%s langkah %d", kode, i + 1).isEqualTo(ROLE.get(roles.charAt(i)));
        }
        String actualReviews = sop.steps().stream().filter(SopStep::isReview)
                .map(s -> s.number() + ">" + s.returnTo().getAsInt()).collect(Collectors.joining(" "));
        assertThat(actualReviews).isEqualTo(reviews);
        assertThat(sop.warnings()).as("every step of the six SOPs has a waktu").isEmpty();
        assertThat(sop.steps()).allSatisfy(s -> assertThat(s.waktu()).as("langkah %d", s.number()).isPresent());
    }
}
