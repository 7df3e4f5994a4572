package org.borderid.server.service;

import java.util.Objects;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintImage;

/**
 * One finger as received: an image (PNG, JPEG, BMP, TIFF or WSQ) with its resolution, or an ISO/IEC 19794-2 / ANSI
 * 378 minutiae record. The bytes are kept as given (not copied: requests are short-lived and never shared).
 *
 * @param field    where it was in the request, for error details
 * @param position the finger; {@link FingerPosition#UNKNOWN} when the kiosk does not know (compared against every
 *                 enrolled finger, with the corresponding correction of the false match rate)
 * @param image    encoded image, or {@code null} when {@code record} is given
 * @param dpi      scanner resolution of the image, {@link FingerprintImage#MIN_DPI}..{@link FingerprintImage#MAX_DPI}
 * @param record   minutiae record, or {@code null} when {@code image} is given
 */
public record FingerCapture(String field, FingerPosition position, byte[] image, double dpi, byte[] record) {
    public FingerCapture {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(position, "position");
        if ((image == null) == (record == null)) {
            throw new IllegalArgumentException("a finger capture is an image or a record, not both or neither");
        }
    }
}
