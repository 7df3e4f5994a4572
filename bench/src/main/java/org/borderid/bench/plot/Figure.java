package org.borderid.bench.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A figure: a title, an optional subtitle, and panels laid out in a grid of {@code columns}, each
 * {@code panelWidth × panelHeight} pixels (SVG user units; PNG pixels before scaling). One legend, above the panels,
 * lists every non-reference series name with its colour.
 *
 * <p>Write it with {@link FigureWriter} (SVG or PNG); both go through the same layout.
 */
public record Figure(String title, String subtitle, int columns, int panelWidth, int panelHeight, List<Panel> panels) {
    /** Default panel size, pixels: readable tick labels at a 3-column width of about 1100 px. */
    public static final int DEFAULT_PANEL_WIDTH = 360;
    public static final int DEFAULT_PANEL_HEIGHT = 300;

    public Figure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        if (columns < 1 || panelWidth < 120 || panelHeight < 100) {
            throw new IllegalArgumentException("columns >= 1 and panels at least 120x100 px: " + columns + ", "
                    + panelWidth + "x" + panelHeight);
        }
    }

    /** A figure with default panel sizes and at most {@code maxColumns} columns. */
    public static Figure grid(String title, String subtitle, int maxColumns, List<Panel> panels) {
        return new Figure(title, subtitle, Math.max(1, Math.min(maxColumns, panels.size())), DEFAULT_PANEL_WIDTH,
                DEFAULT_PANEL_HEIGHT, panels);
    }

    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    /** Legend entries: distinct names of non-reference series, in first-seen order. */
    public List<String> legend() {
        Set<String> names = new LinkedHashSet<>();
        for (Panel p : panels) {
            for (Series s : p.series()) {
                if (s.style() != Series.Style.REFERENCE) {
                    names.add(s.name());
                }
            }
        }
        return new ArrayList<>(names);
    }
}
