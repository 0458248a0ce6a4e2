/**
 * The adapters to Camunda's internals ({@code org.camunda.bpm.engine.impl}) that SOPflow must touch, kept
 * in one place so that an engine upgrade is checked here: the engine's clock. Everything else in SOPflow
 * uses the engine's public API. Also the one adapter to H2's internals: the periodic compaction of the
 * embedded database file ({@code H2CompactionJob}), checked here on an H2 upgrade. Depends on no other
 * SOPflow package.
 */
package id.sopflow.engine;
