package id.sopflow.sopimport;

import id.sopflow.sop.SopCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports an SOP table from the command line:
 * {@code mvn -q compile exec:java@import -Dfile=wangon-dpa.docx -Dkecamatan=wangon -Dkode=dpa [-Dtimpa=true]}
 * ({@code -Dsop.dir=...} for another SOP folder than {@code config/sop}). Prints the draft's path and its report;
 * exits with 1 when nothing was imported, 0 when the draft was written (even with findings to finish).
 */
public final class ImportSop {

    private ImportSop() {
    }

    public static void main(String[] args) {
        String file = System.getProperty("file", "");
        String kecamatan = System.getProperty("kecamatan", "");
        String kode = System.getProperty("kode", "");
        boolean replace = Boolean.parseBoolean(System.getProperty("timpa", "false"));
        Path sopDir = Path.of(System.getProperty("sop.dir", "config/sop"));
        if (file.isBlank()) {
            System.err.println("Sebutkan berkasnya: mvn -q compile exec:java@import -Dfile=<tabel.docx|tabel.xlsx> "
                    + "-Dkecamatan=<folder> -Dkode=<kode> [-Dtimpa=true]");
            System.exit(1);
        }
        try {
            byte[] content = Files.readAllBytes(Path.of(file));
            SopImport.Draft draft = new SopImport(sopDir, SopCatalog.STANDARD_ROLES).importTable(file, content, kecamatan, kode, replace);
            System.out.print(SopImport.report(draft));
        } catch (ImportRefused e) {
            System.err.println("Tidak diimpor: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("Tidak diimpor: " + file + " tidak dapat dibaca (" + e.getMessage() + ")");
            System.exit(1);
        }
    }
}
