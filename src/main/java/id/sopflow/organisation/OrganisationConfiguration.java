package id.sopflow.organisation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The organisation (read once at start-up) and the login lock-out as beans. */
@Configuration
class OrganisationConfiguration {

    @Bean
    Organisation organisation(OrganisationProperties properties) {
        return Organisation.read(properties.file());
    }

    @Bean
    LoginAttempts loginAttempts(OrganisationProperties properties) {
        return new LoginAttempts(properties.maxFailedLogins(), properties.lockDuration(), Clock.systemUTC());
    }
}
