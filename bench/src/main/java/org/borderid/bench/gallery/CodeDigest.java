package org.borderid.bench.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A short digest of the compiled classes under a package, used as a cache key: cached extraction results and
 * exhaustive-scan scores are reused only while the code that produced them is unchanged.
 */
final class CodeDigest {
    private CodeDigest() {}

    /** SHA-256 (first 12 hex digits) of every class file under {@code packagePath} next to {@code anchor}. */
    static String of(Class<?> anchor, String packagePath) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(location)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(location.resolve(packagePath))) {
                    files = new ArrayList<>(walk.filter(f -> f.toString().endsWith(".class")).toList());
                }
                Collections.sort(files);
                for (Path f : files) {
                    sha.update(location.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(f));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    List<JarEntry> entries = new ArrayList<>(jar.stream()
                            .filter(e -> e.getName().startsWith(packagePath) && e.getName().endsWith(".class"))
                            .toList());
                    entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                    for (JarEntry e : entries) {
                        sha.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        try (InputStream in = jar.getInputStream(e)) {
                            sha.update(in.readAllBytes());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the classes of " + packagePath + ": " + e, e);
        }
    }
}
