package id.sopflow.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The engine refusing to hand over or complete a step because the instance is not ready for it: a document the
 * step requires is not in the dossier (see {@code dossier}). Thrown inside the engine's transaction, so nothing of
 * the refused command is stored. The message names the step and the document, for the person who tried.
 *
 * <p>A form validation failure to the engine (like {@link RefusedInput}), so that every client of the engine hears
 * the message: Camunda's own REST mapping (the web apps, Tasklist's "Selesaikan") answers 400 with it; SOPflow's
 * {@code /engine-rest} and {@code /api} answer 409 Conflict, since the request is well-formed and the instance's state
 * is what refuses it.
 */
public final class StepNotReady extends FormFieldValidationException {

    private static final long serialVersionUID = 1L;

    public StepNotReady(String message) {
        super(message, message);
    }
}
