package org.borderid.server.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintImage;
import org.borderid.server.config.FaceConfig;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.security.Principal;
import org.borderid.server.security.Role;
import org.borderid.server.service.Captures;
import org.borderid.server.service.DecisionPolicy;
import org.borderid.server.service.EnrollCommand;
import org.borderid.server.service.EnrollmentService;
import org.borderid.server.service.FingerCapture;
import org.borderid.server.service.SubjectExistsException;

/**
 * The demo gallery of {@code borderid serve --demo}: eight subjects built from the shared public datasets, each a
 * face from Labeled Faces in the Wild (image 1 of a person with many images) and a right index finger from FVC2002
 * DB1 set B (impression 1 of fingers 101..108). The other images of the same people and fingers are genuine probes
 * for the README's examples and the load generator; other people and fingers are impostors. The pairing of a face
 * with a finger is arbitrary: they are different people in reality, which does not matter to the engines.
 */
public final class DemoGallery {
    /** The agency of the demo subjects. */
    public static final String AGENCY = "demo-agency";

    /**
     * One demo subject.
     *
     * @param id     subject id ({@code demo-001} ...)
     * @param person LFW person whose image 1 is enrolled
     * @param finger FVC2002 DB1_B finger number whose impression 1 is enrolled as the right index
     */
    public record Subject(String id, String person, int finger) {}

    /** The subjects, on the {@code watchlist} list. */
    public static final List<Subject> SUBJECTS = List.of(
            new Subject("demo-001", "Colin_Powell", 101),
            new Subject("demo-002", "Tony_Blair", 102),
            new Subject("demo-003", "Donald_Rumsfeld", 103),
            new Subject("demo-004", "Gerhard_Schroeder", 104),
            new Subject("demo-005", "Ariel_Sharon", 105),
            new Subject("demo-006", "Hugo_Chavez", 106),
            new Subject("demo-007", "Junichiro_Koizumi", 107),
            new Subject("demo-008", "Jacques_Chirac", 108));

    /** Who enrolls the demo subjects in the audit log. */
    public static final Principal ENROLLER = new Principal("demo-setup", Role.ADMIN);

    private DemoGallery() {}

    /**
     * The demo settings over a configuration: demo mode on the shared datasets, the face models of the shared
     * folder (unless the configuration names others), and the recognition face gate — the demo's faces are LFW web
     * photos (about 50 px between the eyes) which the kiosk gate, made for live camera frames, would refuse.
     */
    public static ServerConfig configure(ServerConfig config, Path shared) {
        ServerConfig c = config;
        if (c.face() == null) {
            Path models = shared.resolve("models");
            c = c.withFace(new FaceConfig(models.resolve("yunet/face_detection_yunet_2023mar.onnx").toString(),
                    "mobilefacenet", models.resolve("mobilefacenet/mobilefacenet.onnx").toString()));
        }
        DecisionPolicy p = c.policy();
        c = c.withPolicy(new DecisionPolicy(p.verifyTargetFmr(), p.identifyTargetFpir(), p.identifyMaxCandidates(),
                p.identifyDefaultList(), "recognition", p.minFingerQuality(), p.disagreementFmr()));
        return c.withDemo(shared.toAbsolutePath().normalize().toString());
    }

    /**
     * Where the shared datasets and models are: the explicit folder, else {@code BORDERID_SHARED}, else
     * {@code ../shared} next to the installation ({@code borderid.home}) or the working folder.
     */
    public static Path sharedFolder(String explicit) {
        if (explicit != null) {
            return Path.of(explicit);
        }
        String env = System.getenv("BORDERID_SHARED");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String home = System.getProperty("borderid.home");
        Path candidate = (home == null ? Path.of("..") : Path.of(home).resolve("..")).resolve("shared");
        return Files.isDirectory(candidate) ? candidate.normalize() : Path.of("..", "shared");
    }

    /** Image {@code n} (1-based) of a subject's LFW person. */
    public static Path face(Path shared, Subject s, int n) {
        return shared.resolve(String.format("data/faces/lfw/images/%s/%s_%04d.jpg", s.person(), s.person(), n));
    }

    /** Impression {@code n} (1..8) of a subject's FVC2002 DB1 finger (500 dpi TIFF). */
    public static Path finger(Path shared, Subject s, int n) {
        return shared.resolve("data/fingerprints/fvc2002/DB1_B/" + s.finger() + "_" + n + ".tif");
    }

    /**
     * Enrolls the demo subjects that are not enrolled yet (with a face only when a face engine is available).
     *
     * @param withFaces whether to enroll the faces
     * @return how many were enrolled now
     * @throws IOException if the shared datasets are missing (the message names the file)
     */
    public static int enroll(EnrollmentService enrollment, Path shared, boolean withFaces) throws IOException {
        int enrolled = 0;
        for (Subject s : SUBJECTS) {
            Optional<byte[]> face = withFaces ? Optional.of(read(face(shared, s, 1))) : Optional.empty();
            Captures captures = new Captures("face", face.orElse(null), List.of(new FingerCapture("finger",
                    FingerPosition.RIGHT_INDEX, read(finger(shared, s, 1)), FingerprintImage.DEFAULT_DPI, null)));
            try {
                enrollment.enroll(ENROLLER, new EnrollCommand(s.id(), AGENCY, List.of("watchlist"),
                        Map.of("name", s.person().replace('_', ' '), "note", "demo subject (public datasets)"),
                        captures));
                enrolled++;
            } catch (SubjectExistsException e) {
                // enrolled by an earlier --demo run
            }
        }
        return enrolled;
    }

    private static byte[] read(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new IOException("demo data missing: " + p + " (point --shared or BORDERID_SHARED at the shared "
                    + "datasets, see docs/data.md)");
        }
        return Files.readAllBytes(p);
    }
}
