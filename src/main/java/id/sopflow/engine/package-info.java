/**
 * The adapters to Camunda's internals ({@code org.camunda.bpm.engine.impl}) that SOPflow must touch, kept
 * in one place so that an engine upgrade is checked here: the engine's clock. Everything else in SOPflow
 * uses the engine's public API. Depends on no other SOPflow package.
 */
package id.sopflow.engine;
