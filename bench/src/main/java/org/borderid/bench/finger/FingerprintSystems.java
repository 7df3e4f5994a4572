package org.borderid.bench.finger;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The fingerprint systems the bench knows, by name. */
public final class FingerprintSystems {
    /** Every system name, in report order: ours first. */
    public static final List<String> NAMES = List.of(BorderIdSystem.NAME, SourceAfisSystem.NAME);

    private FingerprintSystems() {}

    /**
     * A new instance of the named system.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static FingerprintSystem named(String name) {
        Supplier<FingerprintSystem> factory = switch (name.toLowerCase(Locale.ROOT)) {
            case BorderIdSystem.NAME -> BorderIdSystem::new;
            case SourceAfisSystem.NAME -> SourceAfisSystem::new;
            default -> throw new IllegalArgumentException(
                    "unknown fingerprint system '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
        return factory.get();
    }
}
