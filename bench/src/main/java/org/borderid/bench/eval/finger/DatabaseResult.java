package org.borderid.bench.eval.finger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of every system on one database.
 *
 * @param name           database name, e.g. {@code fvc2002/DB1_B}
 * @param dpi            its resolution, dpi
 * @param images         images in it
 * @param genuinePairs   genuine comparisons (FVC set B: 280)
 * @param impostorPairs  impostor comparisons (FVC set B: 2,880)
 * @param decodeFailures images that could not be decoded (count toward every system's FTE)
 * @param systems        one result per system, in the order asked for
 */
public record DatabaseResult(String name, double dpi, int images, int genuinePairs, int impostorPairs,
        int decodeFailures, List<SystemResult> systems) {
    public DatabaseResult {
        Objects.requireNonNull(name, "name");
        systems = List.copyOf(systems);
    }

    /** The named system's result, if it was run. */
    public Optional<SystemResult> result(String system) {
        return systems.stream().filter(r -> r.system().equals(system)).findFirst();
    }

    /** 1 / impostor pairs: the lowest FMR this database resolves. */
    public double minFmr() {
        return impostorPairs == 0 ? Double.NaN : 1.0 / impostorPairs;
    }
}
