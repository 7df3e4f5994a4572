package org.borderid.finger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.borderid.finger.engine.extract.Binarizer;
import org.borderid.finger.engine.extract.BinaryImage;
import org.borderid.finger.engine.extract.CaptureQuality;
import org.borderid.finger.engine.extract.FloatRaster;
import org.borderid.finger.engine.extract.ForegroundMask;
import org.borderid.finger.engine.extract.ForegroundSegmenter;
import org.borderid.finger.engine.extract.FrequencyEstimator;
import org.borderid.finger.engine.extract.FrequencyField;
import org.borderid.finger.engine.extract.MinutiaCandidate;
import org.borderid.finger.engine.extract.MinutiaeDetector;
import org.borderid.finger.engine.extract.MinutiaeFilter;
import org.borderid.finger.engine.extract.OrientationEstimator;
import org.borderid.finger.engine.extract.OrientationField;
import org.borderid.finger.engine.extract.Resampler;
import org.borderid.finger.engine.extract.RidgeBandpass;
import org.borderid.finger.engine.extract.RidgeEnhancer;
import org.borderid.finger.engine.extract.SkeletonGraph;
import org.borderid.finger.engine.extract.SkeletonPruner;
import org.borderid.finger.engine.extract.StructureTensor;
import org.borderid.finger.engine.extract.Thinner;
import org.borderid.image.ImageFormatException;

/**
 * Extracts a minutiae template from a fingerprint image. Thread-safe; reuse one instance.
 *
 * <p>The pipeline (each stage a class in {@code org.borderid.finger.engine.extract}, documented in
 * {@code docs/fingerprint-extraction.md}): resample to 500 dpi, band-pass, segment the foreground, estimate the
 * orientation and ridge-period fields, enhance with oriented Gabor filters, binarize, thin, build the skeleton graph
 * and prune its artefacts, read the minutiae, filter false ones, and judge the capture's quality. A capture that
 * cannot give a usable template is a {@link FingerprintExtraction.LowQuality} result with a reason for the person at
 * the scanner, never an exception.
 */
public final class FingerprintExtractor {
    /**
     * Largest image processed, pixels after resampling to 500 dpi (2048² ≈ 4.2 Mpx ≈ 4.1 × 4.1 inches, more than
     * the 3.2 × 3.0 inch four-finger slap platen of FBI EBTS Appendix F). Bounds time (about a second) and memory
     * (about 200 MB) per extraction; larger images are refused with {@link ImageFormatException.Reason#TOO_LARGE}.
     */
    public static final long MAX_PIXELS = 2048L * 2048L;

    /** An extractor with the default, documented parameters. */
    public FingerprintExtractor() {}

    /**
     * Extracts minutiae, or reports why the capture is unusable.
     *
     * @throws ImageFormatException ({@code TOO_LARGE}) when the image exceeds {@link #MAX_PIXELS} at 500 dpi
     */
    public FingerprintExtraction extract(FingerprintImage image) {
        Objects.requireNonNull(image, "image");
        int[] size = Resampler.targetSize(image.width(), image.height(), image.dpi());
        checkWorkingSize(size);
        CaptureQuality.Verdict verdict = CaptureQuality.checkSize(size[0], size[1]);
        if (!verdict.usable()) {
            return lowQuality(verdict);
        }
        FloatRaster gray = Resampler.to500Dpi(image.gray(), image.dpi());
        FloatRaster ridges = RidgeBandpass.apply(gray);
        StructureTensor tensor = StructureTensor.compute(ridges);
        ForegroundMask mask = ForegroundSegmenter.segment(ridges, tensor);
        verdict = CaptureQuality.checkArea(mask);
        if (!verdict.usable()) {
            return lowQuality(verdict);
        }
        OrientationField orientation = OrientationEstimator.estimate(tensor, mask);
        verdict = CaptureQuality.checkClarity(mask, orientation);
        if (!verdict.usable()) {
            return lowQuality(verdict);
        }
        FrequencyField frequency = FrequencyEstimator.estimate(ridges, mask, orientation);
        FloatRaster enhanced = RidgeEnhancer.enhance(ridges, mask, orientation, frequency);
        BinaryImage skeleton = Thinner.thin(Binarizer.binarize(enhanced, mask, frequency));
        SkeletonGraph graph = SkeletonGraph.of(skeleton);
        SkeletonPruner.prune(graph, orientation, frequency);
        List<MinutiaCandidate> minutiae = MinutiaeFilter.filter(
                MinutiaeDetector.detect(graph, orientation, frequency), mask, orientation, frequency);
        verdict = CaptureQuality.judge(mask, orientation, minutiae);
        if (!verdict.usable()) {
            return lowQuality(verdict);
        }
        return new FingerprintExtraction.Extracted(
                FingerprintTemplate.of(size[0], size[1], toMinutiae(minutiae), verdict.quality()), verdict.quality());
    }

    private static void checkWorkingSize(int[] size) {
        if ((long) size[0] * size[1] > MAX_PIXELS) {
            throw new ImageFormatException(ImageFormatException.Reason.TOO_LARGE, "fingerprint image of " + size[0]
                    + "x" + size[1] + " px at 500 dpi exceeds the extractor's limit of " + MAX_PIXELS + " px");
        }
    }

    private static FingerprintExtraction lowQuality(CaptureQuality.Verdict verdict) {
        return new FingerprintExtraction.LowQuality(verdict.reason(), verdict.quality(), verdict.detail());
    }

    private static List<Minutia> toMinutiae(List<MinutiaCandidate> candidates) {
        List<Minutia> out = new ArrayList<>(candidates.size());
        for (MinutiaCandidate c : candidates) {
            int quality = Math.max(1, Math.round(100 * c.quality()));
            out.add(new Minutia(Math.round(c.x()), Math.round(c.y()), c.direction(), c.type(), quality));
        }
        return out;
    }
}
