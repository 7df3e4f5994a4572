package org.borderid.bench.report;

import java.util.Locale;
import java.util.Objects;
import org.borderid.bench.plot.Figure;

/**
 * How figures are named, captioned and linked: every figure's subtitle names the machine and the date and warns that
 * absolute numbers vary from run to run.
 *
 * @param folderLink the plot folder as a link from the document ({@code performance/}), ending in {@code /}
 * @param extension  {@code svg} or {@code png}
 * @param machine    the machine and date line of every subtitle
 */
record Plots(String folderLink, String extension, String machine) {
    /** Appended to every figure's subtitle. */
    static final String CAVEAT = "Absolute numbers vary from run to run and between machines; compare the ratios "
            + "within one run.";

    Plots {
        Objects.requireNonNull(folderLink, "folderLink");
        if (!folderLink.isEmpty() && !folderLink.endsWith("/")) {
            throw new IllegalArgumentException("folder link must end in /: " + folderLink);
        }
        if (!extension.equals("svg") && !extension.equals("png")) {
            throw new IllegalArgumentException("plots are svg or png: " + extension);
        }
        Objects.requireNonNull(machine, "machine");
    }

    /** The subtitle of every figure: the machine, the date, the caveat. */
    String subtitle() {
        return machine + ". " + CAVEAT;
    }

    /** The file name of a figure. */
    String fileName(String base) {
        return base + "." + extension;
    }

    /** A Markdown image of the figure with alt text. */
    String embed(String base, String alt) {
        return String.format(Locale.ROOT, "![%s](%s%s)", alt, folderLink, fileName(base));
    }

    /** A figure to write, by base file name. */
    record Named(String base, Figure figure) {
        Named {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(figure, "figure");
        }
    }
}
