package org.borderid.gallery;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.borderid.finger.FingerPosition;

/**
 * The child process of {@link GalleryDurabilityTest}: opens a gallery and writes to it from several threads until it is
 * killed, printing a line for every acknowledged change, after the call returned:
 * {@code ENROLL <id>}, {@code REPLACE <id>} (version 2), {@code DELETE <id>}. A searching thread runs meanwhile.
 *
 * <p>Arguments: gallery directory, id prefix, writer threads.
 */
public final class DurabilityChild {
    private DurabilityChild() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        String prefix = args[1];
        int threads = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, false);
        Gallery gallery = Gallery.open(directory, TestRecords.config().withCommitInterval(Duration.ofSeconds(1)));
        out.println("OPEN " + gallery.count());
        out.flush();
        AtomicBoolean run = new AtomicBoolean(true);
        Thread searcher = new Thread(() -> {
            while (run.get()) {
                gallery.identifyFingers(Map.of(FingerPosition.RIGHT_INDEX, TestRecords.template(7)), SubjectFilter.ALL,
                        5);
                gallery.identifyFace(TestRecords.face(7), SubjectFilter.inLists("watchlist"), 5);
            }
        });
        searcher.setDaemon(true);
        searcher.start();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int n = 0; ; n++) {
                    String id = prefix + "-" + thread + "-" + n;
                    gallery.enroll(TestRecords.record(id, 1));
                    print(out, "ENROLL " + id);
                    if (n % 5 == 4) {
                        gallery.replace(TestRecords.record(id, 2));
                        print(out, "REPLACE " + id);
                    }
                    if (n % 7 == 6) {
                        gallery.delete(id);
                        print(out, "DELETE " + id);
                    }
                }
            });
            writer.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void print(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
