package org.borderid.server.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderid.cli.UsageException;

/**
 * Command-line options of the server's commands: {@code --name value}, {@code --name=value} and flags
 * ({@code --demo}); everything else is positional. Unknown options are usage errors.
 */
final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {}

    /**
     * @param withValue options that take a value
     * @param flags     options without a value
     */
    static Options parse(List<String> args, Set<String> withValue, Set<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                o.positional.add(a);
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (flags.contains(name) && value == null) {
                o.put(name, "true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                o.put(name, value);
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        return o;
    }

    private void put(String name, String value) {
        if (values.put(name, value) != null) {
            throw new UsageException(name + " given twice");
        }
    }

    String get(String name) {
        return values.get(name);
    }

    String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    int intValue(String name, int defaultValue, int min, int max) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException(name + " must be " + min + ".." + max + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer: " + v);
        }
    }

    List<String> positional() {
        return positional;
    }
}
