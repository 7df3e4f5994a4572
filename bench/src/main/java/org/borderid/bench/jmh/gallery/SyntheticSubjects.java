package org.borderid.bench.jmh.gallery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.fixtures.synth.MasterModel;
import org.borderid.fixtures.synth.SyntheticFaceEmbeddings;
import org.borderid.fixtures.synth.SyntheticFingerprints;
import org.borderid.gallery.SubjectRecord;

/**
 * The synthetic subjects of the benchmark galleries: subject {@code i} has face identity {@code i} of
 * {@link SyntheticFaceEmbeddings} (sample 0 enrolled, sample 1 a live probe) and, per finger position {@code j} of
 * {@link #fingers}, synthetic finger {@code i · fingers + j} of {@link SyntheticFingerprints} with the flow-line
 * model (template path, thousands per second; impression 1 enrolled, impression 2 a live probe). Everything is a pure
 * function of the seed and the subject number, so a gallery and its probes can be regenerated anywhere.
 *
 * <p>Synthetic embeddings are isotropic clusters, not real faces, and flow-line minutiae have no images: these
 * galleries measure speed and memory at scale, not accuracy (docs/synthetic-data.md).
 */
public final class SyntheticSubjects {
    /** The two fingers a kiosk captures; the galleries of the 1:N benchmarks enroll these. */
    public static final List<FingerPosition> KIOSK_FINGERS = List.of(FingerPosition.RIGHT_INDEX,
            FingerPosition.RIGHT_MIDDLE);
    /** All ten fingers, for enrollment and footprint measurements. */
    public static final List<FingerPosition> TEN_FINGERS = List.of(FingerPosition.RIGHT_THUMB,
            FingerPosition.RIGHT_INDEX, FingerPosition.RIGHT_MIDDLE, FingerPosition.RIGHT_RING,
            FingerPosition.RIGHT_LITTLE, FingerPosition.LEFT_THUMB, FingerPosition.LEFT_INDEX,
            FingerPosition.LEFT_MIDDLE, FingerPosition.LEFT_RING, FingerPosition.LEFT_LITTLE);
    /** The enrolled impression / face sample. */
    static final int ENROLLED_IMPRESSION = 1;
    static final int ENROLLED_SAMPLE = 0;
    /** The live probe's impression / face sample. */
    static final int LIVE_IMPRESSION = 2;
    static final int LIVE_SAMPLE = 1;
    /** The agency and list every synthetic subject belongs to. */
    static final String AGENCY = "bench";
    static final String LIST = "watchlist";

    private final long seed;
    private final List<FingerPosition> fingers;
    private final SyntheticFingerprints prints;
    private final SyntheticFaceEmbeddings faces;

    public SyntheticSubjects(long seed, List<FingerPosition> fingers) {
        this.seed = seed;
        this.fingers = List.copyOf(fingers);
        this.prints = SyntheticFingerprints.builder().seed(seed).masterModel(MasterModel.FLOW_LINES).build();
        this.faces = SyntheticFaceEmbeddings.builder().seed(seed).build();
    }

    /** What shapes the subjects: the generators with their parameters and the finger positions. */
    public String recipe() {
        return prints + "; " + faces + "; fingers " + fingers;
    }

    public List<FingerPosition> fingers() {
        return fingers;
    }

    public long seed() {
        return seed;
    }

    /** The id of subject {@code i}. */
    static String id(long i) {
        return "s" + i;
    }

    /** Subject {@code i} as enrolled. */
    public SubjectRecord enrolled(long i) {
        SubjectRecord.Builder b = SubjectRecord.builder(id(i)).agency(AGENCY).lists(LIST)
                .face(faces.sample(i, ENROLLED_SAMPLE));
        for (int j = 0; j < fingers.size(); j++) {
            b.finger(fingers.get(j), prints.finger(fingerId(i, j)).impressionTemplate(ENROLLED_IMPRESSION));
        }
        return b.build();
    }

    /** Subject {@code i}'s live face (any {@code i ≥ 0}: beyond the gallery, a traveller not enrolled). */
    public float[] liveFace(long i) {
        return faces.sample(i, LIVE_SAMPLE);
    }

    /** Subject {@code i}'s live fingers at the given positions (a subset of {@link #fingers}). */
    public Map<FingerPosition, FingerprintTemplate> liveFingers(long i, List<FingerPosition> positions) {
        Map<FingerPosition, FingerprintTemplate> out = new EnumMap<>(FingerPosition.class);
        for (FingerPosition p : positions) {
            int j = fingers.indexOf(p);
            if (j < 0) {
                throw new IllegalArgumentException(p + " is not one of the subjects' fingers " + fingers);
            }
            out.put(p, prints.finger(fingerId(i, j)).impressionTemplate(LIVE_IMPRESSION));
        }
        return out;
    }

    private long fingerId(long subject, int finger) {
        return subject * fingers.size() + finger;
    }
}
