package org.borderid.bench.report;

import java.util.Locale;
import java.util.Optional;

/** The capacity estimate as a table with where each figure comes from, and the assumptions in words. */
final class CapacitySection {
    /** Fingers of a full enrollment. */
    static final int TEN = 10;

    private CapacitySection() {}

    static Section render(ReportInputs in) {
        Assumptions a = in.assumptions();
        Optional<CapacityEstimate> estimate = CapacityEstimate.of(KioskScaling.of(in.jmh()), in.cores(),
                in.galleryFootprint(), a);
        if (estimate.isEmpty()) {
            return Section.text("_No estimate: the kiosk benchmark (`" + KioskScaling.BENCHMARK + "`) is not in this "
                    + "run._\n");
        }
        CapacityEstimate e = estimate.get();
        MarkdownTable t = new MarkdownTable("figure", ">value", "from");
        t.row("transactions/s per core, one kiosk", Numbers.figure(e.perCoreSingle()),
                "measured: 1000 / mean ms of one kiosk thread");
        t.row("transactions/s per node, saturated", Numbers.figure(e.saturated().throughput()),
                "measured: " + e.saturated().threads()
                        + (e.saturated().threads() == 1 ? " kiosk" : " concurrent kiosks") + " on " + e.cores()
                        + " cores");
        t.row("transactions/s per core, saturated", Numbers.figure(e.perCoreSaturated()),
                "the node figure / " + e.cores() + " cores");
        t.row("kiosks per node", Numbers.figure(e.kiosksPerNode()), String.format(Locale.ROOT,
                "node figure × %s utilisation × %s s per transaction (assumptions)", Numbers.figure(a.utilisation()),
                Numbers.figure(a.kioskSeconds())));
        in.galleryFootprint().ifPresentOrElse(g -> {
            GalleryFootprint.Entry big = g.largest();
            String kind = big.facesPerSubject() + " face + " + big.fingersPerSubject() + " fingers";
            t.row("heap per subject (" + kind + ")", Numbers.bytes(e.heapPerSubject()),
                    "measured up to " + Numbers.count(big.subjects()) + " subjects");
            t.row("disk per subject", Numbers.bytes(e.diskPerSubject()), "measured, index files");
            t.row("subjects per node, index in memory", Numbers.count(e.subjectsInMemory()),
                    "(" + Numbers.bytes(a.nodeBytes()) + " − " + Numbers.bytes(a.reservedBytes())
                            + " reserved) / (heap + disk per subject)");
            t.row("subjects per node, heap only", Numbers.count(e.subjectsHeapOnly()),
                    "upper bound: index read from disk through the page cache");
        }, () -> t.row("subjects per node", "n/a", "no gallery footprint given (`--gallery`)"));
        StringBuilder b = new StringBuilder(t.render()).append('\n');
        if (e.saturated().threads() < e.cores()) {
            b.append(String.format(Locale.ROOT, "Throughput peaked at %d concurrent kiosk%s on this %d-core machine: "
                    + "more kiosks did not add transactions per second, so the cores were not the run's own (see the "
                    + "load above). A quiet re-run shows how close a node gets to %d × the one-kiosk figure.%n%n",
                    e.saturated().threads(), e.saturated().threads() == 1 ? "" : "s", e.cores(), e.cores()));
        }
        in.galleryFootprint().ifPresent(g -> b.append("Gallery footprint: ").append(g.method()).append(" (")
                .append(g.galleries().stream().map(entry -> Numbers.count(entry.subjects()))
                        .reduce((x, y) -> x + " and " + y).orElse(""))
                .append(" subjects; per subject: the slope between the two largest).")
                .append(g.largest().fingersPerSubject() < TEN ? " Its subjects carry "
                        + g.largest().fingersPerSubject() + " fingers each; subjects enrolled with ten fingers hold "
                        + "more finger templates and index terms and fit fewer per node (not measured in this run)."
                        : "").append("\n\n"));
        b.append(String.format(Locale.ROOT, """
                Assumptions (not measured; `bench-report` options change them):
                - one transaction per kiosk at most every %s s (`--kiosk-seconds`): document, face and two fingers \
                presented and the gate passed;
                - the node is planned at %s%% of its saturated throughput (`--utilisation`): in a single queue with \
                random arrivals the mean response time is the service time / (1 − utilisation), so at 50%% a \
                transaction waits on average as long as it runs;
                - %s of the node's %s stay reserved for the operating system, the JVM's non-heap memory, the face \
                networks and requests in flight (`--reserved-gib`);
                - the transaction is the in-process engine work only (no HTTP, TLS, JSON or audit log): the \
                load-generator figures, when present, show what the server adds;
                - per-core figures scale to larger nodes only while memory bandwidth and the gallery's locks keep up: \
                measure on the target hardware before buying it.
                """, Numbers.figure(a.kioskSeconds()), Numbers.figure(a.utilisation() * 100),
                Numbers.bytes(a.reservedBytes()), Numbers.bytes(a.nodeBytes())));
        return Section.text(b.toString());
    }
}
