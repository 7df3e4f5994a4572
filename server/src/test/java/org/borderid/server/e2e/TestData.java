package org.borderid.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.borderid.testing.SharedData;

/** Shared-data files the end-to-end tests send (skipped where the data is absent, failed under CI=true). */
final class TestData {
    private TestData() {}

    /** An FVC2002 DB1 impression (500 dpi TIFF), e.g. finger 101 impression 1. */
    static byte[] fvc(int finger, int impression) {
        return read(SharedData.require("data/fingerprints/fvc2002/DB1_B/" + finger + "_" + impression + ".tif"));
    }

    /** The ISO/IEC 19794-2 record next to an FVC2002 DB1 impression. */
    static byte[] fvcIso(int finger, int impression) {
        return read(SharedData.require("data/fingerprints/fvc2002/DB1_B/" + finger + "_" + impression + ".iso"));
    }

    /** An LFW image, e.g. ("George_W_Bush", 1). */
    static byte[] lfw(String person, int number) {
        return read(SharedData.require(String.format("data/faces/lfw/images/%s/%s_%04d.jpg", person, person, number)));
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
