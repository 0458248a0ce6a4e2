package id.sopflow.sop;

import java.util.List;

/** The identity sheet of an SOP AP (Permenpan RB 35/2012), transcribed as printed. */
public record SopIdentity(
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
