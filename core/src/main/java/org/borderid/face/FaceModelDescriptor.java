package org.borderid.face;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.regex.Pattern;
import org.borderid.OperatingPoint;

/**
 * Describes an ONNX face-embedding model: where it is, what input it takes and what it outputs.
 *
 * <p>The engine aligns each face to the five-point template scaled to {@code inputWidth × inputHeight}, builds the
 * 1×3×H×W input tensor in {@code channelOrder} as {@code (pixel − mean) × scale} per channel (pixels 0..255), runs the
 * network and reads {@code dimension} floats from {@code outputName}. The dimension is verified with a dummy forward
 * pass when the engine opens.
 *
 * <p>Two models are described here: {@link #MOBILEFACENET} (the shared test model, calibrated) and {@link #SFACE}
 * (the OpenCV zoo model users download; not calibrated here, see {@code docs/models.md}). Their {@code file} is a bare
 * file name: point it at your copy with {@link #withFile(Path)}. Other models are described in a properties file read
 * by {@link #read(Path)}.
 *
 * @param name         identifies the embedding space (lower case {@code [a-z0-9._-]}, 1..64 characters); embeddings
 *                     of different names are never compared
 * @param file         the ONNX file
 * @param inputWidth   network input width, pixels (16..1024)
 * @param inputHeight  network input height, pixels (16..1024)
 * @param channelOrder channel order the network expects
 * @param mean         subtracted from each channel's 0..255 values, in the network's channel order (each 0..255)
 * @param scale        multiplies each channel's mean-subtracted values, in the network's channel order (each
 *                     positive and finite)
 * @param inputName    name of the network input; empty for the network's only input
 * @param outputName   name of the output holding the embedding; empty for the network's only output
 * @param dimension    number of floats in the embedding (1..4096)
 * @param sha256       lower-case hex SHA-256 of the file, checked when the engine opens; empty to skip the check
 * @param thresholds   cosine-similarity thresholds calibrated for this model, per operating point (may be empty)
 */
