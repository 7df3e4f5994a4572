package org.borderid.server.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of each component the API depends on (gallery, face engine, fingerprint engine, audit log), for
 * {@code GET /ready} and for refusing requests with 503 while a component is starting or has failed.
 */
public final class Readiness {
    /** A component's state. */
    public enum State {
        /** Loading (models, gallery recovery). */
        STARTING,
        /** Serving. */
        READY,
        /** Not configured on purpose (e.g. no face models): its requests get 503, but the server is ready. */
        DISABLED,
        /** Failed to start; the detail says why. */
        FAILED
    }

    /** A component's state and a human-readable detail (never secrets or biometric data). */
    public record Status(State state, String detail) {
        public Status {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(detail, "detail");
        }
    }

    private final Map<String, Status> components = new ConcurrentHashMap<>();

    /** Sets a component's state. */
    public void set(String component, State state, String detail) {
        components.put(component, new Status(state, detail));
    }

    /** A component's state ({@code DISABLED} if never registered). */
    public Status get(String component) {
        return components.getOrDefault(component, new Status(State.DISABLED, "not configured"));
    }

    /** Whether every registered component is READY or DISABLED. */
    public boolean ready() {
        return components.values().stream().allMatch(s -> s.state() == State.READY || s.state() == State.DISABLED);
    }

    /** A snapshot, component name → status, sorted by name. */
    public Map<String, Status> snapshot() {
        Map<String, Status> out = new LinkedHashMap<>();
        components.keySet().stream().sorted().forEach(k -> out.put(k, components.get(k)));
        return out;
    }
}
