package id.sopflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * SOPflow: SOP AP kecamatan as BPMN processes on Camunda 7. Spring Boot's default in-memory user ("user" with
 * a password printed in the log) is switched off: every login is checked against Camunda's users.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SopflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(SopflowApplication.class, args);
    }
}
