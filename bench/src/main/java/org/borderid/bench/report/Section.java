package org.borderid.bench.report;

import java.util.List;
import java.util.Objects;

/**
 * One generated part of the report: Markdown for a template placeholder and the figures it links.
 *
 * @param markdown the text
 * @param figures  figures to write beside the document
 */
record Section(String markdown, List<Plots.Named> figures) {
    Section {
        Objects.requireNonNull(markdown, "markdown");
        figures = List.copyOf(figures);
    }

    static Section text(String markdown) {
        return new Section(markdown, List.of());
    }
}
