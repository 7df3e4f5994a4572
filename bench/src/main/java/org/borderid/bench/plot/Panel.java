package org.borderid.bench.plot;

import java.util.List;
import java.util.Objects;

/**
 * One chart of a {@link Figure}: a title, two axes, series and short notes printed in the top-right corner of the
 * plot area (e.g. each system's EER).
 */
public record Panel(String title, Axis x, Axis y, List<Series> series, List<String> notes) {
    public Panel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        series = List.copyOf(series);
        notes = List.copyOf(notes);
    }
}
