/**
 * The staff web app: server-rendered pages in Bahasa Indonesia (Thymeleaf, htmx from its webjar, one stylesheet)
 * for the people of the mission: Beranda, Tugas Saya, the step page, Mulai proses, Proses berjalan and the instance
 * page, Terlambat and Pemberitahuan, Kepatuhan SOP and the record of movement ({@code compliance.Compliance}). The pages are thin adapters: what a user may see or do is decided by the engine
 * (the request runs as the user, see {@code organisation}), the dossier ({@code dossier.Dossier}) and monitoring
 * ({@code monitoring.Monitoring}); the pages only ask and show. Times in the kecamatan's zone in Indonesian form
 * ({@link id.sopflow.web.Formats}).
 *
 * <p>No entry point of its own: nothing depends on the web app.
 */
package id.sopflow.web;
