package org.borderid.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks real exchanges against {@code docs/openapi.yaml} (the copy the server jar serves): the route and method are
 * documented, the status is one of the operation's responses, the content type is one it declares, and the body
 * validates against its JSON Schema (2020-12, the dialect of OpenAPI 3.1). Request bodies of successful JSON
 * requests are validated against the request schema too.
 */
public final class OpenApiContract {
    /** Classpath location of the document (copied from docs/ at build time). */
    public static final String RESOURCE = "org/borderid/server/http/openapi.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final JsonNode doc;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final List<String> exchanges = new ArrayList<>();

    private OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            doc = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared instance. */
    public static OpenApiContract get() {
        return INSTANCE;
    }

    /** The parsed document. */
    public JsonNode document() {
        return doc;
    }

    /** Validates one exchange; throws AssertionError naming every violation. */
    public void check(TestClient.Response r) {
        List<String> problems = new ArrayList<>();
        String path = r.path().split("\\?", 2)[0];
        String template = template(path);
        if (template == null) {
            // Unknown routes must still answer with a documented problem.
            if (r.status() != 404 && r.status() != 413 && r.status() != 401) {
                problems.add("undocumented path " + path + " answered " + r.status());
            }
            checkProblem(r, problems);
            fail(r, problems);
            return;
        }
        String pointer = "/paths/" + escape(template);
        JsonNode operation = doc.at(pointer).path(r.method().toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            if (r.status() != 405 && r.status() != 413) {
                problems.add("method " + r.method() + " of " + template + " is undocumented but answered "
                        + r.status());
            }
            checkProblem(r, problems);
            fail(r, problems);
            return;
        }
        pointer += "/" + r.method().toLowerCase(Locale.ROOT);
        if (r.status() / 100 == 2 && r.requestBody() != null && r.requestContentType() != null
                && r.requestContentType().startsWith("application/json")) {
            String requestPointer = pointer + "/requestBody/content/application~1json/schema";
            if (doc.at(requestPointer).isMissingNode()) {
                problems.add("no JSON request schema for " + r.method() + " " + template);
            } else {
                validate(requestPointer, readJson(r.requestBody()), "request", problems);
            }
        }
        JsonNode response = operation.path("responses").path(Integer.toString(r.status()));
        String responsePointer = pointer + "/responses/" + r.status();
        if (response.isMissingNode()) {
            problems.add("status " + r.status() + " is not documented for " + r.method() + " " + template);
            fail(r, problems);
            return;
        }
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = doc.at(responsePointer);
        }
        JsonNode content = response.path("content");
        String type = r.contentType() == null ? null : r.contentType().split(";", 2)[0].trim();
        if (content.isMissingNode() || content.isEmpty()) {
            if (r.raw().length > 0) {
                problems.add("a body was sent where none is documented");
            }
        } else if (type == null || !content.has(type)) {
            problems.add("content type " + type + " is not one of " + names(content));
        } else if (type.contains("json")) {
            validate(responsePointer + "/content/" + escape(type) + "/schema", r.json(), "response", problems);
        }
        synchronized (exchanges) {
            exchanges.add(r.method() + " " + template + " " + r.status());
        }
        fail(r, problems);
    }

    /** Violations of a JSON document against a component schema (empty when valid). */
    public List<String> violations(String componentSchema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        validate("/components/schemas/" + componentSchema, value, "value", problems);
        return problems;
    }

    /** Distinct "METHOD template status" exchanges checked so far. */
    public Set<String> checkedExchanges() {
        synchronized (exchanges) {
            return Set.copyOf(exchanges);
        }
    }

    private void checkProblem(TestClient.Response r, List<String> problems) {
        String type = r.contentType() == null ? "" : r.contentType();
        if (!type.startsWith("application/problem+json")) {
            problems.add("expected a problem+json answer, got " + type);
        } else {
            validate("/components/schemas/Problem", r.json(), "problem", problems);
        }
    }

    private void validate(String pointer, JsonNode value, String what, List<String> problems) {
        JsonSchema schema = schemas.computeIfAbsent(pointer, p -> factory.getSchema(
                SchemaLocation.of("classpath:" + RESOURCE + "#" + p)));
        Set<ValidationMessage> messages = schema.validate(value == null ? JSON.nullNode() : value);
        for (ValidationMessage m : messages) {
            problems.add(what + " violates " + pointer + ": " + m.getMessage());
        }
    }

    private String template(String path) {
        Iterator<String> names = doc.path("paths").fieldNames();
        String match = null;
        while (names.hasNext()) {
            String t = names.next();
            if (t.equals(path)) {
                return t;
            }
            String regex = Pattern.quote(t).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex) && match == null) {
                match = t;
            }
        }
        return match;
    }

    private static String escape(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    private static void fail(TestClient.Response r, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("OpenAPI contract violated by " + r.method() + " " + r.path() + " -> "
                    + r.status() + ":\n  " + String.join("\n  ", problems) + "\n  body: " + abbreviate(r.text()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
    }

    static {
        // InputFormat is referenced so the YAML loader is on the class path when the factory resolves classpath refs.
        InputFormat.values();
    }
}
