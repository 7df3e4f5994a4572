package org.borderid.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.borderid.opencv.OpenCvNatives;
import org.borderid.testing.SharedData;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/** Shared models and LFW images for the face tests (skipped where the shared data is absent). */
final class FaceTestData {
    private FaceTestData() {}

    static Path detectorModel() {
        return SharedData.require("models/yunet/face_detection_yunet_2023mar.onnx");
    }

    static Path embedderModel() {
        return SharedData.require("models/mobilefacenet/mobilefacenet.onnx");
    }

    /** The default engine configuration with the shared YuNet and MobileFaceNet, two workers. */
    static FaceEngineConfig config() {
        return FaceEngineConfig.of(detectorModel(), FaceModelDescriptor.MOBILEFACENET.withFile(embedderModel()))
                .withMaxConcurrency(2);
    }

    /** An LFW deep-funneled image, e.g. {@code lfw("George_W_Bush", 1)}. */
    static byte[] lfw(String person, int number) {
        Path file = SharedData.require(String.format("data/faces/lfw/images/%s/%s_%04d.jpg", person, person, number));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes an LFW image to an 8-bit BGR Mat (caller releases). */
    static Mat lfwMat(String person, int number) {
        OpenCvNatives.ensureLoaded();
        MatOfByte bytes = new MatOfByte(lfw(person, number));
        try {
            return Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
        } finally {
            bytes.release();
        }
    }

    /** Encodes a Mat, e.g. {@code encode(mat, ".png")}. */
    static byte[] encode(Mat image, String extension, int... params) {
        MatOfByte out = new MatOfByte();
        MatOfInt p = new MatOfInt(params);
        try {
            if (!Imgcodecs.imencode(extension, image, out, p)) {
                throw new IllegalStateException("cannot encode " + extension);
            }
            return out.toArray();
        } finally {
            out.release();
            p.release();
        }
    }
}
