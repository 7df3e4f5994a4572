package org.borderid.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-written part of {@code docs/performance.md}: a Markdown template in the bench module's resources whose
 * {@code {{name}}} placeholders the report fills with generated sections. Edit the template, never the generated
 * document.
 */
final class ReportTemplate {
    /** The template resource. */
    static final String RESOURCE = "/org/borderid/bench/report/performance.md";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z0-9-]*)}}");

    private final String text;

    ReportTemplate(String text) {
        this.text = text;
    }

    /** The template shipped with the bench module. */
    static ReportTemplate standard() {
        try (InputStream in = ReportTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("report template " + RESOURCE + " missing from the classpath");
            }
            return new ReportTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The placeholder names, in order of first use. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The template with every placeholder replaced.
     *
     * @throws IllegalArgumentException if a placeholder has no value or a value has no placeholder (a section the
     *                                  template forgot would silently vanish)
     */
    String fill(Map<String, String> values) {
        Set<String> unused = new LinkedHashSet<>(values.keySet());
        unused.removeAll(placeholders());
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("the template has no placeholder for " + unused);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for template placeholder {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
