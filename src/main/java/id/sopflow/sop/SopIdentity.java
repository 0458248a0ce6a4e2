package id.sopflow.sop;

import java.util.List;

/**
 * The identity sheet of an SOP AP (Permenpan RB 35/2012), transcribed as printed.
 *
 * @param sumber where the sheet comes from when it is not the table's own kecamatan's (empty when it is):
 *               shown with the process, so nobody takes another office's sheet for this one's
 */
public record SopIdentity(
        String sumber,
        String nomor,
        String tanggalPembuatan,
        String tanggalRevisi,
        String tanggalEfektif,
        String disahkanOleh,
        List<String> dasarHukum,
        List<String> kualifikasiPelaksana,
        List<String> keterkaitan,
        List<String> peralatan,
        String peringatan,
        String pencatatan) {

    public SopIdentity {
        dasarHukum = List.copyOf(dasarHukum);
        kualifikasiPelaksana = List.copyOf(kualifikasiPelaksana);
        keterkaitan = List.copyOf(keterkaitan);
        peralatan = List.copyOf(peralatan);
    }
}
