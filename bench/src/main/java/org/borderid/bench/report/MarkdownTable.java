package org.borderid.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table: a header row, alignment per column, then rows of the same width. */
final class MarkdownTable {
    private final List<String> header;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Columns whose name starts with {@code >} are right-aligned (numbers); the marker is not printed. */
    MarkdownTable(String... columns) {
        header = new ArrayList<>();
        rightAligned = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            rightAligned[i] = columns[i].startsWith(">");
            header.add(rightAligned[i] ? columns[i].substring(1) : columns[i]);
        }
    }

    MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table " + header.size());
        }
        List<String> row = new ArrayList<>();
        for (String c : cells) {
            row.add(c.replace("|", "\\|").replace("\n", " "));
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, ending with a newline. */
    String render() {
        StringBuilder b = new StringBuilder();
        line(b, header);
        b.append('|');
        for (boolean right : rightAligned) {
            b.append(right ? "---:|" : "---|");
        }
        b.append('\n');
        rows.forEach(r -> line(b, r));
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(c).append(" |");
        }
        b.append('\n');
    }
}
