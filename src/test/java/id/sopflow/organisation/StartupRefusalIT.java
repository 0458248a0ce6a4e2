package id.sopflow.organisation;

import id.sopflow.SopflowApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application does not start with a broken organisation file or a default admin password, and stores nothing. */
class StartupRefusalIT {

    @TempDir
    Path dir;

    private final String database = "jdbc:h2:mem:refusal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    /** Starts the application with the test profile, on this test's database, with these command-line properties. */
    private ConfigurableApplicationContext start(String... properties) {
        String[] args = new String[properties.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--spring.datasource.url=" + database;
        for (int i = 0; i < properties.length; i++) {
            args[i + 2] = "--" + properties[i];
        }
        return new SpringApplicationBuilder(SopflowApplication.class).profiles("test").run(args);
    }

    private long storedUsers() throws SQLException {
        try (Connection c = DriverManager.getConnection(database, "sa", "");
             ResultSet tables = c.getMetaData().getTables(null, null, "ACT_ID_USER", null)) {
            if (!tables.next()) {
                return 0;
            }
            try (ResultSet count = c.createStatement().executeQuery("select count(*) from ACT_ID_USER")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    @Test
    void aValidConfigurationStartsAndStoresTheUsers() throws SQLException {
        // its own engine name: the static engine registry is shared with the other tests' "default" engine
        try (ConfigurableApplicationContext context = start("camunda.bpm.process-engine-name=penolakan")) {
            assertThat(context.isRunning()).isTrue();
        }
        assertThat(storedUsers()).as("the check below sees this test's database")
                .isEqualTo(6 * Organisation.read(Path.of("config/organisasi.yaml")).kecamatan().size() + 3);
    }

    @Test
    void aBrokenOrganisationFileStopsStartUpNamingFileAndLine() throws IOException, SQLException {
        String broken = Files.readString(Path.of("config/organisasi.yaml"))
                .replace("    peran: [pelaksana]\n    kantor: ajibarang", "    peran: [pelaksana]\n    kantor: ajibrang");
        Path file = dir.resolve("organisasi.yaml");
        Files.writeString(file, broken);
        // the line of the broken value (the file grows as kecamatan join it)
        int line = broken.substring(0, broken.indexOf("kantor: ajibrang")).split("\n", -1).length;

        assertThatThrownBy(() -> start("sopflow.organisasi.file=" + file))
                .rootCause()
                .hasMessageContaining("organisasi.yaml baris " + line + ", pengguna pelaksana.ajibarang, isian 'kantor': 'ajibrang' bukan kecamatan");
        assertThat(storedUsers()).isZero();
    }

    @Test
    void aDefaultAdminPasswordOutsideTheDemoProfileStopsStartUp() throws SQLException {
        assertThatThrownBy(() -> start("sopflow.organisasi.admin-password=admin"))
                .rootCause()
                .hasMessageContaining("kata sandi bawaan yang mudah ditebak");
        assertThatThrownBy(() -> start("sopflow.organisasi.admin-password="))
                .rootCause()
                .hasMessageContaining("SOPFLOW_ADMIN_PASSWORD");
        assertThat(storedUsers()).isZero();
    }
}
