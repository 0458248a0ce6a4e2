/**
 * Bappeda receives what the kecamatan send it (issue 11). A sending step ({@code kirimKe: bappeda}) throws its signed
 * document and cover letter as a BPMN message to Bappeda's inbox process ({@code penerimaan-dokumen-bappeda}); the
 * kecamatan's instance waits. Bappeda receives it with a tanda terima (a number from a per-year sequence), which ends the
 * kecamatan's wait, or returns it with a note, which sends the kecamatan back to its revision step; the corrected document
 * comes back as a new version of the same submission.
 *
 * <p>Owns: the submissions and their versions ({@code SOPFLOW_KIRIMAN*}, {@link SubmissionRecords}), the two engine
 * delegates ({@link SubmissionDelegate} {@code kirimanBappeda}, {@link AnswerDelegate} {@code jawabanBappeda}), the
 * kabupaten overview ({@link Overview}, plain Java), {@code /api/kiriman} and {@code /api/ikhtisar}. The entry is
 * {@link Submissions}.
 *
 * <p>Who sees what: Bappeda belongs to no kecamatan tenant, so the engine shows it no kecamatan instance, task, history or
 * dossier; what it reads of a kecamatan is what was sent to it (the submission and its documents, read here on that
 * ground) and the state of each kecamatan's SOPs in the overview. A kecamatan reads its own submissions.
 */
package id.sopflow.bappeda;
