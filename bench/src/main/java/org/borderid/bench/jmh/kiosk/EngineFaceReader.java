package org.borderid.bench.jmh.kiosk;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.borderid.OperatingPoint;
import org.borderid.face.FaceCapture;
import org.borderid.face.FaceEngine;
import org.borderid.image.ImageFormatException;
import org.borderid.server.service.CaptureIssue;
import org.borderid.server.service.FaceFeature;
import org.borderid.server.service.FaceGate;
import org.borderid.server.service.FaceReader;
import org.borderid.server.service.FaceVector;
import org.borderid.server.service.ScoreScale;

/**
 * The server's {@link FaceReader} port over the face engine (the server does not wire one yet): a capture becomes a
 * usable embedding or a typed capture issue, and scores are put on the evidence scale of the model's calibrated
 * thresholds ({@link org.borderid.face.FaceModelDescriptor#threshold}, which fails for an uncalibrated model).
 */
final class EngineFaceReader implements FaceReader {
    private final FaceEngine engine;
    private final ScoreScale scale;

    EngineFaceReader(FaceEngine engine) {
        this.engine = engine;
        Map<OperatingPoint, Double> t = new EnumMap<>(OperatingPoint.class);
        for (OperatingPoint p : OperatingPoint.values()) {
            t.put(p, engine.model().threshold(p));
        }
        this.scale = ScoreScale.of(t);
    }

    @Override
    public Result read(String field, byte[] image, FaceGate gate) {
        try {
            return switch (engine.capture(image)) {
                case FaceCapture.Face f -> new Result.Usable(new FaceFeature(field,
                        new FaceVector(engine.model().name(), f.embedding().vector()), f.facesSeen()));
                case FaceCapture.LowQuality q -> new Result.Unusable(List.of(new CaptureIssue(field, "face",
                        "LOW_QUALITY", q.issues().toString())));
                case FaceCapture.NoFace n -> new Result.Unusable(List.of(new CaptureIssue(field, "face", "NO_FACE",
                        "no face")));
            };
        } catch (ImageFormatException e) {
            return new Result.Undecodable(new CaptureIssue(field, "face", "UNDECODABLE", e.getMessage()));
        }
    }

    @Override
    public String model() {
        return engine.model().name();
    }

    @Override
    public int dimension() {
        return engine.model().dimension();
    }

    @Override
    public ScoreScale scale() {
        return scale;
    }
}
