package org.borderid.server.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Small files written so that a crash leaves either the old or the new content, never a torn file. */
public final class DurableFiles {
    private DurableFiles() {}

    /**
     * Writes {@code bytes} to a sibling temporary file, fsyncs it, renames it over {@code file} atomically and
     * fsyncs the directory.
     *
     * @param ownerOnly whether the file is readable by its owner only (private keys, key hashes) where the file
     *                  system supports POSIX permissions
     */
    public static void writeAtomically(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        if (ownerOnly) {
            restrictToOwner(tmp);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    /** fsyncs a directory so that files created or renamed in it survive a crash (no-op where unsupported). */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; there a flushed file's rename is durable on its own.
        }
    }

    /** rw------- where POSIX permissions exist. */
    public static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: rely on the folder's access control.
        }
    }
}
