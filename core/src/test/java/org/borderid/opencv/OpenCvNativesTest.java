package org.borderid.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.ximgproc.Ximgproc;

class OpenCvNativesTest {
    @Test
    void loadsOpenCvOnceAndReportsItsVersion() {
        assertThat(OpenCvNatives.ensureLoaded()).startsWith("4.13");
        assertThat(OpenCvNatives.ensureLoaded()).isSameAs(OpenCvNatives.ensureLoaded());
    }

    @Test
    void contribModulesAreAvailable() {
        OpenCvNatives.ensureLoaded();
        Mat src = new Mat(16, 16, CvType.CV_8UC1, new Scalar(0));
        src.submat(4, 12, 4, 12).setTo(new Scalar(255));
        Mat dst = new Mat();
        Ximgproc.thinning(src, dst);
        assertThat(org.opencv.core.Core.countNonZero(dst)).isPositive().isLessThan(64);
        src.release();
        dst.release();
    }
}
