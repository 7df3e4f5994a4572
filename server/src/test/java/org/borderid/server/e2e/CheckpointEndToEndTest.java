package org.borderid.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderid.server.e2e.TestData.b64;
import static org.borderid.server.e2e.TestData.fvc;
import static org.borderid.server.e2e.TestData.lfw;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderid.server.BorderIdServer;
import org.borderid.server.OpenApiContract;
import org.borderid.server.TestClient;
import org.borderid.server.config.FaceConfig;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.engine.GallerySubjectStore;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.security.Role;
import org.borderid.server.service.DecisionPolicy;
import org.borderid.server.service.Readiness;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server as deployed — the face engine with the shared models, the fingerprint engine and the Lucene
 * gallery in the data folder — over real HTTP: LFW faces and FVC2002 fingers enrolled by an administrator, then
 * verified and screened by a kiosk with faces, fingers and both.
 */
class CheckpointEndToEndTest {
    /** Enrolled subjects: LFW person (image 1) and FVC2002 DB1_B finger (impression 1) as the right index. */
    private static final Map<String, Object[]> SUBJECTS = new LinkedHashMap<>();

    static {
        SUBJECTS.put("t-1", new Object[] {"Colin_Powell", 101});
        SUBJECTS.put("t-2", new Object[] {"Tony_Blair", 102});
        SUBJECTS.put("t-3", new Object[] {"Donald_Rumsfeld", 103});
        SUBJECTS.put("t-4", new Object[] {"Ariel_Sharon", 104});
    }

