package org.borderid.bench.report;

import java.util.Locale;

/** The load generator's steps as a table: the same transaction over HTTP, closed-loop clients on loopback. */
final class LoadSection {
    private LoadSection() {}

    static MarkdownTable table(LoadRun run) {
        MarkdownTable t = new MarkdownTable(">HTTP clients", ">requests", ">errors", ">requests/s", ">p50 ms",
                ">p95 ms", ">p99 ms", ">max ms");
        for (LoadRun.Step s : run.steps()) {
            t.row(Integer.toString(s.clients()), Numbers.count(s.requests()), Numbers.count(s.errors()),
                    Numbers.figure(s.throughput()), Numbers.figure(s.p50Ms()), Numbers.figure(s.p95Ms()),
                    Numbers.figure(s.p99Ms()), Numbers.figure(s.maxMs()));
        }
        return t;
    }

    /** One sentence on what the load run measured. */
    static String describe(LoadRun run) {
        return String.format(Locale.ROOT, "Load generator: scenario `%s` against %s, %s s per step, %d cores on the "
                + "generating machine (clients and server share them when the server runs in-process).",
                run.scenario(), run.url(), Numbers.figure(run.durationSeconds()), run.cores());
    }
}
