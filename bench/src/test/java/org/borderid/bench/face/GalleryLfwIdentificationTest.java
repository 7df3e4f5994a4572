package org.borderid.bench.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderid.fixtures.lfw.LfwImage;
import org.borderid.fixtures.synth.SpectralFaceEmbeddings;
import org.borderid.gallery.FaceVectorEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LFW identification protocol through a real gallery ({@code eval gallery-lfw}) on synthetic people with the LFW
 * spectrum (several images for some, one for the others): with a gallery this small the index must give exactly the
 * exhaustive scan's figures, and the cache of captures must read back what was written.
 */
class GalleryLfwIdentificationTest {
    private static final long SEED = 5;

    @TempDir
    Path temp;

    /** 600 people: the first 300 with 1–4 extra images, the rest with one; one image without a face. */
    private static LfwCaptures people(List<LfwImage> images, Map<String, List<LfwImage>> byPerson) {
        SpectralFaceEmbeddings faces = SpectralFaceEmbeddings.lfw(SEED);
        List<float[]> vectors = new ArrayList<>();
        for (int person = 0; person < 600; person++) {
            String name = "Person_" + person;
            int count = person < 300 ? 2 + person % 4 : 1;
            List<LfwImage> own = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                LfwImage image = new LfwImage(name, k + 1);
                own.add(image);
                images.add(image);
                vectors.add(person == 7 && k == 1 ? null : faces.sample(person, k));
            }
            byPerson.put(name, own);
        }
        return LfwCaptures.of(images, vectors);
    }

    @Test
    void identificationThroughTheGalleryEqualsTheExhaustiveScan() throws Exception {
        List<LfwImage> images = new ArrayList<>();
        Map<String, List<LfwImage>> byPerson = new LinkedHashMap<>();
        LfwCaptures captures = people(images, byPerson);
        Map<String, Object> exact = Identification.run(captures, byPerson, FaceEvaluation.FPIR_TARGETS);
        for (FaceVectorEncoding encoding : FaceVectorEncoding.values()) {
            Map<String, Object> viaGallery = EvalGalleryLfwCommand.throughGallery(captures, byPerson, temp, encoding);
            assertThat(viaGallery.get("enrolled")).isEqualTo(300L);
            assertThat(viaGallery.get("mated_probes")).isEqualTo(exact.get("mated_probes"));
            assertThat(viaGallery.get("non_mated_probes")).isEqualTo(300);
            assertThat((double) viaGallery.get("rank1_identification_rate")).as("%s, seed %d", encoding, SEED)
                    .isEqualTo((double) exact.get("rank1_identification_rate"))
                    .isGreaterThan(0.5);
            @SuppressWarnings("unchecked")
            Map<String, Object> a = (Map<String, Object>) viaGallery.get("at_fpir_1e-2");
            @SuppressWarnings("unchecked")
            Map<String, Object> b = (Map<String, Object>) exact.get("at_fpir_1e-2");
            assertThat(a.get("fnir")).as("%s FNIR", encoding).isEqualTo(b.get("fnir"));
            assertThat((double) a.get("threshold")).isCloseTo((double) b.get("threshold"),
                    org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void cachedCapturesReadBackAndAnotherEngineIsRefused() throws Exception {
        List<LfwImage> images = new ArrayList<>();
        LfwCaptures captures = people(images, new LinkedHashMap<>());
        Path file = temp.resolve("captures.bin");
        captures.write(file, "engine-a");
        LfwCaptures read = LfwCaptures.read(file, "engine-a", images);
        assertThat(read).isNotNull();
        for (int i = 0; i < images.size(); i++) {
            assertThat(read.captured(i)).isEqualTo(captures.captured(i));
            if (captures.captured(i)) {
                assertThat(read.vector(i)).isEqualTo(captures.vector(i));
            }
        }
        assertThat(LfwCaptures.read(file, "engine-b", images)).isNull();
        assertThat(LfwCaptures.read(file, "engine-a", images.subList(1, images.size()))).isNull();
    }
}