public record FaceModelDescriptor(String name, Path file, int inputWidth, int inputHeight, ChannelOrder channelOrder,
        ChannelValues mean, ChannelValues scale, String inputName, String outputName, int dimension, String sha256,
        Map<OperatingPoint, Double> thresholds) {

    /** Channel order of the network input. */
    public enum ChannelOrder {
        RGB,
        BGR
    }

    /**
     * One value per input channel, in the network's channel order (R, G, B for an RGB model).
     *
     * @param first  the first channel's value
     * @param second the second channel's value
     * @param third  the third channel's value
     */
    public record ChannelValues(double first, double second, double third) {
        public ChannelValues {
            if (!Double.isFinite(first) || !Double.isFinite(second) || !Double.isFinite(third)) {
                throw new IllegalArgumentException("channel values must be finite");
            }
        }

        /** The same value for every channel. */
        public static ChannelValues uniform(double value) {
            return new ChannelValues(value, value, value);
        }

        boolean allWithin(double min, double max) {
            return first >= min && first <= max && second >= min && second <= max && third >= min && third <= max;
        }

        /** Parses {@code v} or {@code v1,v2,v3}. */
        static ChannelValues parse(String text) {
            String[] parts = text.split(",");
            if (parts.length == 1) {
                return uniform(Double.parseDouble(parts[0].trim()));
            }
            if (parts.length == 3) {
                return new ChannelValues(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                        Double.parseDouble(parts[2].trim()));
            }
            throw new IllegalArgumentException("expected one value or three comma-separated values: '" + text + "'");
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");
    private static final Pattern SHA256 = Pattern.compile("|[0-9a-f]{64}");

    /**
     * MobileFaceNet (Chen et al. 2018), weights from foamliu/MobileFaceNet trained on refined MS-Celeb-1M, third-party
     * ONNX export (see the shared {@code models/mobilefacenet/SOURCE.txt}): input {@code input} 1×3×112×112 RGB;
     * output {@code embedding} 1×128.
     *
     * <p>Normalisation: ImageNet's, {@code (x/255 − [0.485, 0.456, 0.406]) / [0.229, 0.224, 0.225]} per RGB channel,
     * i.e. mean (123.675, 116.28, 103.53) and scale 1/(58.395, 57.12, 57.375) on 0..255 values, as in the training
     * code (foamliu/MobileFaceNet {@code data_gen.py}, torchvision {@code Normalize}). The export's notes give
     * (x − 127.5)/128 instead; on LFW that loses measurably (docs/face.md: EER 1.27% vs 1.05%, TAR at FMR 1e-4 92.1%
     * vs 94.2% over 9,839 mated pairs).
     *
     * <p>Thresholds (cosine similarity): measured with {@code ./borderid eval faces lfw} (default pipeline, flip
     * averaging on) on all 45,140,413 cross-identity pairs of the 9,525 LFW images of View 1's 4,038 training people;
     * 451,356, 45,128 and 4,514 impostor pairs reach the FMR 1e-2, 1e-3 and 1e-4 thresholds. On the 1,711 unseen
     * test people (6,848,158 impostor pairs) they give FMR 0.98e-2, 0.82e-3 and 0.51e-4 (docs/face.md). Without flip
     * averaging the same calibration gives 0.25476, 0.34114 and 0.41846: these constants are at most 0.004 higher,
     * i.e. slightly stricter (lower FMR) for that configuration.
     */
    public static final FaceModelDescriptor MOBILEFACENET = new FaceModelDescriptor("mobilefacenet",
            Path.of("mobilefacenet.onnx"), 112, 112, ChannelOrder.RGB, new ChannelValues(123.675, 116.28, 103.53),
            new ChannelValues(1 / 58.395, 1 / 57.12, 1 / 57.375), "input", "embedding", 128,
            "85cdeb7368ed6a1e9cbaaa6f283c6b2439f1fa533c17450bfdc7f357d285d5d1",
            Map.of(OperatingPoint.FMR_1E2, 0.25602, OperatingPoint.FMR_1E3, 0.34312, OperatingPoint.FMR_1E4, 0.42204));

    /**
     * SFace (Zhong et al. 2021) from the OpenCV zoo, {@code face_recognition_sface_2021dec.onnx} (Apache-2.0,
     * 38,696,353 bytes): input 1×3×112×112 RGB, raw 0..255 values (mean 0, scale 1, as OpenCV's
     * {@code FaceRecognizerSF}); the network's only output, 128 floats.
     *
     * <p>Not calibrated by this project (the file is not in the shared models): {@link #threshold} throws until
     * thresholds are measured with {@code ./borderid eval faces} and supplied with {@link #withThresholds(Map)}.
     */
    public static final FaceModelDescriptor SFACE = new FaceModelDescriptor("sface",
            Path.of("face_recognition_sface_2021dec.onnx"), 112, 112, ChannelOrder.RGB, ChannelValues.uniform(0),
            ChannelValues.uniform(1), "", "", 128,
            "0ba9fbfa01b5270c96627c4ef784da859931e02f04419c829e83484087c34e79", Map.of());

    public FaceModelDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(channelOrder, "channelOrder");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(inputName, "inputName");
        Objects.requireNonNull(outputName, "outputName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(thresholds, "thresholds");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name must match " + NAME + ": '" + name + "'");
        }
        if (inputWidth < 16 || inputWidth > 1024 || inputHeight < 16 || inputHeight > 1024) {
            throw new IllegalArgumentException("input size must be 16..1024: " + inputWidth + "x" + inputHeight);
        }
        if (!mean.allWithin(0, 255)) {
            throw new IllegalArgumentException("mean must be in 0..255: " + mean);
        }
        if (!scale.allWithin(Double.MIN_NORMAL, Double.MAX_VALUE)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        if (dimension < 1 || dimension > 4096) {
            throw new IllegalArgumentException("dimension must be 1..4096: " + dimension);
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be empty or 64 lower-case hex digits");
        }
        for (Map.Entry<OperatingPoint, Double> e : thresholds.entrySet()) {
            double t = Objects.requireNonNull(e.getValue(), "threshold");
            if (!(t >= -1 && t <= 1)) {
                throw new IllegalArgumentException("cosine threshold for " + e.getKey() + " must be in -1..1: " + t);
            }
        }
        thresholds = Map.copyOf(thresholds);
    }

    /** This descriptor with another model file (same SHA-256 expectation; use {@link #withSha256} to change it). */
    public FaceModelDescriptor withFile(Path newFile) {
        return new FaceModelDescriptor(name, newFile, inputWidth, inputHeight, channelOrder, mean, scale, inputName,
                outputName, dimension, sha256, thresholds);
    }

    /** This descriptor with another expected SHA-256 (empty: do not check). */
    public FaceModelDescriptor withSha256(String newSha256) {
        return new FaceModelDescriptor(name, file, inputWidth, inputHeight, channelOrder, mean, scale, inputName,
                outputName, dimension, newSha256, thresholds);
    }

    /** This descriptor with other calibrated thresholds. */
    public FaceModelDescriptor withThresholds(Map<OperatingPoint, Double> newThresholds) {
        return new FaceModelDescriptor(name, file, inputWidth, inputHeight, channelOrder, mean, scale, inputName,
                outputName, dimension, sha256, newThresholds);
    }

    /**
     * The cosine-similarity threshold calibrated for an operating point: scores at or above it are matches.
     *
     * @throws FaceModelException {@code NOT_CALIBRATED} if this model has no threshold for the point
     */
    public double threshold(OperatingPoint point) {
        OptionalDouble t = calibratedThreshold(point);
        if (t.isEmpty()) {
            throw new FaceModelException(FaceModelException.Reason.NOT_CALIBRATED, "face model '" + name
                    + "' has no calibrated threshold for " + point + "; measure one with ./borderid eval faces");
        }
        return t.getAsDouble();
    }

    /** The calibrated threshold for an operating point, if this model has one. */
    public OptionalDouble calibratedThreshold(OperatingPoint point) {
        Double t = thresholds.get(Objects.requireNonNull(point, "point"));
        return t == null ? OptionalDouble.empty() : OptionalDouble.of(t);
    }

    /**
     * Reads a descriptor from a properties file (UTF-8). Keys: {@code name}, {@code file} (relative to the properties
     * file's folder, or absolute), {@code input.width}, {@code input.height}, {@code input.channels} (RGB|BGR),
     * {@code input.mean} and {@code input.scale} (one value for all channels or three comma-separated ones in the
     * network's channel order), {@code input.name} (optional), {@code output.name} (optional),
     * {@code output.dimension}, {@code sha256} (optional), {@code threshold.fmr_1e-2}, {@code threshold.fmr_1e-3},
     * {@code threshold.fmr_1e-4} (optional).
     *
     * @throws FaceModelException {@code MISSING} if the file cannot be read, {@code INVALID_DESCRIPTOR} if a key is
     *                            missing or a value is malformed or out of range
     */
    public static FaceModelDescriptor read(Path propertiesFile) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new FaceModelException(FaceModelException.Reason.MISSING,
                    "cannot read face model descriptor " + propertiesFile + ": " + e.getMessage(), e);
        }
        try {
            Path base = propertiesFile.toAbsolutePath().getParent();
            Map<OperatingPoint, Double> thresholds = new EnumMap<>(OperatingPoint.class);
            for (OperatingPoint point : OperatingPoint.values()) {
                String v = p.getProperty(thresholdKey(point));
                if (v != null) {
                    thresholds.put(point, Double.parseDouble(v.trim()));
                }
            }
            return new FaceModelDescriptor(required(p, "name"), base.resolve(required(p, "file")),
                    Integer.parseInt(required(p, "input.width")), Integer.parseInt(required(p, "input.height")),
                    ChannelOrder.valueOf(required(p, "input.channels").toUpperCase(Locale.ROOT)),
                    ChannelValues.parse(required(p, "input.mean")), ChannelValues.parse(required(p, "input.scale")),
                    p.getProperty("input.name", "").trim(), p.getProperty("output.name", "").trim(),
                    Integer.parseInt(required(p, "output.dimension")),
                    p.getProperty("sha256", "").trim().toLowerCase(Locale.ROOT), thresholds);
        } catch (IllegalArgumentException e) { // includes NumberFormatException and the record's own checks
            throw new FaceModelException(FaceModelException.Reason.INVALID_DESCRIPTOR,
                    "face model descriptor " + propertiesFile + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The properties key of a threshold, e.g. {@code threshold.fmr_1e-3}. */
    static String thresholdKey(OperatingPoint point) {
        return "threshold.fmr_" + switch (point) {
            case FMR_1E2 -> "1e-2";
            case FMR_1E3 -> "1e-3";
            case FMR_1E4 -> "1e-4";
        };
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return v.trim();
    }
}
