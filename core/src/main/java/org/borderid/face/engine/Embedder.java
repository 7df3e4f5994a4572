package org.borderid.face.engine;

import java.util.List;
import org.borderid.face.FaceModelDescriptor;
import org.borderid.face.FaceModelDescriptor.ChannelOrder;
import org.borderid.face.FaceModelException;
import org.borderid.opencv.OpenCvNatives;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Image2BlobParams;
import org.opencv.dnn.Net;

/**
 * Engine-internal: runs an ONNX embedding model ({@link FaceModelDescriptor}) on aligned face crops through OpenCV's
 * DNN module, CPU backend.
 *
 * <p>Not thread-safe (one per worker). The model is verified when loaded: a forward pass on a gray crop must produce
 * exactly {@link FaceModelDescriptor#dimension()} finite floats. OpenCV's Java API has no explicit release for
 * {@link Net}: its native object is freed by OpenCV's finalizer once this embedder is unreachable.
 */
public final class Embedder {
    private final FaceModelDescriptor descriptor;
    private final Net net;
    private final String outputName;
    private final Image2BlobParams blobParams;

    /**
     * Loads and verifies the model.
     *
     * @param descriptor what the model is
     * @param model      the ONNX bytes of {@code descriptor.file()}
     * @throws FaceModelException {@code CORRUPT} if OpenCV cannot load the bytes, {@code INCOMPATIBLE} if the model's
     *                            input, output or dimension disagree with the descriptor
     */
    public Embedder(FaceModelDescriptor descriptor, byte[] model) {
        OpenCvNatives.ensureLoaded();
        this.descriptor = descriptor;
        FaceModelDescriptor.ChannelValues m = descriptor.mean();
        FaceModelDescriptor.ChannelValues s = descriptor.scale();
        blobParams = new Image2BlobParams(new Scalar(s.first(), s.second(), s.third()),
                new Size(descriptor.inputWidth(), descriptor.inputHeight()),
                new Scalar(m.first(), m.second(), m.third()), descriptor.channelOrder() == ChannelOrder.RGB,
                CvType.CV_32F);
        String what = "face embedding model '" + descriptor.name() + "' (file " + descriptor.file() + ")";
        MatOfByte buffer = new MatOfByte(model);
        try {
            net = Dnn.readNetFromONNX(buffer);
        } catch (RuntimeException e) { // cv::Exception arrives as org.opencv.core.CvException
            throw new FaceModelException(FaceModelException.Reason.CORRUPT,
                    what + " cannot be loaded by OpenCV: " + e.getMessage(), e);
        } finally {
            buffer.release();
        }
        if (net.empty()) {
            throw new FaceModelException(FaceModelException.Reason.CORRUPT, what + " holds no network");
        }
        net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
        net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
        outputName = descriptor.outputName().isEmpty() ? onlyOutput(net, what) : descriptor.outputName();
        verify(what);
    }

    private static String onlyOutput(Net net, String what) {
        List<String> outputs = net.getUnconnectedOutLayersNames();
        if (outputs.size() != 1) {
            throw new FaceModelException(FaceModelException.Reason.INCOMPATIBLE,
                    what + " has " + outputs.size() + " outputs " + outputs + "; name one in the descriptor");
        }
        return outputs.get(0);
    }

    private void verify(String what) {
        Mat gray = new Mat(descriptor.inputHeight(), descriptor.inputWidth(), CvType.CV_8UC3,
                new Scalar(128, 128, 128));
        try {
            int values = forward(gray).length;
            if (values != descriptor.dimension()) {
                throw new FaceModelException(FaceModelException.Reason.INCOMPATIBLE, what + " outputs " + values
                        + " values but its descriptor declares dimension " + descriptor.dimension());
            }
        } catch (FaceModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FaceModelException(FaceModelException.Reason.INCOMPATIBLE, what + " does not run with input "
                    + (descriptor.inputName().isEmpty() ? "(default)" : "'" + descriptor.inputName() + "'") + " 1x3x"
                    + descriptor.inputHeight() + "x" + descriptor.inputWidth() + " and output '" + outputName + "': "
                    + e.getMessage(), e);
        } finally {
            gray.release();
        }
    }

    /**
     * The raw (not normalised) embedding of an aligned crop.
     *
     * @param aligned 8-bit BGR crop of the descriptor's input size
     * @param flip    also embed the mirrored crop and return the sum of both embeddings (each L2-normalised first)
     * @throws FaceModelException {@code INCOMPATIBLE} if the model produces a non-finite value
     */
    public float[] embed(Mat aligned, boolean flip) {
        float[] v = forward(aligned);
        if (flip) {
            Mat mirrored = new Mat();
            try {
                Core.flip(aligned, mirrored, 1);
                float[] m = forward(mirrored);
                double nv = norm(v);
                double nm = norm(m);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (v[i] / nv + m[i] / nm);
                }
            } finally {
                mirrored.release();
            }
        }
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new FaceModelException(FaceModelException.Reason.INCOMPATIBLE,
                        "face embedding model '" + descriptor.name() + "' produced a non-finite value");
            }
        }
        return v;
    }

    private float[] forward(Mat aligned) {
        // (pixel − mean) × scale per channel, after the BGR → RGB swap for RGB models
        Mat blob = Dnn.blobFromImageWithParams(aligned, blobParams);
        Mat out = null;
        try {
            net.setInput(blob, descriptor.inputName());
            out = net.forward(outputName);
            if (out.depth() != CvType.CV_32F) {
                throw new FaceModelException(FaceModelException.Reason.INCOMPATIBLE, "face embedding model '"
                        + descriptor.name() + "' output is of type " + CvType.typeToString(out.type())
                        + ", expected 32-bit floats");
            }
            float[] v = new float[(int) out.total()];
            Mat flat = out.reshape(1, 1);
            try {
                flat.get(0, 0, v);
            } finally {
                flat.release();
            }
            return v;
        } finally {
            blob.release();
            if (out != null) {
                out.release();
            }
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return s > 0 ? Math.sqrt(s) : 1;
    }

    /** The descriptor of the loaded model. */
    public FaceModelDescriptor descriptor() {
        return descriptor;
    }
}
