package id.sopflow.benchmark;

import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * H2 in file mode, the application's embedded default, with the flags of its URL in {@code application.yaml}
 * ({@code WRITE_DELAY=0}: every commit in the file before it returns): one directory per database under
 * {@code target/benchmark/h2/}, emptied at the start.
 */
final class H2Files implements BenchmarkDatabase {

    private static final Path ROOT = Path.of("target", "benchmark", "h2").toAbsolutePath();

    private final String flags = productionUrlFlags();
    private final AtomicInteger counter = new AtomicInteger();

    H2Files() {
        try {
            FileSystemUtils.deleteRecursively(ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "H2 file";
    }

    @Override
    public Location newDatabase(String purpose) {
        Path file = ROOT.resolve(counter.incrementAndGet() + "-" + purpose).resolve("sopflow");
        return new Location("jdbc:h2:file:" + file + flags, "sa", "", false);
    }

    /** The flags of the production URL, e.g. {@code ;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0}. */
    @SuppressWarnings("unchecked")
    private static String productionUrlFlags() {
        try (InputStream in = H2Files.class.getResourceAsStream("/application.yaml")) {
            Map<String, Object> spring = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("spring");
            String url = (String) ((Map<String, Object>) spring.get("datasource")).get("url");
            return url.contains(";") ? url.substring(url.indexOf(';')) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
