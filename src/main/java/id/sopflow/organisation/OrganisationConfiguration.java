package id.sopflow.organisation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.sopflow.calendar.KecamatanZones;
import id.sopflow.calendar.WorkingCalendar;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The organisation (read once at start-up) and the login throttling as beans. */
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

    /** Login throttling; its clock is the system's unless the context has a {@link Clock} bean (the tests' movable one). */
    @Bean
    LoginAttempts loginAttempts(OrganisationProperties properties, ObjectProvider<Clock> clock) {
        return new LoginAttempts(properties.loginSettings(), clock.getIfAvailable(Clock::systemUTC));
    }
}
