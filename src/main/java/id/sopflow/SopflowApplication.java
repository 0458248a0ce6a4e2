package id.sopflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** SOPflow: SOP AP kecamatan as BPMN processes on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SopflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(SopflowApplication.class, args);
    }
}
