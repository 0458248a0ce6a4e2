package id.sopflow.organisation;

import id.sopflow.yaml.InvalidFileException;

import java.util.List;

/**
 * An organisation file that cannot be used. Every problem names the file and the line, for example
 * {@code config/organisasi.yaml baris 57, pengguna camat.ajibarang, isian 'kantor': ...}.
 */
class OrganisationException extends InvalidFileException {

    private static final long serialVersionUID = 1L;

    OrganisationException(List<String> problems) {
        super("Berkas organisasi", problems);
    }
}
