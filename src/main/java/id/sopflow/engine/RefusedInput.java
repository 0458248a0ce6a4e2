package id.sopflow.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import java.util.List;

/**
 * The engine refusing what a client sent to complete a task: Camunda's form validation exception, which its
 * REST API and the web apps answer with 400. Created and recognised here, so no capability names the
 * engine-internal class.
 */
public final class RefusedInput {

    private RefusedInput() {
    }

    public static RuntimeException of(List<String> problems, String message) {
        return new FormFieldValidationException(problems, message);
    }

    public static boolean is(Throwable exception) {
        return exception instanceof FormFieldValidationException;
    }
}
