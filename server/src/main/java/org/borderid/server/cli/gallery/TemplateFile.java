package org.borderid.server.cli.gallery;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.borderid.finger.FingerprintTemplate;

/**
 * A file of fingerprint templates, for bulk loading and for caching generated distractor sets: the magic
 * {@code "BIDT"}, a u16 version (1), then per template a u16 length and the template's bytes (the fingerprint template
 * format, which carries its own checksum). Appending more templates keeps the file valid, so a long generation can
 * resume; a record cut short at the end (an interrupted write) is ignored when reading.
 */
public final class TemplateFile {
    private static final int MAGIC = 0x42494454; // "BIDT"
    private static final int VERSION = 1;

    private TemplateFile() {}

    /** Number of complete templates in the file (0 if it does not exist). */
    public static long count(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long n = 0;
        try (DataInputStream in = open(file)) {
            while (true) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException e) {
                    return n;
                }
                if (in.readNBytes(length).length < length) {
                    return n;
                }
                n++;
            }
        }
    }

    /** Reads the templates in order; the iterator is lazy and must be closed (it holds the file open). */
    public static Reader read(Path file) throws IOException {
        return new Reader(open(file));
    }

    /** Appends templates (creating the file with its header if needed). */
    public static Writer append(Path file) throws IOException {
        boolean exists = Files.exists(file) && Files.size(file) > 0;
        if (exists) {
            open(file).close(); // checks the header
        }
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16));
        if (!exists) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
        }
        return new Writer(out);
    }

    private static DataInputStream open(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            if (in.readInt() != MAGIC || in.readUnsignedShort() != VERSION) {
                throw new IOException(file + " is not a BorderID template file (version " + VERSION + ")");
            }
        } catch (EOFException e) {
            in.close();
            throw new IOException(file + " is not a BorderID template file (too short)");
        }
        return in;
    }

    /** Lazily reads templates. */
    public static final class Reader implements Iterator<FingerprintTemplate>, AutoCloseable {
        private final DataInputStream in;
        private FingerprintTemplate next;

        private Reader(DataInputStream in) {
            this.in = in;
            advance();
        }

        private void advance() {
            try {
                int length = in.readUnsignedShort();
                byte[] bytes = in.readNBytes(length);
                next = bytes.length < length ? null : FingerprintTemplate.fromByteArray(bytes);
            } catch (EOFException e) {
                next = null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public FingerprintTemplate next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            FingerprintTemplate t = next;
            advance();
            return t;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Appends templates. */
    public static final class Writer implements AutoCloseable {
        private final DataOutputStream out;

        private Writer(DataOutputStream out) {
            this.out = out;
        }

        public void write(FingerprintTemplate template) throws IOException {
            byte[] bytes = template.toByteArray();
            out.writeShort(bytes.length);
            out.write(bytes);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
