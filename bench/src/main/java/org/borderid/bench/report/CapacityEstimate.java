package org.borderid.bench.report;

import java.util.Objects;
import java.util.Optional;

/**
 * The capacity estimate: transactions per second per core from the kiosk benchmark, kiosks per node under the
 * {@link Assumptions}, and subjects per node from the measured gallery footprint.
 *
 * @param perCoreSingle    transactions per second of one kiosk thread (one core), or NaN
 * @param saturated        the point of highest throughput
 * @param cores            processors of the benchmark machine (≥ 1)
 * @param perCoreSaturated saturated throughput per core
 * @param kiosksPerNode    kiosks one node of {@code cores} cores serves at the planned utilisation
 * @param heapPerSubject   heap bytes per enrolled subject, or NaN without a footprint
 * @param diskPerSubject   disk bytes per subject, or NaN
 * @param subjectsInMemory subjects whose heap and index both fit the node's memory beside the reserve, or −1
 * @param subjectsHeapOnly subjects whose heap alone fits (index served from disk through the page cache), or −1
 */
record CapacityEstimate(double perCoreSingle, KioskScaling.Point saturated, int cores, double perCoreSaturated,
        double kiosksPerNode, double heapPerSubject, double diskPerSubject, long subjectsInMemory,
        long subjectsHeapOnly) {
    CapacityEstimate {
        Objects.requireNonNull(saturated, "saturated");
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1: " + cores);
        }
    }

    /** The estimate, if the kiosk benchmark ran; the gallery figures stay NaN/−1 without a footprint. */
    static Optional<CapacityEstimate> of(Optional<KioskScaling> scaling, int cores, Optional<GalleryFootprint> gallery,
            Assumptions a) {
        if (scaling.isEmpty()) {
            return Optional.empty();
        }
        int c = Math.max(1, cores);
        KioskScaling s = scaling.get();
        KioskScaling.Point sat = s.saturated();
        double single = s.single().map(KioskScaling.Point::throughput).orElse(Double.NaN);
        double kiosks = sat.throughput() * a.utilisation() * a.kioskSeconds();
        double heap = gallery.map(GalleryFootprint::heapPerSubject).orElse(Double.NaN);
        double disk = gallery.map(GalleryFootprint::diskPerSubject).orElse(Double.NaN);
        double available = a.nodeBytes() - a.reservedBytes();
        long inMemory = gallery.isPresent() && heap + disk > 0 ? (long) (available / (heap + disk)) : -1;
        long heapOnly = gallery.isPresent() && heap > 0 ? (long) (available / heap) : -1;
        return Optional.of(new CapacityEstimate(single, sat, c, sat.throughput() / c, kiosks, heap, disk, inMemory,
                heapOnly));
    }
}
