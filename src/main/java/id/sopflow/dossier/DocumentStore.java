package id.sopflow.dossier;

import java.io.InputStream;

/**
 * Where the bytes of documents are kept: the port behind which the database (default, {@link DatabaseDocumentStore}),
 * a file system or an S3-compatible store sit. The dossier's metadata always lives in the database.
 *
 * <p>A store that takes part in the caller's transaction (the database) makes a document and the step that required
 * it commit together. A store that does not (files, S3) must write the bytes before the metadata commits, under a
 * reference never reused, so that a crash leaves at worst unreferenced bytes, never metadata without its bytes.
 */
interface DocumentStore {

    /** Keeps {@code size} bytes read from {@code content} under a new reference and returns it. */
    String put(InputStream content, long size);

    /** The bytes kept under {@code reference}. */
    byte[] read(String reference);
}
