package org.borderid.server.service;

import org.borderid.finger.FingerprintImage;
import org.borderid.image.GrayImage;

/**
 * Runs the fingerprint pipeline a few times at start-up, before the server reports ready, so that the first kiosk
 * does not pay for class loading, native initialisation and JIT compilation (measured: the first extraction of a
 * process takes about ten times as long as the steady state).
 */
public final class Warmup {
    /** Extractions run; enough for the hot loops to be compiled at C2's default thresholds. */
    static final int ROUNDS = 3;
    /** Side of the synthetic image, pixels at 500 dpi (a small plain impression). */
    static final int SIDE = 320;
    /** Ridge period of the synthetic whorl, pixels (the typical 9 px at 500 dpi). */
    static final double RIDGE_PERIOD = 9;

    private Warmup() {}

    /** Extracts a synthetic whorl {@link #ROUNDS} times; returns the elapsed milliseconds. */
    public static long fingerprints(FingerReader reader) {
        long start = System.nanoTime();
        byte[] pixels = new byte[SIDE * SIDE];
        double c = SIDE / 2.0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double r = Math.hypot(x - c, (y - c) * 1.3);
                double v = r > SIDE * 0.42 ? 255 : 128 + 100 * Math.sin(2 * Math.PI * r / RIDGE_PERIOD);
                pixels[y * SIDE + x] = (byte) Math.max(0, Math.min(255, (int) v));
            }
        }
        FingerprintImage image = FingerprintImage.of(new GrayImage(SIDE, SIDE, pixels), FingerprintImage.DEFAULT_DPI);
        for (int i = 0; i < ROUNDS; i++) {
            reader.extractForWarmup(image);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
