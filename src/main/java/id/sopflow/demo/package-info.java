/**
 * Demo data for the {@code demo} profile (the README's run command): a few SOP instances in both demo
 * kecamatan, started in the past on the engine's clock so that some steps are already late, some on
 * time, and the Sekcam has something to see. Runs once, on an empty database.
 */
package id.sopflow.demo;
