package org.borderid.bench.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.borderid.bench.BenchData;
import org.borderid.face.FaceEngineConfig;
import org.borderid.face.FaceModelDescriptor;
import org.borderid.fixtures.lfw.LfwDataset;
import org.borderid.fixtures.lfw.LfwImage;

/** Shared models and LFW images for the face evaluation and benchmarks. */
public final class FaceBenchData {
    private FaceBenchData() {}

    /** The shared-data root ({@link BenchData#sharedRoot()}). */
    public static Path sharedRoot() {
        return BenchData.sharedRoot();
    }

    /** {@code <shared>/models/yunet/face_detection_yunet_2023mar.onnx}. */
    public static Path yunet() {
        return sharedRoot().resolve("models/yunet/face_detection_yunet_2023mar.onnx");
    }

    /** The MobileFaceNet descriptor pointing at {@code <shared>/models/mobilefacenet/mobilefacenet.onnx}. */
    public static FaceModelDescriptor mobileFaceNet() {
        return FaceModelDescriptor.MOBILEFACENET
                .withFile(sharedRoot().resolve("models/mobilefacenet/mobilefacenet.onnx"));
    }

    /** The default engine configuration on the shared models, one worker. */
    public static FaceEngineConfig defaultConfig() {
        return FaceEngineConfig.of(yunet(), mobileFaceNet()).withMaxConcurrency(1);
    }

    /** {@code <shared>/data/faces/lfw}. */
    public static LfwDataset lfw() {
        return LfwDataset.open(sharedRoot().resolve("data/faces/lfw"));
    }

    /** The encoded bytes of {@code count} LFW images drawn with the seed (the same images on every run). */
    public static List<byte[]> lfwSample(int count, long seed) {
        LfwDataset lfw = lfw();
        List<LfwImage> images = new ArrayList<>(lfw.images());
        Collections.shuffle(images, new Random(seed));
        List<byte[]> bytes = new ArrayList<>();
        try {
            for (LfwImage image : images.subList(0, Math.min(count, images.size()))) {
                bytes.add(Files.readAllBytes(lfw.path(image)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }
}
