package org.borderid.finger.engine.match;

import java.util.Objects;
import java.util.function.Function;
import org.borderid.finger.FingerprintTemplate;

/**
 * Engine-internal access to the {@link PreparedTemplate} each {@link FingerprintTemplate} caches, for engine code
 * outside the facade package (the 1:N index reads cylinders through it). The facade installs the accessor once, from
 * {@code FingerprintTemplate}'s static initializer, so no engine type appears in its public API.
 */
public final class PreparedTemplates {
    private static volatile Function<FingerprintTemplate, PreparedTemplate> access;

    private PreparedTemplates() {}

    /** The template's prepared structures, built and cached on first use. */
    public static PreparedTemplate of(FingerprintTemplate template) {
        Objects.requireNonNull(template, "template");
        // An instance exists, so FingerprintTemplate's static initializer has run and installed the accessor.
        return access.apply(template);
    }

    /**
     * Installs the accessor. Called by {@code FingerprintTemplate} only; any other caller is refused.
     *
     * @throws IllegalStateException when called twice or from elsewhere
     */
    public static synchronized void install(Function<FingerprintTemplate, PreparedTemplate> accessor) {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        if (caller != FingerprintTemplate.class || access != null) {
            throw new IllegalStateException("the prepared-template accessor is installed by FingerprintTemplate only");
        }
        access = Objects.requireNonNull(accessor, "accessor");
    }
}
