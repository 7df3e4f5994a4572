package org.borderid.gallery.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Durability helpers. */
final class Fsync {
    private Fsync() {}

    /**
     * Flushes a directory's entries (new, renamed and deleted files) to disk. POSIX needs this for a created file to
     * survive a crash; on platforms that cannot open a directory (Windows) it is a no-op, as there renames are durable.
     */
    static void directory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
                throw e;
            }
        }
    }
}
