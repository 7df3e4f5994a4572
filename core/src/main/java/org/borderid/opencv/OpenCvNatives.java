package org.borderid.opencv;

import org.bytedeco.javacpp.Loader;

/**
 * Loads OpenCV's native libraries (JavaCPP build, official {@code org.opencv.*} Java API) exactly once.
 *
 * <p>Every class that touches {@code org.opencv} calls {@link #ensureLoaded()} first (typically from a static
 * initializer or constructor). Loading is explicit rather than on first use of an OpenCV class so that a missing
 * native artifact fails with a message that names the platform classifier to add, instead of an
 * {@link UnsatisfiedLinkError} deep inside an image decode.
 */
public final class OpenCvNatives {
    private static volatile String version;
    private static volatile NativeLibraryException failure;

    private OpenCvNatives() {}

    /**
     * Loads the natives if not yet loaded.
     *
     * @return the OpenCV version string, e.g. {@code 4.13.0}
     * @throws NativeLibraryException when the natives for this OS/architecture are not on the class path
     */
    public static String ensureLoaded() {
        String v = version;
        if (v != null) {
            return v;
        }
        synchronized (OpenCvNatives.class) {
            if (version != null) {
                return version;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                Loader.load(org.bytedeco.opencv.opencv_java.class);
                version = org.opencv.core.Core.VERSION;
                return version;
            } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
                failure = new NativeLibraryException("OpenCV natives could not be loaded for platform '"
                        + Loader.getPlatform() + "'. Build on this platform (the Maven profile of the build machine's "
                        + "OS/architecture adds org.bytedeco:opencv, openblas and javacpp with classifier "
                        + Loader.getPlatform() + ") and keep those jars on the class path. Cause: " + e, e);
                throw failure;
            }
        }
    }
}
