package org.borderid.bench;

import java.nio.file.Path;

/**
 * Where the bench finds the shared datasets: {@code BORDERID_SHARED} (environment), else {@code -Dborderid.shared},
 * else {@code ../shared} next to the checkout ({@code -Dborderid.home}, set by the {@code ./borderid} launcher, or the
 * working directory, which is the checkout when the benchmarks jar runs from there).
 */
public final class BenchData {
    private BenchData() {}

    /** The shared-data root (it may not exist; callers report what is missing). */
    public static Path sharedRoot() {
        String env = System.getenv("BORDERID_SHARED");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        String property = System.getProperty("borderid.shared");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("borderid.home", ".")).resolve("..").resolve("shared").toAbsolutePath()
                .normalize();
    }

    /** {@code <shared>/data/fingerprints}: FVC databases are {@code fvc2002/DB1_B} etc. below it. */
    public static Path fingerprints() {
        return sharedRoot().resolve("data").resolve("fingerprints");
    }
}
