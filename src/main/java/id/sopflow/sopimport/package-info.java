/**
 * Import of an SOP document: the SOP AP table of a kecamatan as Word (.docx) or Excel (.xlsx) becomes a YAML draft
 * in the format of {@code config/sop}, with the validation report of the draft for the person who finishes it.
 *
 * <p>Plain Java over Apache POI: {@code OfficeTables} turns the file into grids of cell texts, {@code StepTable}
 * finds the table by its column titles (No, Aktivitas or Kegiatan, the role columns, Kelengkapan, Waktu, Output,
 * Keterangan) and reads its rows, {@code IdentitySheet} reads the identity sheet when there is one, {@code RoleNames}
 * maps a column title to a role of the organisation, and {@code DraftWriter} writes the draft with comments where a
 * person must decide. The report is the SOP validation itself ({@link id.sopflow.sop.SopCatalog#check}) run on the
 * draft, with what the reading could not decide.
 *
 * <p>Entry point: {@link id.sopflow.sopimport.SopImport}. Used by the command line ({@code ImportSop},
 * {@code mvn -q compile exec:java@import}) and the admin page of the web app ({@code /impor}).
 */
package id.sopflow.sopimport;
