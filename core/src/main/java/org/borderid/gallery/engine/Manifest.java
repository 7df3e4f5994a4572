package org.borderid.gallery.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.borderid.gallery.FaceVectorEncoding;
import org.borderid.gallery.GalleryCorruptedException;
import org.borderid.gallery.GalleryIOException;
import org.borderid.gallery.GalleryVersionException;

/**
 * The gallery's manifest: format version and index schema, read before anything else so that a gallery from a newer
 * version is refused before Lucene or the journal touch it. File {@value #FILE_NAME}, big-endian:
 *
 * <pre>
 * offset size field
 *      0    4 magic "BIDG" (0x42 0x49 0x44 0x47)
 *      4    2 format version; every version keeps magic and version here and ends with the CRC footer
 *      6    2 face embedding dimension, 1..1024
 *      8    1 face vector encoding: 0 float32, 1 int8
 *      9    1 minutiae hash scheme id ({@link CylinderHashes#SCHEME})
 *     10    8 creation time, milliseconds since the epoch
 *     18    4 CRC-32C of bytes [0, 18)
 * </pre>
 *
 * Written once, when the gallery is created, through a temporary file, fsync, atomic rename and a directory fsync.
 *
 * @param version        gallery format version
 * @param faceDimension  embedding dimension
 * @param faceEncoding   graph vector encoding
 * @param hashScheme     minutiae hash scheme the index terms were made with
 * @param createdMillis  creation time
 */
public record Manifest(int version, int faceDimension, FaceVectorEncoding faceEncoding, int hashScheme,
                       long createdMillis) {
    /** File name inside the gallery directory. */
    public static final String FILE_NAME = "gallery.manifest";
    /**
     * Gallery format version this code writes and the newest it reads. Version 1: Lucene 10.6 index (codec
     * Lucene104), journal format 1, record format 1, minutiae hash scheme 1.
     */
    public static final int CURRENT_VERSION = 1;
    /** Oldest gallery format version this code reads (read-only when older than {@link #CURRENT_VERSION}). */
    public static final int OLDEST_READABLE_VERSION = 1;

    private static final int MAGIC = 0x42494447; // "BIDG"
    private static final int LENGTH = 22;

    /** A manifest of the current version for a new gallery. */
    public static Manifest create(int faceDimension, FaceVectorEncoding faceEncoding) {
        return new Manifest(CURRENT_VERSION, faceDimension, faceEncoding, CylinderHashes.SCHEME,
                System.currentTimeMillis());
    }

    /** Whether a manifest file exists in the directory. */
    public static boolean existsIn(Path directory) {
        return Files.isRegularFile(directory.resolve(FILE_NAME));
    }

    /**
     * Reads and checks the manifest.
     *
     * @throws GalleryVersionException   for a newer (or older than readable) format version
     * @throws GalleryCorruptedException for a file that is not a manifest, truncated or altered
     * @throws GalleryIOException        when it cannot be read
     */
    public static Manifest read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new GalleryCorruptedException("gallery manifest " + file + " is missing");
        } catch (IOException e) {
            throw new GalleryIOException("cannot read " + file, e);
        }
        if (bytes.length < 6 || ByteBuffer.wrap(bytes).getInt() != MAGIC) {
            throw new GalleryCorruptedException(file + " is not a BorderID gallery manifest");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.getInt();
        int version = Short.toUnsignedInt(in.getShort());
        if (version > CURRENT_VERSION || version < OLDEST_READABLE_VERSION) {
            throw new GalleryVersionException("gallery " + directory + " has format version " + version
                    + "; this software reads versions " + OLDEST_READABLE_VERSION + ".." + CURRENT_VERSION
                    + (version > CURRENT_VERSION ? " (written by a newer BorderID: upgrade to open it)" : ""),
                    version, CURRENT_VERSION);
        }
        if (bytes.length != LENGTH) {
            throw new GalleryCorruptedException("gallery manifest " + file + " has " + bytes.length
                    + " bytes, expected " + LENGTH);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, LENGTH - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, LENGTH - 4, 4).getInt()) {
            throw new GalleryCorruptedException("gallery manifest " + file + " fails its checksum");
        }
        int dimension = Short.toUnsignedInt(in.getShort());
        int encoding = in.get();
        int scheme = in.get();
        long created = in.getLong();
        if (dimension < 1 || dimension > 1024 || encoding < 0 || encoding >= FaceVectorEncoding.values().length) {
            throw new GalleryCorruptedException("gallery manifest " + file + " has impossible values");
        }
        return new Manifest(version, dimension, FaceVectorEncoding.values()[encoding], scheme, created);
    }

    /** Writes the manifest atomically and durably. */
    public void write(Path directory) {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        out.putInt(MAGIC);
        out.putShort((short) version);
        out.putShort((short) faceDimension);
        out.put((byte) faceEncoding.ordinal());
        out.put((byte) hashScheme);
        out.putLong(createdMillis);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, LENGTH - 4);
        out.putInt((int) crc.getValue());
        Path target = directory.resolve(FILE_NAME);
        Path temporary = directory.resolve(FILE_NAME + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                out.flip();
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Fsync.directory(directory);
        } catch (IOException e) {
            throw new GalleryIOException("cannot write " + target, e);
        }
    }
}
