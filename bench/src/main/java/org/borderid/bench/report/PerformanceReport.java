package org.borderid.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.borderid.bench.plot.Figure;
import org.borderid.bench.plot.FigureWriter;

/**
 * The performance report ({@code docs/performance.md}): the hand-written {@link ReportTemplate} filled with sections
 * generated from JMH results, the load generator's output and the gallery footprint, plus its figures. A pure
 * function of its inputs: regenerating from the same files gives the same bytes.
 *
 * @param markdown the document
 * @param figures  the figures it links by file name ({@code kiosk-scaling.svg}), to write into the plot folder
 */
public record PerformanceReport(String markdown, Map<String, Figure> figures) {
    public PerformanceReport {
        Objects.requireNonNull(markdown, "markdown");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /**
     * Generates the report.
     *
     * @param in         the inputs
     * @param plotLink   the plot folder as linked from the document, ending in {@code /} ({@code performance/})
     * @param plotFormat {@code svg} or {@code png}
     * @param command    the command that regenerates this report (printed in it)
     */
    public static PerformanceReport generate(ReportInputs in, String plotLink, String plotFormat, String command) {
        Plots plots = new Plots(plotLink, plotFormat, RunSection.machineLine(in));
        Map<String, Section> sections = new LinkedHashMap<>();
        sections.put("run", RunSection.render(in));
        sections.put("capacity", CapacitySection.render(in));
        sections.put("kiosk", KioskSection.render(in, plots));
        sections.put("identification", IdentificationSection.render(in, plots));
        sections.put("fingerprints", PeerSection.render(in, plots));
        sections.put("faces", TrialTables.topic(in.jmh(), r -> r.benchmark().contains(".jmh.face."),
                "Not in this run: no face benchmark (`org.borderid.bench.jmh.face`)."));
        sections.put("enrollment", TrialTables.topic(in.jmh(), r -> r.className().startsWith("Enrollment"),
                "Not in this run: no enrollment benchmark."));
        sections.put("all", TrialTables.all(in.jmh()));
        sections.put("regenerate", Section.text("```bash\n" + command + "\n```\n"));
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, Figure> figures = new LinkedHashMap<>();
        sections.forEach((name, s) -> {
            text.put(name, s.markdown());
            s.figures().forEach(f -> figures.put(plots.fileName(f.base()), f.figure()));
        });
        return new PerformanceReport(ReportTemplate.standard().fill(text), figures);
    }

    /** Writes the document and its figures (creating folders); returns the figure files written. */
    public List<Path> write(Path document, Path plotFolder) throws IOException {
        Path parent = document.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(document, markdown, StandardCharsets.UTF_8);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Figure> f : figures.entrySet()) {
            Path file = plotFolder.resolve(f.getKey());
            FigureWriter.write(f.getValue(), file);
            written.add(file);
        }
        return written;
    }
}
