package org.borderid.server.config;

import org.borderid.image.ImageLimits;

/**
 * Resource limits of the server. Every request is bounded in size, rate, concurrency and time.
 *
 * @param maxBodyBytes     largest request body, bytes (JSON or multipart), 1 KiB..1 GiB. Default 16 MiB: a kiosk
 *                         request with a 12-megapixel JPEG (≈ 4 MB) and ten 500 dpi finger images in base64 (×4/3)
 *                         fits with room to spare; a 50 MB body does not
 * @param maxImportBytes   largest NDJSON bulk import body, bytes, up to 64 GiB (streamed to a file in the data folder,
 *                         never held in memory). Default 1 GiB ≈ 20,000 subjects with a face and two fingers in base64
 * @param maxImageSide     widest or tallest image accepted, pixels, checked from the header before decoding
 *                         (1..65535; default 8192, {@link ImageLimits#DEFAULT})
 * @param maxImagePixels   most pixels per image (default 40 megapixels, {@link ImageLimits#DEFAULT})
 * @param maxFingers       most finger captures per request (1..10; ten fingers per person)
 * @param rateLimit        sustained requests per second per API key (&gt; 0)
 * @param rateBurst        burst per API key, requests (≥ 1)
 * @param workers          threads running biometric work (1..256; 0 = one per available processor)
 * @param queue            biometric tasks waiting beyond the running ones before 503 (0..10,000). Default 32: eight
 *                         kiosks per core can wait without refusals
 * @param requestTimeoutMs deadline for a request's biometric work, queueing included, milliseconds (100..600,000;
 *                         default 10 s: a kiosk gives up and retries long before a traveller does)
 * @param idleTimeoutMs    connection idle timeout, milliseconds (1,000..600,000; default 30 s): bounds how long a slow
 *                         or stalled upload holds a connection
 * @param maxPageSize      most items per page of list and audit routes (1..1000)
 */
public record Limits(long maxBodyBytes, long maxImportBytes, int maxImageSide, long maxImagePixels, int maxFingers,
        double rateLimit, int rateBurst, int workers, int queue, long requestTimeoutMs, long idleTimeoutMs,
        int maxPageSize) {

    /** The defaults documented on each component. */
    public static final Limits DEFAULT = new Limits(16L << 20, 1L << 30, ImageLimits.DEFAULT.maxWidth(),
            ImageLimits.DEFAULT.maxPixels(), 10, 20, 40, 0, 32, 10_000, 30_000, 1000);

    public Limits {
        check("maxBodyBytes", maxBodyBytes, 1024, 1L << 30);
        check("maxImportBytes", maxImportBytes, 1024, 64L << 30);
        check("maxImageSide", maxImageSide, 1, 65535);
        check("maxImagePixels", maxImagePixels, 1, 1L << 32);
        check("maxFingers", maxFingers, 1, 10);
        if (!(rateLimit > 0)) {
            throw new IllegalArgumentException("limits.rateLimit must be positive: " + rateLimit);
        }
        check("rateBurst", rateBurst, 1, 1_000_000);
        check("workers", workers, 0, 256);
        check("queue", queue, 0, 10_000);
        check("requestTimeoutMs", requestTimeoutMs, 100, 600_000);
        check("idleTimeoutMs", idleTimeoutMs, 1000, 600_000);
        check("maxPageSize", maxPageSize, 1, 1000);
    }

    /** The image limits checked before decoding. */
    public ImageLimits imageLimits() {
        return new ImageLimits(maxImageSide, maxImageSide, maxImagePixels);
    }

    /** Worker threads: {@link #workers()} or one per available processor. */
    public int effectiveWorkers() {
        return workers > 0 ? workers : Math.min(256, Runtime.getRuntime().availableProcessors());
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("limits." + name + " must be " + min + ".." + max + ": " + value);
        }
    }
}
