/**
 * SOP compliance (issue 14): whether an SOP runs as written, on the Monitoring Pelaksanaan SOP AP form of Permenpan RB
 * 35/2012, and the record of how each instance's work and documents moved (its Pencatatan dan Pendataan).
 *
 * <p>This package owns:
 * <ul>
 *   <li>the compliance report of an SOP in a kecamatan and a semester ({@link id.sopflow.compliance.ComplianceReport},
 *       plain Java): per step how often it ran, its median and worst working time against its mutu baku, its share on
 *       time, how often it sent the work back, and the assessment "berjalan dengan baik" / "tidak berjalan dengan baik"
 *       by the threshold {@code sopflow.pemantauan.kepatuhan.ambang-tepat-waktu};</li>
 *   <li>the Sekcam's catatan, tindakan and paraf of each report, and its figures frozen at the paraf (table
 *       {@code SOPFLOW_PENILAIAN_SOP}, Flyway V6);</li>
 *   <li>the record of movement of an instance ({@link id.sopflow.compliance.Movement}, plain Java).</li>
 * </ul>
 *
 * <p>Entry point: {@link id.sopflow.compliance.Compliance} (who may read and edit is decided there). It reads Camunda's
 * history (each visit with the deadline its timer stored and the deployed definition it ran in, Bappeda's own step
 * from Bappeda's step processes), the SOP catalog, the calendar and the dossier; the web pages ({@code web.CompliancePages}) call it; nothing
 * else depends on it.
 */
package id.sopflow.compliance;
