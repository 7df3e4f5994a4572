package org.borderid.bench.eval.finger;

import java.util.function.Predicate;
import java.util.function.ToDoubleBiFunction;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.image.GrayImage;

/** A deterministic system for harness tests: the template is the (finger, impression, db) code in the image. */
final class FakeSystem implements FingerprintSystem {
    record Code(int finger, int impression, int db) implements Template {}

    private final String name;
    private final Predicate<Code> refuse;
    private final Predicate<Code> crash;
    private final ToDoubleBiFunction<Code, Code> score;

    FakeSystem(String name, Predicate<Code> refuse, Predicate<Code> crash, ToDoubleBiFunction<Code, Code> score) {
        this.name = name;
        this.refuse = refuse;
        this.crash = crash;
        this.score = score;
    }

    /** Genuine pairs score 10 + impression sum, impostors the impression difference: perfectly separated. */
    static FakeSystem perfect(String name) {
        return new FakeSystem(name, c -> false, c -> false, (a, b) -> a.finger() == b.finger() && a.db() == b.db()
                ? 10 + a.impression() + b.impression() : Math.abs(a.impression() - b.impression()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Extraction extract(GrayImage image, double dpi) {
        Code code = new Code(image.get(0, 0), image.get(1, 0), image.get(2, 0));
        if (crash.test(code)) {
            throw new IllegalStateException("fake crash");
        }
        return refuse.test(code) ? new Failed("TOO_FEW_MINUTIAE") : new Extracted(code);
    }

    @Override
    public Template fresh(Template template) {
        return template;
    }

    @Override
    public Probe prepare(Template probe) {
        Code p = (Code) probe;
        return candidate -> score.applyAsDouble(p, (Code) candidate);
    }

    /** A system whose every call throws UnsupportedOperationException, like BorderID's stubs. */
    static FingerprintSystem unimplemented(String name) {
        return new FingerprintSystem() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Extraction extract(GrayImage image, double dpi) {
                throw new UnsupportedOperationException("fingerprint extraction is being implemented");
            }

            @Override
            public Probe prepare(Template probe) {
                throw new UnsupportedOperationException("matching is being implemented");
            }

            @Override
            public Template fresh(Template template) {
                return template;
            }
        };
    }
}
