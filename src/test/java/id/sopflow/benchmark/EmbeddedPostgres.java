package id.sopflow.benchmark;

import id.sopflow.TestPostgres;

/**
 * The tests' embedded PostgreSQL ({@link TestPostgres}): one server in the benchmark's JVM, a new database per engine and
 * per application JVM, which connect to it by its URL (SOPflow with its Spring profile {@code postgres}). Tuned for
 * tests ({@code fsync=off}), like the H2 files, which do not fsync either.
 */
final class EmbeddedPostgres implements BenchmarkDatabase {

    private final TestPostgres server = TestPostgres.shared();

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public Location newDatabase(String purpose) {
        return new Location(server.url(server.newDatabase()), server.user(), server.password(), true);
    }
}
