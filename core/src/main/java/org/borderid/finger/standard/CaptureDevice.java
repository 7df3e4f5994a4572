package org.borderid.finger.standard;

/**
 * The capture equipment field of a finger minutiae record (2 bytes in both standards).
 *
 * @param certifications the 4-bit certification flags (ISO "capture equipment certifications", ANSI "capture
 *                       equipment compliance"; bit 3 = certified to the FBI Appendix F image quality specification)
 * @param deviceTypeId   the 12-bit vendor-assigned capture device type (0 = unreported)
 */
public record CaptureDevice(int certifications, int deviceTypeId) {
    /** No certification, device type unreported. */
    public static final CaptureDevice UNREPORTED = new CaptureDevice(0, 0);

    public CaptureDevice {
        if (certifications < 0 || certifications > 0xF) {
            throw new IllegalArgumentException("capture equipment certifications are 4 bits: " + certifications);
        }
        if (deviceTypeId < 0 || deviceTypeId > 0xFFF) {
            throw new IllegalArgumentException("capture device type id is 12 bits: " + deviceTypeId);
        }
    }
}
