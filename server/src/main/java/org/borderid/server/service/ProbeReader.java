package org.borderid.server.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.borderid.finger.FingerPosition;

/**
 * Reads every capture of a request into features: the face through the face engine, fingers through the
 * fingerprint extractor or the standard record reader.
 *
 * <p>Captures that are not readable at all (corrupt or oversized images, unreadable records) make the whole request a
 * 422, listing each. Readable but poor captures are the kiosk's business: {@link Mode#LIVE} reports them as issues
 * next to the usable features; {@link Mode#REFERENCE} (enrollment, passport photos) refuses them with 422 too, since
 * a reference must be good.
 */
public final class ProbeReader {
    /** How poor captures are treated. */
    public enum Mode {
        /** Live captures at a kiosk: poor captures become issues in the result. */
        LIVE,
        /** References and enrollment: poor captures are refused (422). */
        REFERENCE
    }

    private final Optional<FaceReader> faces;
    private final FingerReader fingers;

    public ProbeReader(Optional<FaceReader> faces, FingerReader fingers) {
        this.faces = faces;
        this.fingers = fingers;
    }

    /**
     * Reads the captures.
     *
     * @throws UnusableCaptureException   if a capture is unreadable, or (REFERENCE) unusable
     * @throws ServiceUnavailableException if a face was sent and no face engine is available
     */
    public ProbeFeatures read(Captures captures, Mode mode, FaceGate faceGate, int minFingerQuality) {
        List<CaptureIssue> undecodable = new ArrayList<>();
        List<CaptureIssue> unusable = new ArrayList<>();
        FaceFeature face = null;
        if (captures.face() != null) {
            FaceReader reader = faces.orElseThrow(() -> new ServiceUnavailableException(
                    ServiceUnavailableException.Reason.COMPONENT_UNAVAILABLE,
                    "The face engine is not available on this server (not configured or failed to load); send "
                            + "fingers only or see GET /ready."));
            switch (reader.read(captures.faceField(), captures.face(), faceGate)) {
                case FaceReader.Result.Usable u -> face = u.feature();
                case FaceReader.Result.Unusable u -> unusable.addAll(u.issues());
                case FaceReader.Result.Undecodable u -> undecodable.add(u.issue());
            }
        }
        List<FingerFeature> usable = new ArrayList<>();
        for (FingerCapture c : captures.fingers()) {
            switch (fingers.read(c, minFingerQuality)) {
                case FingerReader.Result.Usable u -> usable.add(u.feature());
                case FingerReader.Result.Unusable u -> unusable.add(u.issue());
                case FingerReader.Result.Undecodable u -> undecodable.add(u.issue());
            }
        }
        checkDistinctPositions(usable, undecodable);
        if (!undecodable.isEmpty()) {
            throw new UnusableCaptureException("A capture cannot be read.", undecodable);
        }
        if (mode == Mode.REFERENCE && !unusable.isEmpty()) {
            throw new UnusableCaptureException("A capture is too poor to serve as a reference.", unusable);
        }
        return new ProbeFeatures(face, usable, unusable, captures.face() != null);
    }

    /** Two captures of one finger (a record's view resolving to a position already given) cannot both count. */
    private static void checkDistinctPositions(List<FingerFeature> usable, List<CaptureIssue> problems) {
        List<FingerPosition> seen = new ArrayList<>();
        for (FingerFeature f : usable) {
            if (f.position() != FingerPosition.UNKNOWN && seen.contains(f.position())) {
                problems.add(new CaptureIssue(f.field(), "finger", "DUPLICATE_POSITION",
                        f.position() + " is given more than once."));
            }
            seen.add(f.position());
        }
    }
}
