package org.borderid.server.service;

import java.util.Locale;

/** Which face quality issues make a capture unusable. */
public enum FaceGate {
    /** ICAO-style guidance for live capture at a kiosk: size, pose, exposure, sharpness, one face, in frame. */
    KIOSK,
    /** Only what measurably degrades recognition (for references, enrollment photos and lenient kiosks). */
    RECOGNITION,
    /** Every detected face is used. */
    OFF;

    /** The gate named in the policy ({@code kiosk}, {@code recognition}, {@code off}). */
    public static FaceGate parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
