package org.borderid.gallery.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.borderid.gallery.GalleryIOException;
import org.borderid.gallery.GalleryLockedException;

/**
 * The gallery directory's single-writer lock: an OS file lock on {@value #FILE_NAME}, held while the gallery is open
 * for writing. The OS releases it when the process dies, so a crash never leaves a stale lock.
 */
public final class GalleryLock implements AutoCloseable {
    /** Lock file name inside the gallery directory. */
    public static final String FILE_NAME = "gallery.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private GalleryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock without waiting.
     *
     * @throws GalleryLockedException when another process or another gallery of this JVM holds it
     */
    public static GalleryLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new GalleryIOException("cannot open lock file " + file, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new GalleryLockedException(directory, null);
            }
            return new GalleryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new GalleryLockedException(directory, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new GalleryIOException("cannot lock " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // released anyway when the channel closes
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
