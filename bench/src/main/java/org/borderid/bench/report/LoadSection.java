package org.borderid.bench.report;

import java.util.Locale;

/** The load generator's steps as a table: the same transaction over HTTP, closed-loop clients on loopback. */
final class LoadSection {
    private LoadSection() {}

    static MarkdownTable table(LoadRun run) {
        boolean server = run.steps().stream().anyMatch(s -> Double.isFinite(s.serverCpuMsPerRequest())
                || Double.isFinite(s.loadAverage1m()));
        java.util.List<String> columns = new java.util.ArrayList<>(java.util.List.of(">HTTP clients", ">requests",
                ">errors", ">requests/s", ">p50 ms", ">p95 ms", ">p99 ms", ">max ms"));
        if (server) {
            columns.addAll(java.util.List.of(">server CPU ms/request", ">load average"));
        }
        MarkdownTable t = new MarkdownTable(columns.toArray(String[]::new));
        for (LoadRun.Step s : run.steps()) {
            java.util.List<String> row = new java.util.ArrayList<>(java.util.List.of(Integer.toString(s.clients()),
                    Numbers.count(s.requests()), Numbers.count(s.errors()), Numbers.figure(s.throughput()),
                    Numbers.figure(s.p50Ms()), Numbers.figure(s.p95Ms()), Numbers.figure(s.p99Ms()),
                    Numbers.figure(s.maxMs())));
            if (server) {
                row.add(Numbers.figure(s.serverCpuMsPerRequest()));
                row.add(Numbers.figure(s.loadAverage1m()));
            }
            t.row(row.toArray(String[]::new));
        }
        return t;
    }

    /** One sentence on what the load run measured. */
    static String describe(LoadRun run) {
        String text = String.format(Locale.ROOT, "Load generator: scenario `%s` against %s, %s s per step, %d cores on "
                + "the generating machine (clients and server share them when the server runs on the same machine).",
                run.scenario(), run.url(), Numbers.figure(run.durationSeconds()), run.cores());
        if (run.steps().stream().anyMatch(s -> Double.isFinite(s.serverCpuMsPerRequest()))) {
            text += " Server CPU ms/request is the server process's CPU time per request (from its metrics): "
                    + "1000 / it is the requests one fully used core serves, whatever else the machine runs.";
        }
        return text;
    }
}
