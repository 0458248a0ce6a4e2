/**
 * The dossier (berkas) of every SOP instance: the real documents its steps need (kelengkapan) and produce (output),
 * as versioned files. A document belongs to one instance and one visit of one step; it is never overwritten or
 * deleted: a new upload of the same kind is a new version, a withdrawal is a recorded act that keeps the bytes.
 *
 * <p>Entry point: {@link id.sopflow.dossier.Dossier}. The rules (file names, accepted content types, what a step
 * lacks) are plain Java; {@code DossierController} ({@code /api/instances/{id}/dokumen}), {@code RequiredDocuments}
 * (the engine listener that refuses a step without its documents) and {@code DocumentRecords} (JDBC) are adapters.
 * The bytes go through the {@code DocumentStore} port (in the database by default). Who may read or upload is asked
 * of the engine, as the caller: whoever may not read the instance gets 404.
 */
package id.sopflow.dossier;
