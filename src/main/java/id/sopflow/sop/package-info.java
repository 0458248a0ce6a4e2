/**
 * SOP sources and their processes: reads and validates the SOP tables kept as YAML under
 * {@code config/sop/<kecamatan>/<kode>.yaml}, turns each into an executable BPMN process
 * (one user task per step, a lane per role, review gateways, mutu baku as extension properties)
 * and deploys the generated files of {@code bpmn/} when the engine starts.
 *
 * <p>Entry point: {@link id.sopflow.sop.SopCatalog}. Reading, validation and generation are plain
 * Java; {@code SopDeployment} is the only adapter to Spring and the engine.
 */
package id.sopflow.sop;
