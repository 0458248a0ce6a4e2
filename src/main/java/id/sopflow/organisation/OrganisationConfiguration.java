package id.sopflow.organisation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.sopflow.calendar.KecamatanZones;
import id.sopflow.calendar.WorkingCalendar;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The organisation (read once at start-up), the login throttling and the caches of the login as beans. */
@Configuration
class OrganisationConfiguration {

    @Bean
    Organisation organisation(OrganisationProperties properties) {
        return Organisation.read(properties.file());
    }

    /** The time zone of each kecamatan for its working calendar. */
    @Bean
    KecamatanZones kecamatanZones(Organisation organisation) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        organisation.kecamatan().forEach(k -> zones.put(k.id(), WorkingCalendar.zoneOf(k.zona())));
        return () -> zones;
    }

    /**
     * Login throttling, on SOPflow's one clock (the engine's, so that tests move it with {@code ClockUtil}), with its
     * counters in the database that every node shares.
     */
    @Bean
    LoginAttempts loginAttempts(OrganisationProperties properties, Clock clock, DataSource dataSource) {
        return new LoginAttempts(properties.loginSettings(), clock, new JdbcLoginCounters(dataSource, properties.loginSettings()));
    }

    /** The passwords BCrypt accepted a moment ago (HTTP Basic sends one with every request). */
    @Bean
    VerifiedCredentials verifiedCredentials(OrganisationProperties properties, Clock clock) {
        return new VerifiedCredentials(properties.cacheDuration(), clock);
    }

    /** The token with which Prometheus reads the metrics; a too short one stops the start-up here. */
    @Bean
    ScrapeToken scrapeToken(OrganisationProperties properties) {
        return ScrapeToken.of(properties.metricsToken());
    }

    /** The groups and kecamatan of the users who made a request a moment ago. */
    @Bean
    Memberships memberships(OrganisationProperties properties, Clock clock) {
        return new Memberships(properties.cacheDuration(), clock);
    }
}
