package org.borderid.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderid.server.demo.DemoGallery;

/**
 * What each simulated kiosk sends: JSON bodies with base64 captures of the demo gallery's people and fingers
 * (genuine probes: other images of the enrolled LFW people, other impressions of the enrolled FVC fingers), cycled so
 * that no two consecutive requests of a client are identical.
 */
public enum Scenario {
    /** 1:1 verify of a claimed demo subject with a live face and one finger (the kiosk's common case). */
    VERIFY_FACE_FINGER("/v1/verify", true, true, true),
    /** 1:1 verify with one finger only. */
    VERIFY_FINGER("/v1/verify", false, true, true),
    /** 1:1 verify with a face only. */
    VERIFY_FACE("/v1/verify", true, false, true),
    /** 1:N search of the watchlist with a face and one finger. */
    IDENTIFY("/v1/identify", true, true, false);

    /** LFW images 2..4 of each demo person are the face probes. */
    static final int[] FACE_PROBES = {2, 3, 4};
    /** FVC impressions 2..8 of each demo finger are the finger probes. */
    static final int[] FINGER_PROBES = {2, 3, 4, 5, 6, 7, 8};

    private final String path;
    private final boolean face;
    private final boolean finger;
    private final boolean claim;

    Scenario(String path, boolean face, boolean finger, boolean claim) {
        this.path = path;
        this.face = face;
        this.finger = finger;
        this.claim = claim;
    }

    /** The route requested. */
    public String path() {
        return path;
    }

    /** The command-line name ({@code verify-face-finger}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The scenario of a command-line name. */
    public static Scenario parse(String id) {
        for (Scenario s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "' (expected verify-face-finger, "
                + "verify-finger, verify-face or identify)");
    }

    /** The request bodies, one per (subject, probe variant), read once from the shared datasets. */
    public List<byte[]> bodies(Path shared) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<byte[]> out = new ArrayList<>();
        for (int v = 0; v < FINGER_PROBES.length; v++) {
            for (DemoGallery.Subject s : DemoGallery.SUBJECTS) {
                Map<String, Object> body = new LinkedHashMap<>();
                if (claim) {
                    body.put("subjectId", s.id());
                }
                if (face) {
                    body.put("face", b64(DemoGallery.face(shared, s, FACE_PROBES[v % FACE_PROBES.length])));
                }
                if (finger) {
                    body.put("fingers", List.of(Map.of("position", "RIGHT_INDEX", "image",
                            b64(DemoGallery.finger(shared, s, FINGER_PROBES[v])))));
                }
                out.add(json.writeValueAsBytes(body));
            }
        }
        return out;
    }

    private static String b64(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new IOException("load data missing: " + p + " (set --shared or BORDERID_SHARED)");
        }
        return Base64.getEncoder().encodeToString(Files.readAllBytes(p));
    }
}
