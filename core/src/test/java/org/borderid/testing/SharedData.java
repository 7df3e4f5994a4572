package org.borderid.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared datasets and models ({@code ../shared}) for tests.
 *
 * <p>The root is {@code BORDERID_SHARED} (environment) or {@code -Dborderid.shared}, else {@code ../shared} next to the
 * repository root. A test that needs a file calls {@link #require(String)}: where the data is absent the test is
 * skipped with a message naming the missing path, except when {@code CI=true}, where absence is a failure (CI always
 * has the data, so a silent skip there would hide a broken test).
 */
public final class SharedData {
    private SharedData() {}

    /** The shared-data root if it exists. */
    public static Optional<Path> root() {
        String configured = System.getenv("BORDERID_SHARED");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("borderid.shared");
        }
        Path root;
        if (configured != null && !configured.isBlank()) {
            root = Path.of(configured);
        } else {
            root = repositoryRoot().resolve("..").resolve("shared");
        }
        root = root.toAbsolutePath().normalize();
        return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
    }

    /**
     * Returns {@code root/relative}, or skips the calling test (fails it when {@code CI=true}) if it does not exist.
     */
    public static Path require(String relative) {
        Optional<Path> root = root();
        Path path = root.map(r -> r.resolve(relative)).orElse(null);
        if (path != null && Files.exists(path)) {
            return path;
        }
        String message = "shared test data missing: " + (path != null ? path : "<BORDERID_SHARED>/" + relative)
                + " (set BORDERID_SHARED to the folder described in ../shared/README.md)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " -- CI=true, so missing data is a failure, not a skip");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** The repository root: {@code BORDERID_REPO_ROOT} (set by the build), else the first parent holding mvnw. */
    public static Path repositoryRoot() {
        String env = System.getenv("BORDERID_REPO_ROOT");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return dir;
    }
}
