package id.sopflow.dossier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.UUID;

/**
 * Documents' bytes in the database ({@code SOPFLOW_DOKUMEN_ISI}: BLOB on H2, BYTEA on PostgreSQL), written in the
 * caller's transaction: an upload's bytes and metadata commit together. A document is read whole (at most the upload
 * limit, 20 MB by default).
 */
@Component
class DatabaseDocumentStore implements DocumentStore {

    private final JdbcTemplate jdbc;

    DatabaseDocumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String put(InputStream content, long size) {
        String reference = UUID.randomUUID().toString();
        jdbc.update("insert into SOPFLOW_DOKUMEN_ISI (id, isi) values (?, ?)", ps -> {
            ps.setString(1, reference);
            ps.setBinaryStream(2, content, size);
        });
        return reference;
    }

    @Override
    public byte[] read(String reference) {
        return jdbc.queryForObject("select isi from SOPFLOW_DOKUMEN_ISI where id = ?", (rs, row) -> rs.getBytes(1), reference);
    }
}
