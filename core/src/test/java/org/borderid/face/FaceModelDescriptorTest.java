package org.borderid.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.borderid.OperatingPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceModelDescriptorTest {
    @Test
    void shippedDescriptorsDescribeTheirModels() {
        FaceModelDescriptor m = FaceModelDescriptor.MOBILEFACENET;
        assertThat(m.dimension()).isEqualTo(128);
        assertThat(m.inputWidth()).isEqualTo(112);
        assertThat(m.channelOrder()).isEqualTo(FaceModelDescriptor.ChannelOrder.RGB);
        assertThat(m.outputName()).isEqualTo("embedding");
        assertThat(FaceModelDescriptor.SFACE.sha256())
                .isEqualTo("0ba9fbfa01b5270c96627c4ef784da859931e02f04419c829e83484087c34e79");
        assertThat(FaceModelDescriptor.SFACE.mean()).isEqualTo(FaceModelDescriptor.ChannelValues.uniform(0));
        assertThat(FaceModelDescriptor.SFACE.scale()).isEqualTo(FaceModelDescriptor.ChannelValues.uniform(1));
        assertThat(m.mean().first()).isEqualTo(123.675); // ImageNet mean of the R channel, 0..255
        assertThat(m.scale().third()).isEqualTo(1 / 57.375);
    }

    @Test
    void mobileFaceNetIsCalibratedForEveryOperatingPointWithStricterThresholdsForRarerFalseMatches() {
        FaceModelDescriptor m = FaceModelDescriptor.MOBILEFACENET;
        double t2 = m.threshold(OperatingPoint.FMR_1E2);
        double t3 = m.threshold(OperatingPoint.FMR_1E3);
        double t4 = m.threshold(OperatingPoint.FMR_1E4);
        assertThat(t2).isBetween(0.0, 1.0);
        assertThat(t3).isGreaterThan(t2);
        assertThat(t4).isGreaterThan(t3).isLessThan(1.0);
    }

    @Test
    void anUncalibratedModelSaysSoInsteadOfGuessingAThreshold() {
        assertThatThrownBy(() -> FaceModelDescriptor.SFACE.threshold(OperatingPoint.FMR_1E3))
                .isInstanceOfSatisfying(FaceModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(FaceModelException.Reason.NOT_CALIBRATED))
                .hasMessageContaining("sface");
        FaceModelDescriptor calibrated = FaceModelDescriptor.SFACE.withThresholds(Map.of(OperatingPoint.FMR_1E3, 0.4));
        assertThat(calibrated.threshold(OperatingPoint.FMR_1E3)).isEqualTo(0.4);
    }

    @Test
    void readsADescriptorFileWithTheModelPathRelativeToIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("arcface.properties");
        Files.writeString(file, """
                name=arcface-r50
                file=models/r50.onnx
                input.width=112
                input.height=112
                input.channels=bgr
                input.mean=127.5
                input.scale=0.0078125, 0.0078125,0.0078125
                output.dimension=512
                threshold.fmr_1e-3=0.31
                """);
        FaceModelDescriptor d = FaceModelDescriptor.read(file);
        assertThat(d.name()).isEqualTo("arcface-r50");
        assertThat(d.file()).isEqualTo(dir.toAbsolutePath().resolve("models/r50.onnx"));
        assertThat(d.channelOrder()).isEqualTo(FaceModelDescriptor.ChannelOrder.BGR);
        assertThat(d.dimension()).isEqualTo(512);
        assertThat(d.mean()).isEqualTo(FaceModelDescriptor.ChannelValues.uniform(127.5));
        assertThat(d.scale()).isEqualTo(FaceModelDescriptor.ChannelValues.uniform(0.0078125));
        assertThat(d.inputName()).isEmpty();
        assertThat(d.sha256()).isEmpty();
        assertThat(d.threshold(OperatingPoint.FMR_1E3)).isEqualTo(0.31);
        assertThat(d.calibratedThreshold(OperatingPoint.FMR_1E4)).isEmpty();
    }

    @Test
    void refusesIncompleteOrOutOfRangeDescriptors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "name=x\nfile=x.onnx\ninput.width=112\ninput.height=112\ninput.channels=RGB\n"
                + "input.mean=0\ninput.scale=1\n");
        assertThatThrownBy(() -> FaceModelDescriptor.read(file))
                .isInstanceOfSatisfying(FaceModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(FaceModelException.Reason.INVALID_DESCRIPTOR))
                .hasMessageContaining("output.dimension");
        Files.writeString(file, "name=x\nfile=x.onnx\ninput.width=112\ninput.height=112\ninput.channels=YUV\n"
                + "input.mean=0\ninput.scale=1\noutput.dimension=128\n");
        assertThatThrownBy(() -> FaceModelDescriptor.read(file)).isInstanceOf(FaceModelException.class);
        assertThatThrownBy(() -> FaceModelDescriptor.read(dir.resolve("absent.properties")))
                .isInstanceOfSatisfying(FaceModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(FaceModelException.Reason.MISSING));
        assertThatThrownBy(() -> FaceModelDescriptor.MOBILEFACENET.withSha256("ABC"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaceModelDescriptor.MOBILEFACENET.withThresholds(Map.of(OperatingPoint.FMR_1E2, 1.5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
