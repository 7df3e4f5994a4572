package org.borderid.face;

/**
 * A problem with a face capture, with the guidance a kiosk shows the traveller. Found by {@link FaceQualityPolicy}.
 */
public enum QualityIssue {
    /** The inter-eye distance is below the policy minimum. */
    FACE_TOO_SMALL("Please move closer to the camera."),
    /** The face box or a landmark lies outside the image. */
    FACE_NOT_IN_FRAME("Please centre your face in the frame."),
    /** More than one face was seen and the policy wants a single person. */
    MULTIPLE_FACES("Only one person in front of the camera, please."),
    /** Yaw or pitch beyond the policy limits. */
    NOT_FRONTAL("Please look straight at the camera."),
    /** Roll beyond the policy limit. */
    HEAD_TILTED("Please keep your head straight."),
    /** The aligned face is blurred (motion or focus). */
    BLURRED("Please hold still."),
    /** The face is too dark. */
    UNDEREXPOSED("Your face is too dark; please face the light."),
    /** The face is too bright (washed out). */
    OVEREXPOSED("Your face is too bright; please step out of direct light."),
    /** The face has too little contrast (fog, glare, flat lighting). */
    LOW_CONTRAST("The picture is unclear; please face the camera in even light."),
    /** The detector is unsure it sees a face: often glasses, a mask, hair or a hand covering part of it. */
    LOW_CONFIDENCE("Please make sure nothing covers your face.");

    private final String guidance;

    QualityIssue(String guidance) {
        this.guidance = guidance;
    }

    /** A short instruction for the traveller (English). */
    public String guidance() {
        return guidance;
    }
}
