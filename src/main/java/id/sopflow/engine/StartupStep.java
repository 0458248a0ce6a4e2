package id.sopflow.engine;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * One named step of SOPflow's start-up, run once the engine is built and before its job executor starts:
 * the organisation, the calendar, the SOP deployment, the schedules, in that order ({@link #order()}). Each
 * capability contributes its own as a bean; {@link StartupSteps} runs them and logs one line each.
 */
public interface StartupStep {

    /** The organisation (users, groups, kecamatan, authorizations). */
    int ORGANISATION = 1;
    /** The working calendar (office hours, holidays, zones). */
    int CALENDAR = 2;
    /** The SOP processes of {@code bpmn/}. */
    int SOP_DEPLOYMENT = 3;
    /** The schedules of recurring SOPs (their timers). */
    int SCHEDULES = 4;

    int order();

    /** The step's name in the log, in Bahasa Indonesia ("organisasi", "kalender", ...). */
    String name();

    /** Does the step; returns what it did, in one line for the log. A failure stops the start-up. */
    String run(ProcessEngine engine);
}
