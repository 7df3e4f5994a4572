package org.borderid.server.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.borderid.server.service.DecisionPolicy;

/**
 * Everything {@code borderid serve} needs, read from {@code server.yaml} (YAML or JSON) with command-line flags on
 * top. Every key is optional; unknown keys are errors (a typo must not silently fall back to a default). The keys,
 * defaults and their reasons are listed in {@code docs/server.md}.
 *
 * @param host   address to bind (default {@code 127.0.0.1}: local only until deliberately exposed)
 * @param port   TCP port (default 8080; 0 picks a free port)
 * @param data   the data folder: gallery, API keys, audit log, import spool (default {@code borderid-data})
 * @param tls    TLS certificate and key, or {@code null} for plain HTTP
 * @param limits resource limits
 * @param face   face models, or {@code null} to run without faces
 * @param policy the decision policy of verify and identify
 * @param demoData demo mode ({@code --demo} only, never from a file): the shared datasets the demo gallery is built
 *                 from; {@code null} outside demo mode
 */
public record ServerConfig(String host, int port, String data, TlsConfig tls, Limits limits, FaceConfig face,
        DecisionPolicy policy, @JsonIgnore String demoData) {

    /** Defaults: 127.0.0.1:8080, ./borderid-data, no TLS, default limits and policy, no face models. */
    public static final ServerConfig DEFAULT = new ServerConfig("127.0.0.1", 8080, "borderid-data", null,
            Limits.DEFAULT, null, DecisionPolicy.DEFAULT, null);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (data == null || data.isBlank()) {
            throw new IllegalArgumentException("data (the data folder) must not be empty");
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(policy, "policy");
    }

    /** Whether demo mode is on. */
    public boolean demo() {
        return demoData != null;
    }

    /** The data folder as a path. */
    public Path dataFolder() {
        return Path.of(data);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, data, tls, limits, face, policy, demoData);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, data, tls, limits, face, policy, demoData);
    }

    public ServerConfig withData(String d) {
        return new ServerConfig(host, port, d, tls, limits, face, policy, demoData);
    }

    public ServerConfig withTls(TlsConfig t) {
        return new ServerConfig(host, port, data, t, limits, face, policy, demoData);
    }

    public ServerConfig withLimits(Limits l) {
        return new ServerConfig(host, port, data, tls, l, face, policy, demoData);
    }

    public ServerConfig withFace(FaceConfig f) {
        return new ServerConfig(host, port, data, tls, limits, f, policy, demoData);
    }

    public ServerConfig withPolicy(DecisionPolicy p) {
        return new ServerConfig(host, port, data, tls, limits, face, p, demoData);
    }

    /** Demo mode over the given shared datasets ({@code null}: off). */
    public ServerConfig withDemo(String sharedData) {
        return new ServerConfig(host, port, data, tls, limits, face, policy, sharedData);
    }

    /**
     * Reads a YAML or JSON configuration file over the defaults: nested sections are merged key by key, so a file
     * may set just {@code limits: {rateLimit: 5}}.
     *
     * @throws ConfigException naming the file and the offending key
     */
    public static ServerConfig read(Path file) {
        // Missing primitives are impossible after the merge with the defaults (demo excepted, which is ignored);
        // explicit nulls are refused below.
        ObjectMapper yaml = new YAMLMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        JsonNode user;
        try {
            user = yaml.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
        if (user == null || user.isMissingNode() || user.isNull()) {
            return DEFAULT;
        }
        if (!user.isObject()) {
            throw new ConfigException("configuration " + file + " must be a mapping of keys to values");
        }
        if (user.has("demo") || user.has("demoData")) {
            throw new ConfigException("configuration " + file + ": demo mode cannot be configured in a file; it is "
                    + "switched on with 'serve --demo' only");
        }
        rejectNulls(file, user, "");
        ObjectNode merged = yaml.valueToTree(DEFAULT);
        merge(merged, (ObjectNode) user);
        try {
            return yaml.treeToValue(merged, ServerConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("configuration " + file + ": unknown key '" + e.getPropertyName() + "' in "
                    + path(e) + "; known keys: " + e.getKnownPropertyIds(), e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException("configuration " + file + ": " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("configuration " + file + ": " + e.getOriginalMessage() + " at "
                    + path(e), e);
        }
    }

    private static void rejectNulls(Path file, JsonNode node, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            if (f.getValue().isNull() && !key.equals("tls") && !key.equals("face")) {
                throw new ConfigException("configuration " + file + ": key '" + key + "' has no value");
            }
            rejectNulls(file, f.getValue(), key);
        }
    }

    private static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode existing = base.get(f.getKey());
            if (existing instanceof ObjectNode e && f.getValue() instanceof ObjectNode o) {
                merge(e, o);
            } else {
                base.set(f.getKey(), f.getValue());
            }
        }
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            StringBuilder sb = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
                }
            }
            return sb.isEmpty() ? "(top level)" : sb.toString();
        }
        return "(unknown location)";
    }
}