    @TempDir
    static Path data;
    static BorderIdServer server;
    static TestClient client;
    static String kiosk;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        Path detector = SharedData.require("models/yunet/face_detection_yunet_2023mar.onnx");
        Path embedder = SharedData.require("models/mobilefacenet/mobilefacenet.onnx");
        ApiKeyStore keys = ApiKeyStore.open(data);
        kiosk = keys.create(Role.KIOSK, "").secret();
        admin = keys.create(Role.ADMIN, "").secret();
        DecisionPolicy p = DecisionPolicy.DEFAULT;
        // LFW's web photos (about 50 px between the eyes) pass the recognition gate, not the kiosk one.
        ServerConfig config = ServerConfig.DEFAULT.withPort(0).withData(data.toString())
                .withFace(new FaceConfig(detector.toString(), "mobilefacenet", embedder.toString()))
                .withPolicy(new DecisionPolicy(p.verifyTargetFmr(), p.identifyTargetFpir(),
                        p.identifyMaxCandidates(), p.identifyDefaultList(), "recognition", p.minFingerQuality(),
                        p.disagreementFmr()));
        server = BorderIdServer.start(config);
        assertThat(server.awaitReady(Duration.ofSeconds(90))).as(server.readiness().snapshot().toString()).isTrue();
        client = new TestClient(server.url()).onResponse(OpenApiContract.get()::check);
        for (Map.Entry<String, Object[]> s : SUBJECTS.entrySet()) {
            TestClient.Response r = client.postJson("/v1/subjects", admin, Map.of("id", s.getKey(), "agency", "test",
                    "lists", List.of("watchlist"), "face", b64(lfw(person(s.getKey()), 1)), "fingers",
                    List.of(Map.of("position", "RIGHT_INDEX", "image", b64(fvc(finger(s.getKey()), 1))))));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void genuineFaceMatches() {
        JsonNode r = verify("t-1", lfw("Colin_Powell", 2), null);
        assertThat(r.path("decision").asText()).as(r.toString()).isEqualTo("MATCH");
        assertThat(modality(r, "face").path("status").asText()).isEqualTo("COMPARED");
    }

    @Test
    void impostorFaceDoesNotMatch() {
        JsonNode r = verify("t-1", lfw("Tony_Blair", 3), null);
        assertThat(r.path("decision").asText()).as(r.toString()).isEqualTo("NO_MATCH");
    }

    @Test
    void genuineFingerMatchesFromTheGallery() {
        JsonNode r = verify("t-2", null, fvc(102, 3));
        assertThat(r.path("decision").asText()).as(r.toString()).isEqualTo("MATCH");
    }

    @Test
    void impostorFingerDoesNotMatchFromTheGallery() {
        JsonNode r = verify("t-2", null, fvc(105, 3));
        assertThat(r.path("decision").asText()).as(r.toString()).isEqualTo("NO_MATCH");
    }

    @Test
    void genuineFaceAndFingerMatchWithMoreEvidenceThanEither() {
        JsonNode both = verify("t-3", lfw("Donald_Rumsfeld", 2), fvc(103, 4));
        assertThat(both.path("decision").asText()).as(both.toString()).isEqualTo("MATCH");
        assertThat(both.path("modalities")).hasSize(2);
        for (JsonNode m : both.path("modalities")) {
            assertThat(both.path("fusedScore").asDouble()).isGreaterThan(m.path("evidence").asDouble());
        }
    }

    @Test
    void impostorFaceAndFingerDoNotMatch() {
        JsonNode r = verify("t-3", lfw("Ariel_Sharon", 2), fvc(106, 2));
        assertThat(r.path("decision").asText()).as(r.toString()).isEqualTo("NO_MATCH");
    }

    @Test
    void genuineFaceWithSomeoneElsesFingerIsInconclusive() {
        JsonNode r = verify("t-4", lfw("Ariel_Sharon", 3), fvc(107, 2));
        assertThat(r.path("decision").asText()).as(r.toString()).isEqualTo("INCONCLUSIVE");
        assertThat(r.path("reasons").findValuesAsText("code")).contains("MODALITIES_DISAGREE");
    }

    @Test
    void passportPhotoReferenceMatchesTheLiveFace() {
        TestClient.Response r = client.postJson("/v1/verify", kiosk, Map.of("reference",
                Map.of("face", b64(lfw("Hugo_Chavez", 1))), "face", b64(lfw("Hugo_Chavez", 5))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("decision").asText()).as(r.toString()).isEqualTo("MATCH");
    }

    @Test
    void faceWithoutAFaceIsInconclusiveWithGuidance() {
        JsonNode r = verify("t-1", fvc(101, 2), null);
        assertThat(r.path("decision").asText()).as(r.toString()).isEqualTo("INCONCLUSIVE");
        assertThat(r.path("reasons").findValuesAsText("code")).contains("NO_FACE");
    }

    @Test
    void enrollingAReferenceWithoutAFaceIsRefusedAndChangesNothing() {
        long before = client.get("/v1/subjects?limit=100", admin).json().path("subjects").size();
        TestClient.Response r = client.postJson("/v1/subjects", admin, Map.of("id", "no-face", "agency", "test",
                "face", b64(fvc(108, 1))));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(client.get("/v1/subjects/no-face", admin).status()).isEqualTo(404);
        assertThat(client.get("/v1/subjects?limit=100", admin).json().path("subjects").size()).isEqualTo(before);
    }

    @Test
    void identifyFindsTheEnrolledSubjectByFaceAndFinger() {
        TestClient.Response r = client.postJson("/v1/identify", kiosk, Map.of("face", b64(lfw("Tony_Blair", 4)),
                "fingers", List.of(Map.of("position", "RIGHT_INDEX", "image", b64(fvc(102, 5))))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("outcome").asText()).as(r.toString()).isEqualTo("HIT");
        assertThat(r.json().path("candidates").get(0).path("subjectId").asText()).isEqualTo("t-2");
    }

    @Test
    void identifyFindsTheEnrolledSubjectByFaceAlone() {
        TestClient.Response r = client.postJson("/v1/identify", kiosk, Map.of("face",
                b64(lfw("Donald_Rumsfeld", 3))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("outcome").asText()).as(r.toString()).isEqualTo("HIT");
        assertThat(r.json().path("candidates").get(0).path("subjectId").asText()).isEqualTo("t-3");
    }

    @Test
    void identifyOfSomeoneNotEnrolledHasNoHit() {
        TestClient.Response r = client.postJson("/v1/identify", kiosk, Map.of("face",
                b64(lfw("Gerhard_Schroeder", 2)), "fingers", List.of(Map.of("position", "RIGHT_INDEX", "image",
                        b64(fvc(108, 2))))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("outcome").asText()).as(r.toString()).isEqualTo("NO_HIT");
        assertThat(r.json().path("candidates")).isEmpty();
    }

    @Test
    void aGalleryOfAnotherFaceDimensionDisablesFacesInsteadOfFailingEveryEnrollment(@TempDir Path other)
            throws Exception {
        ApiKeyStore keys = ApiKeyStore.open(other);
        String otherAdmin = keys.create(Role.ADMIN, "").secret();
        ServerConfig config = ServerConfig.DEFAULT.withPort(0).withData(other.toString())
                .withFace(new FaceConfig(SharedData.require("models/yunet/face_detection_yunet_2023mar.onnx")
                        .toString(), "mobilefacenet", SharedData.require("models/mobilefacenet/mobilefacenet.onnx")
                        .toString()));
        try (BorderIdServer mismatched = BorderIdServer.start(config,
                folder -> GallerySubjectStore.open(folder, 64))) {
            assertThat(mismatched.awaitReady(Duration.ofSeconds(90))).isFalse();
            assertThat(mismatched.readiness().get("face").state()).isEqualTo(Readiness.State.FAILED);
            assertThat(mismatched.readiness().get("face").detail()).contains("64-d", "128-d");
            TestClient c = new TestClient(mismatched.url()).onResponse(OpenApiContract.get()::check);
            TestClient.Response r = c.postJson("/v1/subjects", otherAdmin, Map.of("id", "f-1", "agency", "test",
                    "face", b64(lfw("Colin_Powell", 1))));
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            TestClient.Response fingerOnly = c.postJson("/v1/subjects", otherAdmin, Map.of("id", "f-2", "agency",
                    "test", "fingers", List.of(Map.of("position", "RIGHT_INDEX", "image", b64(fvc(101, 1))))));
            assertThat(fingerOnly.status()).as(fingerOnly.toString()).isEqualTo(201);
        }
    }

    private static JsonNode verify(String subject, byte[] face, byte[] finger) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectId", subject);
        if (face != null) {
            body.put("face", b64(face));
        }
        if (finger != null) {
            List<Object> fingers = new ArrayList<>();
            fingers.add(Map.of("position", "RIGHT_INDEX", "image", b64(finger)));
            body.put("fingers", fingers);
        }
        TestClient.Response r = client.postJson("/v1/verify", kiosk, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode modality(JsonNode result, String name) {
        for (JsonNode m : result.path("modalities")) {
            if (m.path("modality").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no " + name + " score in " + result);
    }

    private static String person(String id) {
        return (String) SUBJECTS.get(id)[0];
    }

    private static int finger(String id) {
        return (Integer) SUBJECTS.get(id)[1];
    }
}
