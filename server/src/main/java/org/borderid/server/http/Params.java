package org.borderid.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** Query parameter parsing with field-level 400s. */
final class Params {
    private Params() {}

    /** An integer query parameter within bounds, or the default when absent. */
    static long longParam(Context ctx, String name, long defaultValue, long min, long max) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) {
            return defaultValue;
        }
        if (values.size() > 1) {
            throw ApiException.invalidField(name, "REPEATED", "give '" + name + "' once");
        }
        try {
            long v = Long.parseLong(values.get(0).trim());
            if (v < min || v > max) {
                throw ApiException.invalidField(name, "OUT_OF_RANGE", "must be " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, "WRONG_TYPE", "must be an integer");
        }
    }

    /** A string query parameter, or null when absent. */
    static String stringParam(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ApiException.invalidField(name, "REPEATED", "give '" + name + "' once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** Refuses query parameters other than the given ones (typos must not be silently ignored). */
    static void allowOnly(Context ctx, String... names) {
        Set<String> allowed = Set.of(names);
        for (String key : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(key)) {
                throw ApiException.invalidField(key, "UNKNOWN_FIELD", "unknown query parameter; expected "
                        + (names.length == 0 ? "none" : String.join(", ", names)));
            }
        }
    }
}
